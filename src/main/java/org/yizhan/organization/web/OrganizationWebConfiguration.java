package org.yizhan.organization.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the organisation tree and the audit log add to the console's bar: the union tree
 * and the API documentation for the union roles (station masters, liaisons and hosts
 * change nothing there and integrate nothing), the audit log for those who may read it.
 * The API documentation is the platform's page, but who it is for is a matter of roles,
 * which this module owns.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationWebConfiguration {

	@Bean
	MenuEntry organizationsMenu() {
		return MenuEntry.link("nav-organizations", "nav.organizations", "/console/organizations")
			.order(510)
			.visibleTo(Role.UNION_ROLES);
	}

	@Bean
	MenuEntry auditMenu() {
		return MenuEntry.link("nav-audit", "nav.audit", "/console/audit")
			.order(520)
			.visibleTo(Role.ORG_ADMIN, Role.AUDITOR);
	}

	@Bean
	MenuEntry apiDocsMenu() {
		return MenuEntry.link("nav-api-docs", "nav.apiDocs", "/swagger-ui.html").order(800).visibleTo(Role.UNION_ROLES);
	}

}
