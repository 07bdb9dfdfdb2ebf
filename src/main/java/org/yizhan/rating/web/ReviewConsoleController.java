package org.yizhan.rating.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.rating.HeldRatings;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's review queue: held ratings of the admin's subtree, newest first, each
 * with its station, stars, tags and the rules that held it; release or reject one, or the
 * ones ticked.
 */
@Controller
class ReviewConsoleController {

	static final int PAGE_SIZE = 50;

	private final HeldRatings held;

	private final MessageSource messages;

	ReviewConsoleController(HeldRatings held, MessageSource messages) {
		this.held = held;
		this.messages = messages;
	}

	@GetMapping("/console/ratings/held")
	String queue(@RequestParam(required = false) String org, @RequestParam(defaultValue = "0") int page, Model model) {
		HeldRatings.HeldPage result = this.held.list(org, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("org", org);
		model.addAttribute("result", result);
		model.addAttribute("pages", (int) Math.ceil(result.totalElements() / (double) PAGE_SIZE));
		return "rating/console/held-ratings";
	}

	/**
	 * One verdict for the ratings named: a single row's button names its own
	 * ({@code one}), the batch buttons the ones ticked ({@code ids}). Comes back to the
	 * queue with what was done, or why nothing was.
	 */
	@PostMapping("/console/ratings/held/review")
	String review(@RequestParam(required = false) String verdict,
			@RequestParam(name = "ids", required = false) List<String> ids, @RequestParam(required = false) String one,
			@RequestParam(required = false) String org, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		if (org != null && !org.isBlank()) {
			redirect.addAttribute("org", org);
		}
		try {
			List<Violation> violations = new ArrayList<>();
			HeldRatings.Verdict parsed = (verdict == null || verdict.isBlank()) ? null
					: RequestValues.enumValue(HeldRatings.Verdict.class, verdict, "verdict", violations);
			if (parsed == null && violations.isEmpty()) {
				violations.add(Violation.of("verdict", "validation.required"));
			}
			List<Long> numbers = new ArrayList<>();
			// A row's own button reviews that row alone, whatever else is ticked.
			List<String> chosen = (one != null && !one.isBlank()) ? List.of(one) : (ids == null) ? List.of() : ids;
			for (String id : chosen) {
				numbers.add(ReviewApiController.ratingId(id));
			}
			if (numbers.isEmpty()) {
				violations.add(Violation.of("ids", "figures.review.noneChosen"));
			}
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
			int done = this.held.review(numbers, parsed).size();
			redirect.addFlashAttribute("reviewNotice", this.messages.getMessage(
					(parsed == HeldRatings.Verdict.RELEASE) ? "figures.review.released" : "figures.review.rejected",
					new Object[] { done }, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems",
					ex.violations()
						.stream()
						.map(violation -> this.messages.getMessage(violation.code(), violation.args().toArray(),
								violation.code(), locale))
						.toList());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems",
					List.of(this.messages.getMessage(ex.messageCode(), ex.args(), ex.messageCode(), locale)));
		}
		return "redirect:/console/ratings/held";
	}

}
