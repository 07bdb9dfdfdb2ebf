package org.yizhan.listing.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.listing.ListingReport;
import org.yizhan.listing.ListingReportReceipt;
import org.yizhan.listing.ListingReports;
import org.yizhan.listing.ReportKind;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.StatusProblemException;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "纠错 / report a problem" beside a station's public page: a short form a worker standing
 * before a shut station sends without its QR code. The page gives the phone the same
 * device cookie as the QR pages ({@code yz_device}), which is what makes three reports
 * three phones; the location is offered by the page's script only when the worker ticks
 * it, and stored as within 300 m or not.
 */
@Controller
class ListingReportPageController {

	static final String DEVICE_COOKIE = "yz_device";

	private static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(730);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ListingReports reports;

	private final StationRegistry registry;

	private final ListingRateLimits limits;

	private final ConsoleMessages messages;

	ListingReportPageController(ListingReports reports, StationRegistry registry, ListingRateLimits limits,
			ConsoleMessages messages) {
		this.reports = reports;
		this.registry = registry;
		this.limits = limits;
		this.messages = messages;
	}

	@GetMapping("/stations/{id}/report")
	String form(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
		model.addAttribute("station", station(id));
		model.addAttribute("kinds", Arrays.asList(ReportKind.values()));
		giveDeviceId(request, response);
		return "listing/report";
	}

	@PostMapping("/stations/{id}/report")
	String report(@PathVariable String id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lon, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		Station station = station(id);
		model.addAttribute("station", station);
		model.addAttribute("kinds", Arrays.asList(ReportKind.values()));
		model.addAttribute("kind", kind);
		model.addAttribute("description", description);
		try {
			limits.requireReport(request.getRemoteAddr());
			ListingReportReceipt receipt = reports.report(id,
					new ListingReport(kind, description, deviceId(request).orElse(null), lat, lon));
			model.addAttribute("receipt", receipt);
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
		catch (StatusProblemException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("problems", List.of(messages.text(ex)));
		}
		return "listing/report";
	}

	@ExceptionHandler(StationNotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("listing/not-found", HttpStatus.NOT_FOUND);
	}

	/** A station the finder shows: listed, or suspended (its page says why). */
	private Station station(String id) {
		Optional<StationId> parsed;
		try {
			parsed = Optional.of(StationId.of(Long.parseLong(id)));
		}
		catch (NumberFormatException ex) {
			parsed = Optional.empty();
		}
		return parsed.flatMap(stationId -> registry.findListed(stationId).or(() -> registry.findSuspended(stationId)))
			.orElseThrow(() -> StationNotFoundException.byId(id));
	}

	private static Optional<String> deviceId(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		return Arrays.stream(request.getCookies())
			.filter(cookie -> DEVICE_COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.findFirst();
	}

	private static void giveDeviceId(HttpServletRequest request, HttpServletResponse response) {
		if (deviceId(request).filter(value -> value.matches("[A-Za-z0-9_-]{16,64}")).isPresent()) {
			return;
		}
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		Cookie cookie = new Cookie(DEVICE_COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
		cookie.setPath("/");
		cookie.setMaxAge((int) DEVICE_COOKIE_AGE.toSeconds());
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

}
