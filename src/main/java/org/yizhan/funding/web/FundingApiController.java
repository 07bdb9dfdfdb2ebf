package org.yizhan.funding.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.funding.FundSupervision;
import org.yizhan.funding.PaymentBatch;
import org.yizhan.funding.PaymentRuns;
import org.yizhan.funding.RuleInput;
import org.yizhan.funding.RunResult;
import org.yizhan.funding.SubsidyRules;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Subsidy rules, their simulation, payment runs, approvals, the ledger and the
 * supervision of funds, for a union's admins and finance staff (its auditors read).
 * Amounts go in as yuan text with at most two decimals and come out as fen and as yuan
 * text.
 */
@ApiController("/api/v1/funding")
@Tag(name = "Funding", description = "补贴规则、按月发放、复核与台账、资金监管")
class FundingApiController {

	private final SubsidyRules rules;

	private final PaymentRuns runs;

	private final FundSupervision supervision;

	FundingApiController(SubsidyRules rules, PaymentRuns runs, FundSupervision supervision) {
		this.rules = rules;
		this.runs = runs;
		this.supervision = supervision;
	}

	record BudgetRequest(String budget) {
	}

	record RunRequest(String month) {
	}

	record ReversalRequest(String reason) {
	}

	@GetMapping("/rules")
	@Operation(summary = "The subsidy rules of a union's subtree (default: the caller's union), of a year or all")
	List<FundingJson.Rule> list(@RequestParam(required = false) String union,
			@RequestParam(required = false) String year) {
		return rules.list(union, year(year)).stream().map(FundingJson.Rule::of).toList();
	}

	@PostMapping("/rules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Adopt a subsidy rule",
			description = "kind CONSTRUCTION (once per new station in the month it is first listed), UPKEEP (per "
					+ "station and month listed the whole month, not silent, no overdue rectification) or "
					+ "SELF_BUILT (once, to the enterprise that built its own station); amount and budget in yuan "
					+ "with at most two decimals, e.g. \"20000\" or \"200.00\". 409 for a second rule of a kind "
					+ "and year.")
	FundingJson.Rule create(@RequestBody(required = false) RuleInput input) {
		return FundingJson.Rule
			.of(rules.create(input == null ? new RuleInput(null, null, null, null, null, null) : input));
	}

	@GetMapping("/rules/{id}")
	@Operation(summary = "A rule with its budget, committed, paid and left")
	FundingJson.Rule rule(@PathVariable String id) {
		return FundingJson.Rule.of(rules.get(id(id, "funding.rule.notFound")));
	}

	@PutMapping("/rules/{id}/budget")
	@Operation(summary = "Change a rule's budget (yuan); 409 below what is committed and paid")
	FundingJson.Rule budget(@PathVariable String id, @RequestBody(required = false) BudgetRequest request) {
		return FundingJson.Rule
			.of(rules.changeBudget(id(id, "funding.rule.notFound"), request == null ? null : request.budget()));
	}

	@PostMapping("/simulations")
	@Operation(summary = "What a rule would have cost over last year's stations, per union; nothing is stored")
	FundingJson.SimulationResult simulate(@RequestBody(required = false) RuleInput input) {
		return FundingJson.SimulationResult
			.of(rules.simulate(input == null ? new RuleInput(null, null, null, null, null, null) : input));
	}

	@PostMapping("/rules/{id}/runs")
	@Operation(summary = "Prepare the payment batch of a rule's month (yyyy-MM, over and in the rule's year)",
			description = "201 with the new batch, or 200 with the batch the month already has: running a month "
					+ "again creates nothing. 409 when the batch would pass the budget, naming what is left.")
	ResponseEntity<FundingJson.Run> run(@PathVariable String id, @RequestBody(required = false) RunRequest request) {
		RunResult result = runs.run(id(id, "funding.rule.notFound"), month(request == null ? null : request.month()));
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new FundingJson.Run(FundingJson.Batch.of(result.batch()), result.created()));
	}

	@GetMapping("/rules/{id}/batches")
	@Operation(summary = "A rule's batches, latest month first")
	List<FundingJson.Batch> batches(@PathVariable String id) {
		return runs.listBatches(id(id, "funding.rule.notFound")).stream().map(FundingJson.Batch::of).toList();
	}

	@GetMapping("/batches/{id}")
	@Operation(summary = "A batch with its lines and its ledger entries")
	FundingJson.BatchDetail batch(@PathVariable String id) {
		long batchId = id(id, "funding.batch.notFound");
		PaymentBatch batch = runs.get(batchId);
		return new FundingJson.BatchDetail(FundingJson.Batch.of(batch),
				runs.listLines(batchId).stream().map(FundingJson.Line::of).toList(),
				runs.listEntries(batchId).stream().map(FundingJson.Entry::of).toList());
	}

	@PostMapping("/batches/{id}/approvals")
	@Operation(summary = "Approve a batch; with the approvals it needs it is paid into the ledger",
			description = "403 for the batch's preparer (maker ≠ checker); two approvers above the configured amount; "
					+ "approving again changes nothing; 409 when paying would pass the budget, naming what is left.")
	FundingJson.Batch approve(@PathVariable String id) {
		return FundingJson.Batch.of(runs.approve(id(id, "funding.batch.notFound")));
	}

	@GetMapping("/batches/{id}/export.xlsx")
	@Operation(summary = "A batch for the bank, as an xlsx sheet (formula-looking cells neutralised)")
	void export(@PathVariable String id, HttpServletResponse response) throws IOException {
		write(runs, id(id, "funding.batch.notFound"), response);
	}

	@PostMapping("/ledger/{id}/reversals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for a payment to be corrected with a reversing entry (the payment stays); another "
			+ "manager approves it; 409 when reversed already or a request is open")
	FundingJson.ReversalView reverse(@PathVariable String id, @RequestBody(required = false) ReversalRequest request) {
		return FundingJson.ReversalView
			.of(runs.requestReversal(id(id, "funding.entry.notFound"), request == null ? null : request.reason()));
	}

	@PostMapping("/reversals/{id}/approvals")
	@Operation(summary = "Approve a requested reversal: writes the reversing entry; 403 for its requester")
	FundingJson.ReversalView approveReversal(@PathVariable String id) {
		return FundingJson.ReversalView.of(runs.approveReversal(id(id, "funding.reversal.notFound")));
	}

	@GetMapping("/supervision")
	@Operation(summary = "A union's funds in a year: budget, committed and paid per rule; money against stations "
			+ "and visits served; per-station totals; stations paid and later delisted or never listed")
	FundingJson.Report report(@RequestParam(required = false) String union,
			@RequestParam(required = false) String year) {
		return FundingJson.Report.of(supervision.report(union, year(year)));
	}

	/**
	 * Writes the sheet whole once it is made, so that a refusal is still a plain answer.
	 */
	static void write(PaymentRuns runs, long batchId, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream sheet = new ByteArrayOutputStream();
		runs.export(batchId, sheet);
		PaymentBatch batch = runs.get(batchId);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("payment-batch-" + batch.id() + "-" + batch.period() + ".xlsx")
					.build()
					.toString());
		response.setContentLength(sheet.size());
		sheet.writeTo(response.getOutputStream());
	}

	static long id(String value, String notFound) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException(notFound, value);
		}
	}

	static Integer year(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("year", "funding.year.range"));
		}
	}

	static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(Violation.of("month", "funding.month.invalid", value));
		}
	}

}
