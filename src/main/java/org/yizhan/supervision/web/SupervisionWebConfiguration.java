package org.yizhan.supervision.web;

import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What supervision adds to the platform's web: the silent stations' list, for every
 * account (each sees the cases of the stations it sees), in the rating module's "rating
 * and rectification" drop-down where there is one.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionWebConfiguration {

	@Bean
	MenuEntry silentStationsMenu() {
		return MenuEntry.link("nav-silent", "silent.nav", "/console/silent-stations").in("nav-rating").order(40);
	}

}
