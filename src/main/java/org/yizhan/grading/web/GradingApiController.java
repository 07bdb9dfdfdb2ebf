package org.yizhan.grading.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.grading.Assessments;
import org.yizhan.grading.AtRiskList;
import org.yizhan.grading.Criterion;
import org.yizhan.grading.GradingDecisions;
import org.yizhan.grading.GradingRule;
import org.yizhan.grading.GradingRuleInput;
import org.yizhan.grading.GradingRules;
import org.yizhan.grading.GradingRun;
import org.yizhan.grading.NamingBatch;
import org.yizhan.grading.Proposal;
import org.yizhan.grading.ProposalPage;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.station.StationLevel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Grading for union staff: the rule in force and a new version of it, an assessment run
 * and its proposals with their explanations, the stations at risk, and the decisions.
 */
@ApiController
@Tag(name = "Grading")
class GradingApiController {

	private final GradingRules rules;

	private final Assessments assessments;

	private final GradingDecisions decisions;

	GradingApiController(GradingRules rules, Assessments assessments, GradingDecisions decisions) {
		this.rules = rules;
		this.assessments = assessments;
		this.decisions = decisions;
	}

	/** A criterion's weight and ends; numbers as JSON numbers or strings. */
	record WeighingRequest(String weight, String fullAt, String zeroAt) {
	}

	record RuleRequest(String union, Map<Criterion, WeighingRequest> criteria, List<String> starThresholds,
			List<String> levelThresholds) {
	}

	record RunRequest(String union, Integer year) {
	}

	record DecisionRequest(Boolean accept, String level, Integer stars, String reason) {
	}

	record BatchRequest(String documentNumber, String documentDate, List<Long> stations) {
	}

	@GetMapping("/api/v1/grading/rules")
	@Operation(
			summary = "The grading rule in force for a union (its own newest version, else the nearest above, else the defaults)")
	GradingRule rule(@RequestParam(required = false) String union) {
		return this.rules.inForce(union);
	}

	@PutMapping("/api/v1/grading/rules")
	@Operation(summary = "Save a new version of a union's grading rule",
			description = "Every criterion's weight (whole, ≥ 0), fullAt and zeroAt; five star thresholds and three "
					+ "level thresholds (city, provincial, national), each 0–100 and strictly rising. A union admin.")
	GradingRule saveRule(@RequestBody RuleRequest request) {
		Map<Criterion, GradingRuleInput.Weighing> criteria = new EnumMap<>(Criterion.class);
		if (request.criteria() != null) {
			request.criteria()
				.forEach((criterion, w) -> criteria.put(criterion,
						w == null ? null : new GradingRuleInput.Weighing(w.weight(), w.fullAt(), w.zeroAt())));
		}
		return this.rules
			.save(new GradingRuleInput(request.union(), criteria, request.starThresholds(), request.levelThresholds()));
	}

	@PostMapping("/api/v1/grading/runs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Run the yearly assessment of a union's subtree",
			description = "Proposes a level and stars for every listed or suspended station from the year's evidence. "
					+ "A union admin.")
	GradingRun run(@RequestBody RunRequest request) {
		return this.assessments.run(request.union(), request.year());
	}

	@GetMapping("/api/v1/grading/runs/{id}/proposals")
	@Operation(summary = "A page of a run's proposals, each explained criterion by criterion")
	ProposalPage proposals(@PathVariable long id, @RequestParam(defaultValue = "false") boolean changing,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.assessments.listProposals(id, changing, page, size);
	}

	@PostMapping("/api/v1/grading/runs/{id}/stations/{stationId}/decision")
	@Operation(summary = "Accept a proposal (accept: true) or override it (level, stars, reason)")
	Proposal decide(@PathVariable long id, @PathVariable long stationId, @RequestBody DecisionRequest request) {
		if (Boolean.TRUE.equals(request.accept())) {
			return this.decisions.accept(id, stationId, request.reason());
		}
		return this.decisions.override(id, stationId, level(request.level()), request.stars(), request.reason());
	}

	@PostMapping("/api/v1/grading/runs/{id}/batches")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Accept every undecided proposal that changes a grade as one naming batch",
			description = "documentNumber (文号, unique per union), documentDate (ISO, not in the future) and "
					+ "stations: the ids named (the batch's list); without stations every undecided proposal that changes a grade.")
	NamingBatch batch(@PathVariable long id, @RequestBody BatchRequest request) {
		return this.decisions.acceptBatch(id, request.documentNumber(), date("documentDate", request.documentDate()),
				request.stations());
	}

	@GetMapping("/api/v1/grading/at-risk")
	@Operation(summary = "Stations that would lose a star if assessed today, and why")
	AtRiskList atRisk(@RequestParam(required = false) String union, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidInputException(Violation.of("limit", "validation.range", 1, 1000));
		}
		return this.assessments.atRisk(union, limit);
	}

	static StationLevel level(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return StationLevel.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(Violation.of("level", "validation.unknownValue", value.strip(),
					"NONE, CITY, PROVINCIAL, NATIONAL"));
		}
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(Violation.of(field, "validation.type"));
		}
	}

}
