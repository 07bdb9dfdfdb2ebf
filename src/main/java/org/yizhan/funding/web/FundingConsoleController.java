package org.yizhan.funding.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.funding.Fen;
import org.yizhan.funding.FundSupervision;
import org.yizhan.funding.PaymentRuns;
import org.yizhan.funding.RuleInput;
import org.yizhan.funding.RunResult;
import org.yizhan.funding.SubsidyKind;
import org.yizhan.funding.SubsidyRules;
import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's funds: the supervision page of a union and year, the rules with the form
 * that simulates and adopts one, a rule's page with its payment runs, and a batch's page
 * where others than its preparer approve it and the bank's sheet is downloaded. Each form
 * posts to the page it is shown on (ADR 0022).
 */
@Controller
class FundingConsoleController {

	private final SubsidyRules rules;

	private final PaymentRuns runs;

	private final FundSupervision supervision;

	private final ConsoleMessages messages;

	FundingConsoleController(SubsidyRules rules, PaymentRuns runs, FundSupervision supervision,
			ConsoleMessages messages) {
		this.rules = rules;
		this.runs = runs;
		this.supervision = supervision;
		this.messages = messages;
	}

	/** The rule form as it comes from the page; {@code action} is simulate or create. */
	record RuleForm(String union, String kind, String name, String year, String amount, String budget, String action) {

		RuleInput input() {
			return new RuleInput(union, kind, name, year, amount, budget);
		}

	}

	@GetMapping("/console/funding")
	String overview(@RequestParam(required = false) String union, @RequestParam(required = false) String year,
			Model model, HttpServletResponse response) {
		Actor actor = Actor.required();
		model.addAttribute("union", union == null || union.isBlank() ? actor.organizationCode() : union.strip());
		model.addAttribute("year", year);
		try {
			model.addAttribute("report", supervision.report(union, FundingApiController.year(year)));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", messages.lines(ex.violations()));
		}
		return "funding/console/overview";
	}

	@GetMapping("/console/funding/rules")
	String rulesPage(@RequestParam(required = false) String union, Model model) {
		Actor actor = Actor.required();
		String code = union == null || union.isBlank() ? actor.organizationCode() : union.strip();
		return rulesPage(new RuleForm(code, SubsidyKind.UPKEEP.name(), null, String.valueOf(runs.today().getYear()),
				null, null, null), Map.of(), model);
	}

