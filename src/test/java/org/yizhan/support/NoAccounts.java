package org.yizhan.support;

import org.yizhan.platform.security.SignedInGuard;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Stands in for the accounts of the organization module in a module test that starts
 * without it: platform's security needs at least one sign-in provider and a guard for
 * sessions, which only organization contributes. Here nobody signs in and no session
 * survives, so nothing is opened that the real module would refuse.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoAccounts {

	@Bean
	AuthenticationProvider noSignIn() {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				return null;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return false;
			}

		};
	}

	@Bean
	SignedInGuard noSession() {
		return (signedIn) -> null;
	}

}
