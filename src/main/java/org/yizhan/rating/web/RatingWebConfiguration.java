package org.yizhan.rating.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What the rating module adds to the platform's web. A worker rates a station from its QR
 * page without an account (abuse is handled by the intake's own limits, and most ratings
 * never reach the filter chain: {@link RatingIntakeFilter}). The console's "rating and
 * rectification" drop-down is declared here, and other modules (tickets, silent stations)
 * put their entries in it: the union's figures for the union roles (others are refused
 * them), the review queue for union admins.
 */
@Configuration(proxyBeanMethods = false)
class RatingWebConfiguration {

	/** The drop-down's id, which other modules' entries name as their group. */
	static final String RATING_MENU = "nav-rating";

	@Bean
	AccessRules ratingSubmissions() {
		return AccessRules
			.api(requests -> requests.requestMatchers(HttpMethod.POST, RatingIntakeFilter.PATH).permitAll());
	}

	@Bean
	MenuEntry ratingMenu() {
		return MenuEntry.dropdown(RATING_MENU, "rating.nav").order(300);
	}

	@Bean
	MenuEntry figuresMenu() {
		return MenuEntry.link("nav-figures-union", "figures.nav.union", "/console/figures")
			.in(RATING_MENU)
			.order(10)
			.visibleTo(Role.UNION_ROLES);
	}

	@Bean
	MenuEntry heldRatingsMenu() {
		return MenuEntry.link("nav-held-ratings", "figures.nav.review", "/console/ratings/held")
			.in(RATING_MENU)
			.order(20)
			.visibleTo(Role.ORG_ADMIN);
	}

}
