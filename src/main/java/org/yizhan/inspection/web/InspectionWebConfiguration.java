package org.yizhan.inspection.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What inspections add to the platform's web: one drop-down holding every inspection page
 * (the console's menu bar is at its width at 1366 px). Every path is for signed-in staff,
 * under the platform's defaults (a READ token for GET, WRITE for the rest); each use case
 * checks the role and the scope, and hides a mystery visit from the station side.
 */
@Configuration(proxyBeanMethods = false)
class InspectionWebConfiguration {

	static final String INSPECTION_MENU = "nav-inspection";

	@Bean
	MenuEntry inspectionMenu() {
		return MenuEntry.dropdown(INSPECTION_MENU, "inspection.nav").order(125);
	}

	@Bean
	MenuEntry campaignsMenu() {
		return MenuEntry.link("nav-inspection-campaigns", "inspection.nav.campaigns", "/console/inspections")
			.in(INSPECTION_MENU)
			.order(10)
			.visibleTo(Role.ORG_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EVALUATOR);
	}

	@Bean
	MenuEntry worklistMenu() {
		return MenuEntry.link("nav-inspection-worklist", "inspection.nav.worklist", "/console/inspections/worklist")
			.in(INSPECTION_MENU)
			.order(20)
			.visibleTo(Role.INSPECTOR, Role.EVALUATOR);
	}

}
