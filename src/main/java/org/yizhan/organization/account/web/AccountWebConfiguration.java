package org.yizhan.organization.account.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.security.Authorities;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What accounts add to the platform's web. One's own profile over the API
 * ({@code /api/v1/me}) needs a password sign-in, never a token: a token cannot manage
 * tokens, passwords or the mail address; the password itself may be changed while it is
 * expired. The rule covers a prefix that the notification centre's inbox cuts into, so it
 * comes after the specific rules. An account's personal data in clear is likewise for a
 * password sign-in only. In the console: the accounts page for those who may read
 * accounts, and the own profile under the account's name.
 */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration {

	@Bean
	AccessRules ownProfile() {
		return AccessRules.api(requests -> {
			requests.requestMatchers("/api/v1/me/password").hasAuthority(Authorities.INTERACTIVE);
			// Personal data in clear (mobile, ID number, e-mail) only to a person who
			// signed in with their password, never to a token, however scoped: a token
			// sits in an integration's configuration, and a READ one could otherwise
			// copy every account's ID number. Tokens read accounts masked.
			requests.requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/personal-data")
				.access(AccessRules.allOf(Authorities.INTERACTIVE, Authorities.PASSWORD_CURRENT));
			requests.requestMatchers("/api/v1/me/**")
				.access(AccessRules.allOf(Authorities.INTERACTIVE, Authorities.PASSWORD_CURRENT));
		}).ordered(AccessRules.PREFIX);
	}

	@Bean
	MenuEntry accountsMenu() {
		return MenuEntry.link("nav-accounts", "nav.accounts", "/console/accounts")
			.order(500)
			.visibleTo(Role.ORG_ADMIN, Role.AUDITOR);
	}

	@Bean
	MenuEntry passwordMenu() {
		return MenuEntry.link("nav-password", "nav.password", "/console/me/password").in(MenuEntry.ME).order(10);
	}

	@Bean
	MenuEntry tokensMenu() {
		return MenuEntry.link("nav-tokens", "nav.tokens", "/console/me/tokens").in(MenuEntry.ME).order(20);
	}

	@Bean
	MenuEntry emailMenu() {
		return MenuEntry.link("nav-email", "nav.email", "/console/me/email").in(MenuEntry.ME).order(30);
	}

}
