package org.yizhan.listing.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What truthful listings add to the web: the report of a station's listing for everyone,
 * as a page beside the finder's station page ({@code /stations/{id}/report}, open as
 * every public page is) and through the API; both under a per-address limit shared by the
 * instances ({@link ListingRateLimits}). A station's freshness and its confirmation are
 * on the station's console page; the console's own page of listings is the union's
 * figures of them (核实情况), in the ratings drop-down beside the silent stations.
 */
@Configuration(proxyBeanMethods = false)
class ListingWebConfiguration {

	static final String REPORTS = "/api/v1/stations/{id}/listing-reports";

	/** The rating module's drop-down ({@code rating.web.RatingWebConfiguration}). */
	static final String FIGURES_MENU = "nav-rating";

	@Bean
	AccessRules listingReportRules() {
		return AccessRules
			.api(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/stations/*/listing-reports")
				.permitAll()
				.requestMatchers(ListingPromptApiController.PROMPTS)
				.permitAll());
	}

	@Bean
	MenuEntry listingFiguresMenu() {
		return MenuEntry.link("nav-listing-figures", "listing.figures.nav", FreshnessFiguresController.PAGE)
			.in(FIGURES_MENU)
			.order(45)
			.visibleTo(Role.UNION_ROLES);
	}

}
