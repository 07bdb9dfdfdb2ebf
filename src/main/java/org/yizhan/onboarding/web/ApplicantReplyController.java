package org.yizhan.onboarding.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.onboarding.ApplicationReviews;
import org.yizhan.onboarding.web.OnboardingRateLimits.TooManyApplicationRequestsException;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
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
 * What the applicant does on the status page the link opens: answers the union's request
 * for more (a text the reviewers read in the history, after which the application is
 * under review again), or withdraws an application not decided yet, after ticking that
 * they mean it. An answer is held to the per-address submission limit, a withdrawal to
 * the look-up limit; the token is the only key.
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
		return act(token, response, model, redirect, "onboarding.reply.sent", () -> {
			this.limits.requireSubmission(request.getRemoteAddr());
			this.reviews.answer(token, reply, this.base.resolve(request));
		});
	}

	/**
	 * Withdraws the application; without the ticked confirmation nothing happens and the
	 * page says what is missing (a stray or forged post withdraws nothing either).
	 */
	@PostMapping("/a/{token}/withdraw")
	String withdraw(@PathVariable String token, @RequestParam(required = false) String confirm,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return act(token, response, model, redirect, "onboarding.withdraw.done", () -> {
			// held like a look-up: it needs the token, which nobody guesses at the
			// look-up rate, and it happens once per application
			this.limits.requireLookup(request.getRemoteAddr());
			if (!"yes".equals(confirm)) {
				throw new InvalidInputException(List.of(Violation.of("confirm", "onboarding.withdraw.unconfirmed")));
			}
			this.reviews.withdraw(token, this.base.resolve(request));
		});
	}

	private String act(String token, HttpServletResponse response, Model model, RedirectAttributes redirect,
			String notice, Runnable step) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		try {
			step.run();
			redirect.addFlashAttribute("notice", notice);
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
