package org.yizhan.station.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;
import org.yizhan.platform.web.RateLimitedPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What the station registry adds to the platform's web: the catalogues' labels are for
 * everyone (the finder's pages and apps show them), under the public rate limit; the
 * console's station list for every account (each sees its own scope) and the new-station
 * form for the union admins who may register one.
 */
@Configuration(proxyBeanMethods = false)
class StationWebConfiguration {

	static final String[] PUBLIC_API = { "/api/v1/amenities", "/api/v1/host-types" };

	@Bean
	AccessRules stationCatalogues() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll();
			requests.requestMatchers(HttpMethod.HEAD, PUBLIC_API).permitAll();
		});
	}

	@Bean
	RateLimitedPaths stationCataloguesRateLimited() {
		return RateLimitedPaths.of(PUBLIC_API);
	}

	@Bean
	MenuEntry stationsMenu() {
		return MenuEntry.link("nav-stations", "nav.stations", "/console/stations").order(100);
	}

	@Bean
	MenuEntry newStationMenu() {
		return MenuEntry.link("nav-new-station", "nav.newStation", "/console/stations/new")
			.order(110)
			.visibleTo(Role.ORG_ADMIN);
	}

}
