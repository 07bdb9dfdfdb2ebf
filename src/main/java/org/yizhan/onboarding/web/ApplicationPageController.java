package org.yizhan.onboarding.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.calendar.InvalidOpeningHoursException;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.onboarding.Applications;
import org.yizhan.onboarding.BuildMode;
import org.yizhan.onboarding.HoursReading;
import org.yizhan.onboarding.PublicApplicationStatus;
import org.yizhan.onboarding.web.OnboardingRateLimits.TooManyApplicationRequestsException;
import org.yizhan.platform.web.MapTiles;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public pages of an application, for a merchant's phone: the form ({@code /apply},
 * which submits to {@code POST /api/v1/applications}), the reading of the hours typed
 * into it, and the status page the link leads to ({@code /a/{token}}).
 */
@Controller
class ApplicationPageController {

	private final Applications applications;

	private final HoursReading reading;

	private final OnboardingRateLimits limits;

	private final MapTiles mapTiles;

	private final MessageSource messages;

	ApplicationPageController(Applications applications, HoursReading reading, OnboardingRateLimits limits,
			MapTiles mapTiles, MessageSource messages) {
		this.applications = applications;
		this.reading = reading;
		this.limits = limits;
		this.mapTiles = mapTiles;
		this.messages = messages;
	}

	@GetMapping("/apply")
	String form(@RequestParam(required = false) String district, Model model) {
		model.addAttribute("districts", this.applications.listDistrictChoices());
		model.addAttribute("district", (district != null) ? district.strip() : "");
		model.addAttribute("amenities", Amenity.values());
		model.addAttribute("hostTypes", HostType.values());
		model.addAttribute("buildModes", BuildMode.values());
		model.addAttribute("mapTiles", this.mapTiles);
		model.addAttribute("maxPhotos", Applications.MAX_PHOTOS);
		return "onboarding/apply";
	}

	/**
	 * The proposed hours read back in words, for the form to show under the field while
	 * the merchant types: {@code valid}, and either {@code lines} or {@code error}.
	 */
	@GetMapping("/apply/hours")
	@ResponseBody
	Map<String, Object> hours(@RequestParam(defaultValue = "") String value, Locale locale) {
		if (value.isBlank()) {
			return Map.of("valid", false, "error", this.messages.getMessage("validation.required", null, locale));
		}
		try {
			OpeningHours hours = OpeningHours.parse(value);
			return Map.of("valid", true, "value", hours.value(), "lines", this.reading.read(hours, locale));
		}
		catch (InvalidOpeningHoursException ex) {
			return Map.of("valid", false, "error", this.messages.getMessage("validation.openingHours",
					new Object[] { ex.position(), ex.detail() }, locale));
		}
	}

	@GetMapping("/a/{token}")
	String status(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		// The token is the applicant's key: kept out of caches, search engines and other
		// sites' logs (the layout's referrer policy).
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		try {
			this.limits.requireLookup(request.getRemoteAddr());
		}
		catch (TooManyApplicationRequestsException ex) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("retryMinutes", ex.retryAfterMinutes());
			return "onboarding/not-found";
		}
		Optional<PublicApplicationStatus> status = this.applications.findStatus(token);
		if (status.isEmpty()) {
			response.setStatus(404);
			return "onboarding/not-found";
		}
		// Not "application": Thymeleaf reads that name as the servlet context.
		model.addAttribute("applicationStatus", status.get());
		model.addAttribute("token", token);
		List<PublicApplicationStatus.Step> newestFirst = new ArrayList<>(status.get().history());
		Collections.reverse(newestFirst);
		model.addAttribute("history", newestFirst);
		return "onboarding/status";
	}

}
