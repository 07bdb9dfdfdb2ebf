package org.yizhan.grading.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.grading.Assessments;
import org.yizhan.grading.Criterion;
import org.yizhan.grading.GradingDecisions;
import org.yizhan.grading.GradingRule;
import org.yizhan.grading.GradingRuleInput;
import org.yizhan.grading.GradingRules;
import org.yizhan.grading.Nominations;
import org.yizhan.grading.ProposalPage;
import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.StationLevel;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's grading pages: the rule (read by union staff, saved by admins), the runs
 * and the form that starts one, a run's proposals with the batch form, one proposal's
 * explanation with the accept and override forms, and the stations at risk. Each form is
 * sent to the address it is shown at (ADR 0022).
 */
@Controller
class GradingConsoleController {

	private final GradingRules rules;

	private final Assessments assessments;

	private final GradingDecisions decisions;

	private final Nominations nominations;

	private final ConsoleMessages messages;

	private final MessageSource source;

	GradingConsoleController(GradingRules rules, Assessments assessments, GradingDecisions decisions,
			Nominations nominations, ConsoleMessages messages, MessageSource source) {
		this.rules = rules;
		this.assessments = assessments;
		this.decisions = decisions;
		this.nominations = nominations;
		this.messages = messages;
		this.source = source;
	}

	@GetMapping("/console/grading/rules")
	String rules(@RequestParam(required = false) String union, Model model) {
		String code = union == null || union.isBlank() ? Actor.required().organizationCode() : union.strip();
		return rulesPage(code, this.rules.inForce(code), Map.of(), model);
	}

