package org.yizhan.standard.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the standards module adds to the platform's web: the checklists' pages, for a
 * union's own staff. Its API keeps the platform's default rules (reads need a READ token,
 * changes a WRITE token); who may change what is decided by the use cases.
 */
@Configuration(proxyBeanMethods = false)
class StandardWebConfiguration {

	@Bean
	MenuEntry checklistsMenu() {
		return MenuEntry.link("nav-checklists", "standard.nav", "/console/checklists")
			.order(150)
			.visibleTo(Role.UNION_ROLES);
	}

}
