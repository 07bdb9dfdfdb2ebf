package org.yizhan.onboarding.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.onboarding.Application;
import org.yizhan.onboarding.ApplicationReviews;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PhotoResponses;
import org.yizhan.platform.web.PublicBaseUrl;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.ChecklistItem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer's page of an application, laid out for a phone at the site: take it under
 * review, fill the checklist in force item by item (yes/no, a figure, a photo), ask the
 * applicant for more, approve or reject (each asks first). An approval that made a HOST
 * account answers with the page itself, not a redirect, so the one-time password is shown
 * once and never kept in the session.
 */
@Controller
class ApplicationReviewConsoleController {

	private final ApplicationReviews reviews;

	private final ConsoleMessages messages;

	private final PublicBaseUrl base;

	ApplicationReviewConsoleController(ApplicationReviews reviews, ConsoleMessages messages, PublicBaseUrl base) {
		this.reviews = reviews;
		this.messages = messages;
		this.base = base;
	}

	@GetMapping("/console/applications/{id}/review")
	String page(@PathVariable long id, Model model) {
		Application application = this.reviews.application(id);
		model.addAttribute("applicationDetails", application);
		model.addAttribute("standard", this.reviews.findStandard(id).orElse(null));
		model.addAttribute("visit", this.reviews.findLatestVisit(id).orElse(null));
		model.addAttribute("votes", this.reviews.listVotes(id));
		model.addAttribute("committee", this.reviews.isCommittee(id));
		model.addAttribute("stationId", this.reviews.findStationId(id).orElse(null));
		return "onboarding/console/review";
	}

	@GetMapping("/console/applications/{id}/visits/{visitId}/photos/{code}")
	ResponseEntity<byte[]> visitPhoto(@PathVariable long id, @PathVariable long visitId, @PathVariable String code,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(this.reviews.readVisitPhoto(id, visitId, code, thumbnail));
	}

	@PostMapping("/console/applications/{id}/review/start")
	String start(@PathVariable long id, @RequestParam(defaultValue = "false") boolean committee,
			HttpServletRequest http, RedirectAttributes redirect) {
		return act(id, redirect, "onboarding.review.started",
				() -> this.reviews.startReview(id, committee, this.base.resolve(http)));
	}

	@PostMapping("/console/applications/{id}/review/information-request")
	String requestMore(@PathVariable long id, @RequestParam(required = false) String question, HttpServletRequest http,
			RedirectAttributes redirect) {
		return act(id, redirect, "onboarding.review.asked",
				() -> this.reviews.requestMoreInformation(id, question, this.base.resolve(http)));
	}

	@PostMapping("/console/applications/{id}/review/visit")
	String visit(@PathVariable long id, MultipartHttpServletRequest request, RedirectAttributes redirect) {
		return act(id, redirect, "onboarding.visit.recorded", () -> {
			ChecklistInForce standard = this.reviews.findStandard(id).orElse(null);
			List<ApplicationReviews.VisitAnswer> answers = new ArrayList<>();
			List<Violation> violations = new ArrayList<>();
			if (standard != null) {
				for (ChecklistInForce.Item inForce : standard.items()) {
					ChecklistItem item = inForce.item();
					if (item.derivedFromStation()) {
						continue;
					}
					String yes = request.getParameter("yes." + item.code());
					String number = request.getParameter("number." + item.code());
					MultipartFile photo = request.getFile("photo." + item.code());
					byte[] bytes = (photo != null && !photo.isEmpty()) ? bytes(photo) : null;
					BigDecimal figure = null;
					if (number != null && !number.isBlank()) {
						try {
							figure = new BigDecimal(number.strip());
						}
						catch (NumberFormatException ex) {
							violations.add(Violation.of("answers", "onboarding.visit.numberOf", item.code()));
						}
					}
					Boolean answer = (yes == null || yes.isBlank()) ? null : Boolean.valueOf(yes);
					if (answer != null || figure != null || bytes != null) {
						answers.add(new ApplicationReviews.VisitAnswer(item.code(), answer, figure, bytes));
					}
				}
			}
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
			return this.reviews.recordVisit(id, answers, request.getParameter("note"));
		});
	}

	@PostMapping("/console/applications/{id}/review/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, HttpServletRequest http, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		ApplicationReviews.Outcome outcome;
		try {
			outcome = this.reviews.decide(id, ApplicationReviewApiController.parseDecision(decision), reason,
					this.base.resolve(http));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
			return "redirect:/console/applications/" + id + "/review";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
			return "redirect:/console/applications/" + id + "/review";
		}
		if (outcome.hostAccount() == null) {
			redirect.addFlashAttribute("notice",
					outcome.decided() ? "onboarding.decision.done" : "onboarding.decision.voted");
			return "redirect:/console/applications/" + id + "/review";
		}
		// The password goes into this answer only: not a flash attribute (the session is
		// stored), not a log line, not a cache.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("notice", "onboarding.decision.done");
		model.addAttribute("issuedAccount",
				new IssuedAccountView(outcome.hostAccount().username(), outcome.hostAccount().oneTimePassword()));
		return page(id, model);
	}

	/** A HOST account just made, for this one page. */
	record IssuedAccountView(String username, String oneTimePassword) {
	}

	private String act(long id, RedirectAttributes redirect, String notice, Supplier<?> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/applications/" + id + "/review";
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