	@PostMapping("/console/funding/rules")
	String createRule(@ModelAttribute RuleForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if ("simulate".equals(form.action())) {
				model.addAttribute("simulation", rules.simulate(form.input()));
				return rulesPage(form, Map.of(), model);
			}
			long id = rules.create(form.input()).id();
			redirect.addFlashAttribute("notice", "funding.rule.created");
			return "redirect:/console/funding/rules/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return rulesPage(form, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return rulesPage(form, Map.of(ex.field() == null ? "kind" : ex.field(), List.of(messages.text(ex))), model);
		}
	}

	@GetMapping("/console/funding/rules/{id}")
	String rule(@PathVariable String id, Model model) {
		return rulePage(FundingApiController.id(id, "funding.rule.notFound"), null, List.of(), model);
	}

	@PostMapping("/console/funding/rules/{id}")
	String run(@PathVariable String id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String action, @RequestParam(required = false) String budget, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long ruleId = FundingApiController.id(id, "funding.rule.notFound");
		try {
			if ("budget".equals(action)) {
				rules.changeBudget(ruleId, budget);
				redirect.addFlashAttribute("notice", "funding.budget.saved");
				return "redirect:/console/funding/rules/" + ruleId;
			}
			RunResult result = runs.run(ruleId, FundingApiController.month(month));
			redirect.addFlashAttribute("notice", result.created() ? "funding.run.created" : "funding.run.existing");
			return "redirect:/console/funding/batches/" + result.batch().id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return rulePage(ruleId, month, messages.lines(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return rulePage(ruleId, month, List.of(messages.text(ex)), model);
		}
	}

	@GetMapping("/console/funding/batches/{id}")
	String batch(@PathVariable String id, Model model) {
		return batchPage(FundingApiController.id(id, "funding.batch.notFound"), List.of(), model);
	}

	@PostMapping("/console/funding/batches/{id}")
	String approve(@PathVariable String id, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entry, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String reversal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		long batchId = FundingApiController.id(id, "funding.batch.notFound");
		try {
			if ("reverse".equals(action)) {
				if (entry == null || entry.isBlank()) {
					throw new InvalidInputException(Violation.of("entry", "validation.required"));
				}
				// only a payment of this batch is reversed from its page
				long entryId = FundingApiController.id(entry, "funding.entry.notFound");
				if (runs.listEntries(batchId).stream().noneMatch(e -> e.id() == entryId)) {
					throw new NotFoundException("funding.entry.notFound", String.valueOf(entryId));
				}
				runs.requestReversal(entryId, reason);
				redirect.addFlashAttribute("notice", "funding.reversal.requested");
			}
			else if ("approveReversal".equals(action)) {
				if (reversal == null || reversal.isBlank()) {
					throw new InvalidInputException(Violation.of("reversal", "validation.required"));
				}
				long reversalId = FundingApiController.id(reversal, "funding.reversal.notFound");
				if (runs.listReversals(batchId).stream().noneMatch(r -> r.id() == reversalId)) {
					throw new NotFoundException("funding.reversal.notFound", String.valueOf(reversalId));
				}
				runs.approveReversal(reversalId);
				redirect.addFlashAttribute("notice", "funding.reversal.approved");
			}
			else {
				runs.approve(batchId);
				redirect.addFlashAttribute("notice", "funding.batch.approved");
			}
			return "redirect:/console/funding/batches/" + batchId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("typedEntry", entry);
			model.addAttribute("typedReason", reason);
			return batchPage(batchId, messages.lines(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return batchPage(batchId, List.of(messages.text(ex)), model);
		}
		// the preparer's own approval is a ForbiddenException: the error page says why
	}

	@GetMapping("/console/funding/batches/{id}/export.xlsx")
	void export(@PathVariable String id, HttpServletResponse response) throws IOException {
		FundingApiController.write(runs, FundingApiController.id(id, "funding.batch.notFound"), response);
	}

	private String rulesPage(RuleForm form, Map<String, List<String>> errors, Model model) {
		Actor actor = Actor.required();
		model.addAttribute("rules", rules.list(form.union(), null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", SubsidyKind.values());
		model.addAttribute("mayManage", FundingRolesView.mayManage(actor));
		return "funding/console/rules";
	}

	private String rulePage(long ruleId, String month, List<String> problems, Model model) {
		model.addAttribute("rule", rules.get(ruleId));
		model.addAttribute("batches", runs.listBatches(ruleId));
		model.addAttribute("month", month == null ? runs.today().minusMonths(1).toString().substring(0, 7) : month);
		model.addAttribute("problems", problems.isEmpty() ? null : problems);
		model.addAttribute("mayManage", FundingRolesView.mayManage(Actor.required()));
		return "funding/console/rule";
	}

	private String batchPage(long batchId, List<String> problems, Model model) {
		var batch = runs.get(batchId);
		Actor actor = Actor.required();
		model.addAttribute("batch", batch);
		model.addAttribute("rule", rules.get(batch.ruleId()));
		model.addAttribute("lines", runs.listLines(batchId));
		model.addAttribute("entries", runs.listEntries(batchId));
		model.addAttribute("reversals", runs.listReversals(batchId));
		model.addAttribute("mayManage", FundingRolesView.mayManage(actor));
		model.addAttribute("me", actor.username());
		model.addAttribute("problems", problems.isEmpty() ? null : problems);
		model.addAttribute("mayApprove", FundingRolesView.mayManage(actor) && !batch.paid()
				&& !batch.preparedBy().equals(actor.username()) && !batch.approvedBy().contains(actor.username()));
		model.addAttribute("secondApprovalAbove", Fen.format(runs.secondApprovalAboveFen()));
		return "funding/console/batch";
	}

}
