package org.yizhan.grading.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What grading adds to the platform's web: four entries in the inspection drop-down (the
 * evidence a grade rests on is mostly inspections', and the menu bar has no room for
 * another group at 1366 px), named by the drop-down's id so that grading needs no
 * dependency on the inspection module. Every path is for signed-in union staff under the
 * platform's defaults; each use case checks the role and the subtree.
 */
@Configuration(proxyBeanMethods = false)
class GradingWebConfiguration {

	/** The inspection module's drop-down ({@code InspectionWebConfiguration}). */
	static final String INSPECTION_MENU = "nav-inspection";

	@Bean
	MenuEntry gradingRunsMenu() {
		return MenuEntry.link("nav-grading-runs", "grading.nav.runs", "/console/grading/runs")
			.in(INSPECTION_MENU)
			.order(40)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.AUDITOR);
	}

	@Bean
	MenuEntry gradingAtRiskMenu() {
		return MenuEntry.link("nav-grading-at-risk", "grading.nav.atRisk", "/console/grading/at-risk")
			.in(INSPECTION_MENU)
			.order(41)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.AUDITOR);
	}

	@Bean
	MenuEntry gradingRulesMenu() {
		return MenuEntry.link("nav-grading-rules", "grading.nav.rules", "/console/grading/rules")
			.in(INSPECTION_MENU)
			.order(42)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.AUDITOR);
	}

	@Bean
	MenuEntry gradingNominationsMenu() {
		return MenuEntry.link("nav-grading-nominations", "grading.nav.nominations", "/console/grading/nominations")
			.in(INSPECTION_MENU)
			.order(43)
			.visibleTo(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.AUDITOR);
	}

}
