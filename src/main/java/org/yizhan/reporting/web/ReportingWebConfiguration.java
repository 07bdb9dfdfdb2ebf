package org.yizhan.reporting.web;

import org.yizhan.organization.Role;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the dashboards add to the platform's web. The dashboard is every union role's
 * landing page ({@code /console} sends them there); its menu entry joins the rating
 * module's "figures" drop-down rather than the bar, which must fit a 1366 px desk. The
 * display pages ({@code /display/{token}}) need no rule: pages outside {@code /console}
 * are open to the chain, and the display's handler itself refuses any address whose token
 * is unknown or revoked.
 */
@Configuration(proxyBeanMethods = false)
class ReportingWebConfiguration {

	/** The rating module's drop-down ({@code rating.web.RatingWebConfiguration}). */
	static final String FIGURES_MENU = "nav-rating";

	@Bean
	MenuEntry dashboardMenu() {
		return MenuEntry.link("nav-dashboard", "reporting.nav", "/console/dashboard")
			.in(FIGURES_MENU)
			.order(5)
			.visibleTo(Role.UNION_ROLES);
	}

	/** The station side's own stations' day, beside the union staff's overview. */
	@Bean
	MenuEntry stationDayMenu() {
		return MenuEntry.link("nav-my-day", "reporting.day.nav", "/console/my-day")
			.in(FIGURES_MENU)
			.order(4)
			.visibleTo(Role.STATION_MASTER, Role.LIAISON, Role.HOST);
	}

}