	@PostMapping("/console/grading/rules")
	String saveRules(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String union = form.getOrDefault("union", Actor.required().organizationCode());
		Map<Criterion, GradingRuleInput.Weighing> criteria = new EnumMap<>(Criterion.class);
		for (Criterion criterion : Criterion.values()) {
			criteria.put(criterion, new GradingRuleInput.Weighing(form.get("weight." + criterion.name()),
					form.get("fullAt." + criterion.name()), form.get("zeroAt." + criterion.name())));
		}
		List<String> stars = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			stars.add(form.get("stars" + i));
		}
		List<String> levels = GradingRule.LEVELS.stream().map(level -> form.get("level" + level.name())).toList();
		try {
			this.rules.save(new GradingRuleInput(union, criteria, stars, levels));
			redirect.addFlashAttribute("notice", "grading.rules.saved");
			return "redirect:/console/grading/rules?union=" + union.strip();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", lines(ex.violations()));
			model.addAttribute("typed", form);
			return rulesPage(union, this.rules.inForce(union), this.messages.byField(ex.violations()), model);
		}
	}

	private String rulesPage(String union, GradingRule rule, Map<String, List<String>> errors, Model model) {
		model.addAttribute("union", union);
		model.addAttribute("rule", rule);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", GradingRule.LEVELS);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "grading/console/rules";
	}

	@GetMapping("/console/grading/runs")
	String runs(Model model) {
		return runsPage(Actor.required().organizationCode(),
				Integer.toString(LocalDate.now(YizhanTime.ZONE).getYear() - 1), model);
	}

	@PostMapping("/console/grading/runs")
	String startRun(@RequestParam(required = false) String union, @RequestParam(required = false) String year,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			long id = this.assessments.run(union, year(year)).id();
			redirect.addFlashAttribute("notice", "grading.runs.started");
			return "redirect:/console/grading/runs/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", this.messages.lines(ex.violations()));
			return runsPage(union, year, model);
		}
	}

	private String runsPage(String union, String year, Model model) {
		model.addAttribute("runs", this.assessments.listRuns());
		model.addAttribute("union", union);
		model.addAttribute("year", year);
		return "grading/console/runs";
	}

	@GetMapping("/console/grading/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "true") boolean changing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		return runPage(id, changing, page, null, null, Map.of(), model);
	}

	@PostMapping("/console/grading/runs/{id}")
	String batch(@PathVariable long id, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) String documentDate,
			@RequestParam(name = "station", required = false) List<Long> stations,
			@RequestParam(defaultValue = "false") boolean all, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			// every changing proposal only when asked for in so many words; otherwise the
			// ones ticked (none ticked names none, and is refused as an empty batch)
			this.decisions.acceptBatch(id, documentNumber, GradingApiController.date("documentDate", documentDate),
					all ? null : (stations == null ? List.of() : stations));
			redirect.addFlashAttribute("notice", "grading.run.batchDone");
			return "redirect:/console/grading/runs/" + id + "?changing=false";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return runPage(id, true, 0, documentNumber, documentDate, this.messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problems", List.of(this.messages.text(ex)));
			return runPage(id, true, 0, documentNumber, documentDate, Map.of(), model);
		}
	}

	private String runPage(long id, boolean changing, int page, String documentNumber, String documentDate,
			Map<String, List<String>> errors, Model model) {
		ProposalPage proposals = this.assessments.listProposals(id, changing, Math.max(0, page), 50);
		model.addAttribute("proposals", proposals);
		model.addAttribute("changing", changing);
		model.addAttribute("pages", (int) Math.ceil(proposals.total() / 50.0));
		model.addAttribute("batches", this.decisions.listBatches(id));
		model.addAttribute("documentNumber", documentNumber);
		model.addAttribute("documentDate",
				documentDate == null ? LocalDate.now(YizhanTime.ZONE).toString() : documentDate);
		model.addAttribute("errors", errors);
		return "grading/console/run";
	}

	@GetMapping("/console/grading/runs/{id}/stations/{stationId}")
	String proposal(@PathVariable long id, @PathVariable long stationId, Model model) {
		return proposalPage(id, stationId, Map.of(), model);
	}

	@PostMapping("/console/grading/runs/{id}/stations/{stationId}")
	String decide(@PathVariable long id, @PathVariable long stationId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String level, @RequestParam(required = false) String stars,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if ("nominate".equals(action)) {
				// a nomination leaves the proposal undecided: the union above decides the
				// level, this union may still decide the stars
				this.nominations.nominate(id, stationId, reason);
				redirect.addFlashAttribute("notice", "grading.proposal.nominated");
				return "redirect:/console/grading/runs/" + id + "/stations/" + stationId;
			}
			if ("accept".equals(action)) {
				this.decisions.accept(id, stationId, reason);
			}
			else {
				this.decisions.override(id, stationId, GradingApiController.level(level), stars(stars), reason);
			}
			redirect.addFlashAttribute("notice", "grading.proposal.saved");
			return "redirect:/console/grading/runs/" + id + "/stations/" + stationId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("nominate".equals(action) ? "nominationReason" : "reason", reason);
			return proposalPage(id, stationId, this.messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("problems", List.of(this.messages.text(ex)));
			model.addAttribute("nominate".equals(action) ? "nominationReason" : "reason", reason);
			return proposalPage(id, stationId, Map.of(), model);
		}
	}

	private String proposalPage(long id, long stationId, Map<String, List<String>> errors, Model model) {
		model.addAttribute("run", this.assessments.getRun(id));
		model.addAttribute("proposal", this.assessments.getProposal(id, stationId));
		model.addAttribute("levels", StationLevel.values());
		model.addAttribute("errors", errors);
		return "grading/console/proposal";
	}

	@GetMapping("/console/grading/at-risk")
	String atRisk(@RequestParam(required = false) String union, Model model) {
		String code = union == null || union.isBlank() ? Actor.required().organizationCode() : union.strip();
		model.addAttribute("union", code);
		model.addAttribute("risk", this.assessments.atRisk(code, 200));
		return "grading/console/at-risk";
	}

	/** "Label（criterion）：message" lines for the rule form's per-criterion fields. */
	private List<String> lines(List<Violation> violations) {
		List<String> lines = new ArrayList<>();
		for (Violation violation : violations) {
			String field = violation.field();
			String label;
			int dot = field.indexOf('.');
			if (dot > 0) {
				label = this.messages.fieldLabel(field.substring(0, dot)) + "（"
						+ this.source.getMessage("grading.criterion." + field.substring(dot + 1), null, field,
								LocaleContextHolder.getLocale())
						+ "）";
			}
			else {
				label = this.messages.fieldLabel(field);
			}
			lines.add(label + "：" + this.messages.text(violation.code(), violation.args().toArray()));
		}
		return lines;
	}

	private static Integer year(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("year", "validation.type"));
		}
	}

	private static Integer stars(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("stars", "validation.range", 0, 5));
		}
	}

}
