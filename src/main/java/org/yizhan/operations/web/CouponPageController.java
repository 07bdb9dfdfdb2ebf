package org.yizhan.operations.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.Coupons;
import org.yizhan.operations.Redemption;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.StatusProblemException;
import org.yizhan.rating.QrPageAction;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where the coupons button of a station's QR page posts: the coupons a worker can redeem
 * there today, each with a button; a tap redeems it with the phone's device cookie and
 * answers with a page the worker shows the station's staff, or why it could not be
 * redeemed. On the QR page's light frame, without script.
 */
@Controller
class CouponPageController {

	private final Coupons coupons;

	private final CheckInLimits limits;

	private final ConsoleMessages messages;

	CouponPageController(Coupons coupons, CheckInLimits limits, ConsoleMessages messages) {
		this.coupons = coupons;
		this.limits = limits;
		this.messages = messages;
	}

	@PostMapping("/v/{token}/coupons")
	String list(@PathVariable String token, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("token", token);
		try {
			model.addAttribute("stationName", coupons.stationNameOf(token));
			model.addAttribute("coupons", coupons.listRedeemableAt(token));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems",
					ex.violations().stream().map(v -> messages.text(v.code(), v.args().toArray())).toList());
		}
		return "operations/coupons";
	}

	@PostMapping("/v/{token}/coupons/{couponId}")
	String redeem(@PathVariable String token, @PathVariable String couponId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("token", token);
		try {
			limits.requireForRedemption(request.getRemoteAddr());
			Redemption redemption = coupons.redeem(DonationApiController.id(couponId, "coupon.notFound"), token,
					deviceId(request));
			model.addAttribute("redemption", redemption);
			response.setStatus(HttpServletResponse.SC_CREATED);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems",
					ex.violations().stream().map(v -> messages.text(v.code(), v.args().toArray())).toList());
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problems", List.of(messages.text(ex)));
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("problems", List.of(messages.text(ex)));
		}
		catch (StatusProblemException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("problems", List.of(messages.text(ex)));
		}
		return "operations/coupon-redeemed";
	}

	private static String deviceId(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (QrPageAction.DEVICE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
