package org.yizhan.coverage.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What coverage adds to the platform's web: its console page, for the union roles that
 * may read it (station masters, liaisons and hosts are refused).
 */
@Configuration(proxyBeanMethods = false)
class CoverageWebConfiguration {

	@Bean
	MenuEntry coverageMenu() {
		return MenuEntry.link("nav-coverage", "coverage.nav", "/console/coverage")
			.order(200)
			.visibleTo(Role.UNION_ROLES);
	}

}
