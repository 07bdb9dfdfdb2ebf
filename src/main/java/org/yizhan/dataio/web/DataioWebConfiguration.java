package org.yizhan.dataio.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What data in and out adds to the platform's web: one entry in the 运营 (running the
 * stations) drop-down, not a drop-down of its own: with the inspection and operations
 * menus the admin's bar no longer fitted a 1366 px desk on one line. Its pages follow the
 * platform's default rules (the console needs a signed-in account; the use cases check
 * the role).
 */
@Configuration(proxyBeanMethods = false)
class DataioWebConfiguration {

	/**
	 * The operations module's drop-down, joined by its id as the ticket module joins
	 * rating's.
	 */
	static final String OPERATIONS_MENU = "nav-operations";

	@Bean
	MenuEntry stationImportMenu() {
		return MenuEntry.link("nav-station-import", "dataio.import.nav", "/console/imports/stations")
			.in(OPERATIONS_MENU)
			.order(30)
			.visibleTo(Role.ORG_ADMIN);
	}

}
