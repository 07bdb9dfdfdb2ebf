package org.yizhan.grading.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.grading.Nominations;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's nominations: a union's page of a year (its own quota and what it sent,
 * what the unions below sent it, their quotas with the form that sets one, and the form
 * that names the accepted nominations under a document number), and one nomination with
 * the evidence score and the accept and decline form. A station is nominated from its
 * proposal's page ({@link GradingConsoleController}). Forms are sent to the address they
 * are shown at (ADR 0022).
 */
@Controller
class NominationConsoleController {

	private final Nominations nominations;

	private final ConsoleMessages messages;

	NominationConsoleController(Nominations nominations, ConsoleMessages messages) {
		this.nominations = nominations;
		this.messages = messages;
	}

	@GetMapping("/console/grading/nominations")
	String nominations(@RequestParam(required = false) String year, Model model) {
		return page(year(year), Map.of(), model);
	}

	@PostMapping("/console/grading/nominations")
	String save(@RequestParam(required = false) String action, @RequestParam(required = false) String year,
			@RequestParam(required = false) String union, @RequestParam(required = false) String quota,
			@RequestParam(required = false) String documentNumber, @RequestParam(required = false) String documentDate,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		int shown = year(year);
		try {
			if ("batch".equals(action)) {
				this.nominations.nameAccepted(year, documentNumber,
						GradingApiController.date("documentDate", documentDate));
				redirect.addFlashAttribute("notice", "grading.nominations.batchDone");
			}
			else {
				this.nominations.setQuota(union, year, quota);
				redirect.addFlashAttribute("notice", "grading.nominations.quotaSaved");
			}
			return "redirect:/console/grading/nominations?year=" + shown;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			typed(model, union, quota, documentNumber, documentDate);
			return page(shown, this.messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problems", List.of(this.messages.text(ex)));
			typed(model, union, quota, documentNumber, documentDate);
			return page(shown, Map.of(), model);
		}
	}

	private static void typed(Model model, String union, String quota, String documentNumber, String documentDate) {
		model.addAttribute("typedUnion", union);
		model.addAttribute("typedQuota", quota);
		model.addAttribute("documentNumber", documentNumber);
		model.addAttribute("documentDate", documentDate);
	}

	private String page(int year, Map<String, List<String>> errors, Model model) {
		model.addAttribute("overview", this.nominations.overview(year));
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("documentDate")) {
			model.addAttribute("documentDate", LocalDate.now(YizhanTime.ZONE).toString());
		}
		return "grading/console/nominations";
	}

	@GetMapping("/console/grading/nominations/{id}")
	String nomination(@PathVariable long id, Model model) {
		return nominationPage(id, Map.of(), model);
	}

	@PostMapping("/console/grading/nominations/{id}")
	String answer(@PathVariable long id, @RequestParam(required = false) String action,
			@RequestParam(required = false) String answer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			boolean accept = "accept".equals(action);
			this.nominations.answer(id, accept, answer);
			redirect.addFlashAttribute("notice",
					accept ? "grading.nomination.accepted" : "grading.nomination.declined");
			return "redirect:/console/grading/nominations/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("answer", answer);
			return nominationPage(id, this.messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problems", List.of(this.messages.text(ex)));
			return nominationPage(id, Map.of(), model);
		}
	}

	private String nominationPage(long id, Map<String, List<String>> errors, Model model) {
		model.addAttribute("nomination", this.nominations.getNomination(id));
		model.addAttribute("errors", errors);
		return "grading/console/nomination";
	}

	/**
	 * The year a page shows: the one asked for when it is a number, else last year (the
	 * year whose assessment a union nominates from early in the next).
	 */
	private static int year(String value) {
		if (value != null && value.strip().matches("\\d{4}")) {
			return Integer.parseInt(value.strip());
		}
		return LocalDate.now(YizhanTime.ZONE).getYear() - 1;
	}

}
