package org.yizhan.rating.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.ticket.ProblemType;
import org.yizhan.rating.QrPageAction;
import org.yizhan.rating.RatingCode;
import org.yizhan.rating.RatingStation;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.Ratings;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.Labelled;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page behind every station's QR code, {@code /r/{token}}: for a worker's phone on a
 * weak line, no account, Chinese unless English is asked for. It rates through
 * {@code POST /api/v1/ratings} and reports problems through
 * {@code POST /api/v1/problems}; other modules add buttons of their own
 * ({@link QrPageAction}). A code that leads nowhere, and a station that takes no ratings,
 * get a kind page instead.
 *
 * <p>
 * The page gives the phone its device id, a cookie {@code yz_device} of 16 random bytes
 * kept for two years, which its script sends with each rating; the server stores only a
 * keyed hash of it.
 */
@Controller
class RatingPageController {

	static final String DEVICE_COOKIE = QrPageAction.DEVICE_COOKIE;

	private static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(730);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Ratings ratings;

	/** What other modules add to the page (a check-in), in their order. */
	private final List<QrPageAction> actions;

	RatingPageController(Ratings ratings, List<QrPageAction> actions) {
		this.ratings = ratings;
		this.actions = actions.stream().sorted(Comparator.comparingInt(QrPageAction::order)).toList();
	}

	@GetMapping("/r/{token}")
	String page(@PathVariable String token, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		// The page is the same for everyone but sets a cookie for new phones: no shared
		// caches.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
		RatingCode code = ratings.openCode(token);
		if (code instanceof RatingCode.Refused refused) {
			response.setStatus(refused.reason() == RatingCode.Reason.EXPIRED ? HttpServletResponse.SC_GONE
					: HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("reason", refused.reason().name());
			return "rating/refused";
		}
		RatingStation station = ((RatingCode.Valid) code).station();
		model.addAttribute("station", station);
		if (!station.takesRatings()) {
			return "rating/closed";
		}
		giveDeviceId(request, response);
		model.addAttribute("token", token);
		model.addAttribute("positiveTags",
				options(Arrays.stream(RatingTag.values()).filter(RatingTag::isPositive).toList(), locale));
		model.addAttribute("negativeTags",
				options(Arrays.stream(RatingTag.values()).filter(tag -> !tag.isPositive()).toList(), locale));
		model.addAttribute("categories", options(List.of(WorkerCategory.values()), locale));
		model.addAttribute("problems", options(List.of(ProblemType.values()), locale));
		model.addAttribute("maxComment", Ratings.MAX_COMMENT);
		model.addAttribute("actions", actions);
		return "rating/page";
	}

	/** A catalogue entry as the page shows it. */
	record Option(String value, String label) {
	}

	private static <E extends Enum<E> & Labelled> List<Option> options(List<E> values, Locale locale) {
		return values.stream().map(value -> new Option(value.name(), value.label(locale))).toList();
	}

	private static void giveDeviceId(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}")) {
					return;
				}
			}
		}
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		Cookie cookie = new Cookie(DEVICE_COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
		cookie.setPath("/");
		cookie.setMaxAge((int) DEVICE_COOKIE_AGE.toSeconds());
		cookie.setSecure(request.isSecure());
		// Not HttpOnly: the page's script reads it and sends it as deviceId.
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

}
