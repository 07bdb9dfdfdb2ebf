package org.yizhan.onboarding.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;
import org.yizhan.platform.web.RateLimitedPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What onboarding adds to the platform's web. A host applies without an account and
 * follows the application by its status link (128 random bits); submissions and look-ups
 * are held to per-address limits of their own ({@link OnboardingRateLimits}) and the
 * submission path and the hours reading also spend from the public API's bucket. The
 * console's applications are for union admins and reviewers.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingWebConfiguration {

	static final String ONBOARDING_MENU = "nav-onboarding";

	static final String APPLICATIONS = "/api/v1/applications";

	static final String STATUS = "/api/v1/applications/*";

	static final String HOURS_READING = "/apply/hours";

	@Bean
	AccessRules onboardingPublicApi() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.POST, APPLICATIONS).permitAll();
			requests.requestMatchers(HttpMethod.GET, STATUS).permitAll();
			requests.requestMatchers(HttpMethod.HEAD, STATUS).permitAll();
		});
	}

	@Bean
	RateLimitedPaths onboardingRateLimited() {
		return RateLimitedPaths.of(APPLICATIONS, HOURS_READING);
	}

	@Bean
	MenuEntry onboardingMenu() {
		// one drop-down for the union's side of onboarding, so that the console's menu
		// bar
		// still fits a 1366 px desk on one line
		return MenuEntry.dropdown(ONBOARDING_MENU, "onboarding.nav").order(120);
	}

	@Bean
	MenuEntry applicationsMenu() {
		return MenuEntry.link("nav-applications", "onboarding.nav.list", "/console/applications")
			.in(ONBOARDING_MENU)
			.order(10)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER);
	}

	@Bean
	MenuEntry selectionMenu() {
		return MenuEntry.link("nav-selection", "onboarding.selection.nav", "/console/applications/selection")
			.in(ONBOARDING_MENU)
			.order(20)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER);
	}

	@Bean
	MenuEntry programmesMenu() {
		return MenuEntry.link("nav-programmes", "onboarding.programme.nav", "/console/programmes")
			.in(ONBOARDING_MENU)
			.order(30)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER);
	}

}
