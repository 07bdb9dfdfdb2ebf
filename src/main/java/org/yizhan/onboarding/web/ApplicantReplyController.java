package org.yizhan.onboarding.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.onboarding.ApplicationReviews;
import org.yizhan.onboarding.web.OnboardingRateLimits.TooManyApplicationRequestsException;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PublicBaseUrl;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's answer to the union's request for more, on the status page the link
 * opens: a text the reviewers read in the history, after which the application is under
 * review again. Held to the per-address submission limit; the token is the only key.
 */
@Controller
class ApplicantReplyController {

	private final ApplicationReviews reviews;

	private final OnboardingRateLimits limits;

	private final ConsoleMessages messages;

	private final PublicBaseUrl base;

	ApplicantReplyController(ApplicationReviews reviews, OnboardingRateLimits limits, ConsoleMessages messages,
			PublicBaseUrl base) {
		this.reviews = reviews;
		this.limits = limits;
		this.messages = messages;
		this.base = base;
	}

	@PostMapping("/a/{token}/reply")
	String reply(@PathVariable String token, @RequestParam(required = false) String reply, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		try {
			this.limits.requireSubmission(request.getRemoteAddr());
			this.reviews.answer(token, reply, this.base.resolve(request));
			redirect.addFlashAttribute("notice", "onboarding.reply.sent");
		}
		catch (TooManyApplicationRequestsException ex) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("retryMinutes", ex.retryAfterMinutes());
			return "onboarding/not-found";
		}
		catch (NotFoundException ex) {
			response.setStatus(404);
			return "onboarding/not-found";
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/a/" + token;
	}

}
