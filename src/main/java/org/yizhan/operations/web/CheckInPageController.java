package org.yizhan.operations.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.CheckIn;
import org.yizhan.operations.Visits;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
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
 * Where the check-in button of a station's QR page posts: counts the visit with the
 * phone's device cookie and answers with a small page of its own, the thanks, or the
 * earlier check-in that already counts, or why nothing could be counted. A worker's
 * refused check-in is still answered kindly, on the same light frame as the QR page.
 */
@Controller
class CheckInPageController {

	private final Visits visits;

	private final CheckInLimits limits;

	private final ConsoleMessages messages;

	CheckInPageController(Visits visits, CheckInLimits limits, ConsoleMessages messages) {
		this.visits = visits;
		this.limits = limits;
		this.messages = messages;
	}

	@PostMapping("/v/{token}")
	String checkIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("token", token);
		try {
			limits.require(request.getRemoteAddr());
			CheckIn checkIn = visits.checkIn(token, deviceId(request));
			model.addAttribute("checkIn", checkIn);
			if (checkIn.counted()) {
				response.setStatus(HttpServletResponse.SC_CREATED);
			}
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
		return "operations/checked-in";
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
