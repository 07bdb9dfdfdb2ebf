package org.yizhan.operations.web;

import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;
import org.yizhan.rating.QrPageAction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What running a station adds to the platform's web. A worker checks in without an
 * account, from the station's QR page (a button the rating module shows for this module,
 * posting to {@code /v/{token}}) or through the API; abuse is held by a per-address limit
 * of its own ({@link CheckInLimits}) and the one-per-phone-and-period rule. The console's
 * pages sit in one drop-down of their own, so that the menu bar still fits a 1366 px desk
 * on one line.
 */
@Configuration(proxyBeanMethods = false)
class OperationsWebConfiguration {

	static final String OPERATIONS_MENU = "nav-operations";

	static final String CHECK_INS = "/api/v1/check-ins";

	@Bean
	AccessRules checkInsPublicApi() {
		return AccessRules.api(requests -> requests.requestMatchers(HttpMethod.POST, CHECK_INS).permitAll());
	}

	@Bean
	QrPageAction checkInButton() {
		return new QrPageAction("check-in", "visit.checkIn.button", "visit.checkIn.hint", "/v/{token}", 10);
	}

	@Bean
	MenuEntry operationsMenu() {
		return MenuEntry.dropdown(OPERATIONS_MENU, "operations.nav").order(250);
	}

	@Bean
	MenuEntry visitsMenu() {
		return MenuEntry.link("nav-visits", "visit.nav", "/console/visits").in(OPERATIONS_MENU).order(10);
	}

	@Bean
	MenuEntry suppliesMenu() {
		return MenuEntry.link("nav-supplies", "supply.nav", "/console/supplies").in(OPERATIONS_MENU).order(20);
	}

}
