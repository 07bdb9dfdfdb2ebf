package org.yizhan.listing.web;

import org.yizhan.platform.security.AccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What truthful listings add to the web: the report of a station's listing for everyone,
 * as a page beside the finder's station page ({@code /stations/{id}/report}, open as
 * every public page is) and through the API; both under a per-address limit shared by the
 * instances ({@link ListingRateLimits}). No console page of its own: a station's
 * freshness and its confirmation are on the station's page.
 */
@Configuration(proxyBeanMethods = false)
class ListingWebConfiguration {

	static final String REPORTS = "/api/v1/stations/{id}/listing-reports";

	@Bean
	AccessRules listingReportRules() {
		return AccessRules
			.api(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/stations/*/listing-reports")
				.permitAll());
	}

}
