package org.yizhan.operations.web;

import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;
import org.yizhan.platform.web.RateLimitedPaths;
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

	static final String DOOR_ENTRIES = "/api/v1/door/entries";

	static final String DOOR_HEARTBEATS = "/api/v1/door/heartbeats";

	static final String ENTRY_CODES = "/api/v1/door/entry-codes";

	static final String NEARBY_ACTIVITIES = "/api/v1/activities/nearby";

	static final String COUPON_REDEMPTIONS = "/api/v1/coupons/{couponId}/redemptions";

	@Bean
	AccessRules checkInsPublicApi() {
		return AccessRules.api(requests -> requests.requestMatchers(HttpMethod.POST, CHECK_INS).permitAll());
	}

	/**
	 * Door devices have no account: each request is signed with the device's own secret,
	 * which {@link DoorDeviceApiController} checks (a request without a signature is
	 * refused there, 401). A worker's entry codes are public like a check-in.
	 */
	@Bean
	AccessRules doorDevicesApi() {
		return AccessRules
			.api(requests -> requests.requestMatchers(HttpMethod.POST, DOOR_ENTRIES, DOOR_HEARTBEATS, ENTRY_CODES)
				.permitAll());
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
	MenuEntry doorsMenu() {
		return MenuEntry.link("nav-doors", "door.nav", "/console/doors").in(OPERATIONS_MENU).order(30);
	}

	/** What is coming up near a worker is public, as the finder is. */
	@Bean
	AccessRules activitiesPublicApi() {
		return AccessRules.api(requests -> requests.requestMatchers(HttpMethod.GET, NEARBY_ACTIVITIES).permitAll());
	}

	@Bean
	RateLimitedPaths activitiesRateLimit() {
		return RateLimitedPaths.of(NEARBY_ACTIVITIES);
	}

	@Bean
	MenuEntry activitiesMenu() {
		return MenuEntry.link("nav-activities", "activity.nav", "/console/activities").in(OPERATIONS_MENU).order(40);
	}

	/**
	 * A worker redeems a coupon without an account, by the station's QR code, as a
	 * check-in: the address limit and the once-a-day rule hold the abuse.
	 */
	@Bean
	AccessRules couponsPublicApi() {
		return AccessRules
			.api(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/coupons/*/redemptions").permitAll());
	}

	@Bean
	QrPageAction couponsButton() {
		return new QrPageAction("coupons", "coupon.button", "coupon.hint", "/v/{token}/coupons", 20);
	}

	@Bean
	MenuEntry donationsMenu() {
		return MenuEntry.link("nav-donations", "donation.nav", "/console/donations").in(OPERATIONS_MENU).order(50);
	}

	@Bean
	MenuEntry suppliesMenu() {
		return MenuEntry.link("nav-supplies", "supply.nav", "/console/supplies").in(OPERATIONS_MENU).order(20);
	}

}
