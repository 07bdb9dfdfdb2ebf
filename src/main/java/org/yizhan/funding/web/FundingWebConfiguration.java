package org.yizhan.funding.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What funding adds to the platform's web: its console pages as an entry of the
 * onboarding drop-down (money follows the stations a union built), joined by that
 * drop-down's id so that the menu bar still fits a 1366 px desk on one line. Its API
 * needs a signed-in caller like any other; who may do what is decided in the use cases.
 */
@Configuration(proxyBeanMethods = false)
class FundingWebConfiguration {

	/** The onboarding module's drop-down, joined by its id. */
	static final String ONBOARDING_MENU = "nav-onboarding";

	@Bean
	MenuEntry fundingMenu() {
		return MenuEntry.link("nav-funding", "funding.nav", "/console/funding")
			.in(ONBOARDING_MENU)
			.order(40)
			.visibleTo(Role.ORG_ADMIN, Role.FINANCE, Role.AUDITOR);
	}

}
