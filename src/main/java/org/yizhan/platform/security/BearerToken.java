package org.yizhan.platform.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The value of an {@code Authorization: Bearer …} header, not yet checked: the module
 * that issues access tokens authenticates it.
 */
public final class BearerToken extends AbstractAuthenticationToken {

	private final String value;

	public BearerToken(String value) {
		super(List.of());
		this.value = value;
	}

	public String value() {
		return value;
	}

	@Override
	public Object getCredentials() {
		return value;
	}

	@Override
	public Object getPrincipal() {
		return null;
	}

}
