package org.yizhan.dataio.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What data in and out adds to the platform's web: one drop-down, so that the console's
 * menu bar still fits a 1366 px desk on one line; its pages follow the platform's default
 * rules (the console needs a signed-in account; the use cases check the role).
 */
@Configuration(proxyBeanMethods = false)
class DataioWebConfiguration {

	static final String DATA_MENU = "nav-data";

	@Bean
	MenuEntry dataMenu() {
		return MenuEntry.dropdown(DATA_MENU, "dataio.nav").order(130);
	}

	@Bean
	MenuEntry stationImportMenu() {
		return MenuEntry.link("nav-station-import", "dataio.import.nav", "/console/imports/stations")
			.in(DATA_MENU)
			.order(10)
			.visibleTo(Role.ORG_ADMIN);
	}

}
