package org.yizhan.support;

import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs each test as the national union admin, for tests that call the registry directly
 * (as a request would, after signing in) to set up stations.
 */
public class ActingAsNationalAdmin implements BeforeEachCallback, AfterEachCallback {

	public static final Actor NATIONAL_ADMIN = new Actor(0, "admin", OrganizationTree.NATIONAL_CODE,
			OrganizationTree.NATIONAL_CODE, Set.of(Role.ORG_ADMIN));

	@Override
	public void beforeEach(ExtensionContext context) {
		signIn();
	}

	/**
	 * Signs in again: a request through MockMvc's security filters clears the context
	 * when it ends, so a test that calls the registry after a request signs in first.
	 */
	public static void signIn() {
		Actor.Principal principal = () -> NATIONAL_ADMIN;
		TestingAuthenticationToken authentication = new TestingAuthenticationToken(principal, null,
				"ROLE_" + Role.ORG_ADMIN.name());
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		SecurityContextHolder.clearContext();
	}

}
