package org.yizhan.operations.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.operations.CouponInput;
import org.yizhan.operations.Coupons;
import org.yizhan.operations.DonationFigures;
import org.yizhan.operations.DonationInput;
import org.yizhan.operations.Donations;
import org.yizhan.operations.Redemption;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Donated goods and coupons: a station's donations and the claims handed out, its
 * coupons, a worker's redemption (public, by the station's QR code, limited per address
 * like a check-in) and a union's figures.
 */
@ApiController
@Tag(name = "Donations and coupons")
class DonationApiController {

	private final Donations donations;

	private final Coupons coupons;

	private final CheckInLimits limits;

	DonationApiController(Donations donations, Coupons coupons, CheckInLimits limits) {
		this.donations = donations;
		this.coupons = coupons;
		this.limits = limits;
	}

	record DonationRequest(String donorKind, String donor, String name, String unit, Integer quantity,
			String donatedOn) {
	}

	record ClaimsRequest(Integer claims) {
	}

	record CouponRequest(String funder, String title, String startsOn, String endsOn, Integer total) {
	}

	record RedemptionRequest(String token, String deviceId) {
	}

	@GetMapping("/api/v1/stations/{id}/donations")
	@Operation(summary = "A station's donated goods, with how many were claimed")
	List<DonationJson.DonationItem> list(@PathVariable String id) {
		return donations.listFor(VisitApiController.station(id)).stream().map(DonationJson.DonationItem::of).toList();
	}

	@PostMapping("/api/v1/stations/{id}/donations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record goods a donor gave a station",
			description = "donorKind: HOST, COMPANY, FOUNDATION; quantity 1–100,000; donatedOn today or up to 31 days "
					+ "back (default today). 409 at a station not in service.")
	DonationJson.DonationItem record(@PathVariable String id, @RequestBody(required = false) DonationRequest request) {
		DonationRequest given = request == null ? new DonationRequest(null, null, null, null, null, null) : request;
		return DonationJson.DonationItem.of(donations.record(VisitApiController.station(id),
				new DonationInput(given.donorKind(), given.donor(), given.name(), given.unit(), given.quantity(),
						VisitApiController.date("donatedOn", given.donatedOn()))));
	}

	@PostMapping("/api/v1/donations/{donationId}/claims")
	@Operation(summary = "Record how many of a donation were handed out today (a number, never who)",
			description = "claims 1–5,000; 409 when fewer are left.")
	DonationJson.DonationItem claims(@PathVariable String donationId,
			@RequestBody(required = false) ClaimsRequest request) {
		return DonationJson.DonationItem
			.of(donations.recordClaims(id(donationId, "donation.notFound"), request == null ? null : request.claims()));
	}

	@GetMapping("/api/v1/donations/figures")
	@Operation(summary = "What a union's stations received and handed out: donations by donor kind, coupon "
			+ "redemptions by funder, over from–to (default the last 30 days, at most 366)")
	DonationFigures figures(@RequestParam(required = false) String union, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return donations.figures(union, VisitApiController.date("from", from), VisitApiController.date("to", to));
	}

	@GetMapping("/api/v1/stations/{id}/coupons")
	@Operation(summary = "A station's coupons, with their redemptions")
	List<DonationJson.CouponItem> coupons(@PathVariable String id) {
		return coupons.listFor(VisitApiController.station(id)).stream().map(DonationJson.CouponItem::of).toList();
	}

	@PostMapping("/api/v1/stations/{id}/coupons")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Offer a coupon a funder pays for at a station",
			description = "funder 1–60 characters; title 1–40; startsOn today or later; endsOn within 366 days of it; "
					+ "total 1–100,000 redemptions.")
	DonationJson.CouponItem offer(@PathVariable String id, @RequestBody(required = false) CouponRequest request) {
		CouponRequest given = request == null ? new CouponRequest(null, null, null, null, null) : request;
		return DonationJson.CouponItem.of(coupons.offer(VisitApiController.station(id),
				new CouponInput(given.funder(), given.title(), VisitApiController.date("startsOn", given.startsOn()),
						VisitApiController.date("endsOn", given.endsOn()), given.total())));
	}

	@PostMapping(OperationsWebConfiguration.COUPON_REDEMPTIONS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Redeem a coupon with the station's QR code's token and the phone's device id",
			description = "Once per device, coupon and day. 409 naming deviceId when this phone already redeemed it "
					+ "today, couponId when it does not run today or is used up; 400 naming token for a code of "
					+ "another station.")
	Redemption redeem(@PathVariable String couponId, @RequestBody(required = false) RedemptionRequest request,
			HttpServletRequest http) {
		limits.requireForRedemption(http.getRemoteAddr());
		RedemptionRequest given = request == null ? new RedemptionRequest(null, null) : request;
		return coupons.redeem(id(couponId, "coupon.notFound"), given.token(), given.deviceId());
	}

	static long id(String value, String notFound) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException(notFound, value);
		}
	}

}
