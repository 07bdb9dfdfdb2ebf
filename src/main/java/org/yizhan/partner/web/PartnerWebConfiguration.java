package org.yizhan.partner.web;

import java.util.EnumSet;
import java.util.Set;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What partners add to the platform's web. The partner API
 * ({@code /api/v1/partner-api/**}) is open to the chain: its callers hold a partner's API
 * key, not an account, and its handler refuses a request without a live key (401). The
 * console's page joins onboarding's drop-down, beside the programmes, so that the menu
 * bar still fits a 1366 px desk on one line.
 */
@Configuration(proxyBeanMethods = false)
class PartnerWebConfiguration {

	/** Onboarding's drop-down ({@code onboarding.web.OnboardingWebConfiguration}). */
	static final String ONBOARDING_MENU = "nav-onboarding";

	static final String PARTNER_API = "/api/v1/partner-api/**";

	/** Who reads the partners page: union staff and a partner's own accounts. */
	static final Set<Role> READERS;

	static {
		Set<Role> readers = EnumSet.copyOf(Role.UNION_ROLES);
		readers.add(Role.PARTNER_ADMIN);
		readers.add(Role.PARTNER_REVIEWER);
		READERS = Set.copyOf(readers);
	}

	@Bean
	AccessRules partnerKeyApi() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.GET, PARTNER_API).permitAll();
			requests.requestMatchers(HttpMethod.HEAD, PARTNER_API).permitAll();
		});
	}

	@Bean
	MenuEntry partnersMenu() {
		return MenuEntry.link("nav-partners", "partner.nav", "/console/partners")
			.in(ONBOARDING_MENU)
			.order(40)
			.visibleTo(READERS);
	}

}
