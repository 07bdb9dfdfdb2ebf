package org.yizhan.coverage.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.InvalidSiteSelectionException;
import org.yizhan.coverage.Positions;
import org.yizhan.coverage.SiteSelection;
import org.yizhan.coverage.SiteSelectionProblem;
import org.yizhan.coverage.SiteSelectionResult;
import org.yizhan.geo.Crs;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Suggests where new stations would cover the most demand (maximal covering location):
 * the same solver serves the console and integrators. Distances are great-circle; a
 * demand point is covered when a station is within {@code radiusMeters}.
 */
@ApiController("/api/v1/coverage")
@Tag(name = "Coverage", description = "覆盖分析：选址建议")
class SiteSelectionApiController {

	/**
	 * How many mistakes one answer lists: enough to fix a file, not a 200,000-line echo.
	 */
	static final int MAX_VIOLATIONS = 20;

	record Point(Double lat, Double lon, Double weight) {
	}

	record Candidate(String id, Double lat, Double lon) {
	}

	record SiteSelectionRequest(List<Point> demand, List<Candidate> candidates, String crs, Double radiusMeters,
			Integer p, String objective, List<Point> existing) {
	}

	record SiteSelectionResponse(List<String> selected, List<Double> gains, double coveredWeight,
			double coveredOnceWeight, double coveredTwiceWeight, double totalWeight, double upperBound, long millis) {
	}

	@PostMapping("/site-selection")
	@Operation(summary = "Choose p sites among the candidates that cover the most demand",
			description = "objective single: demand within reach of one station; double: cross coverage (a point counts fully once two stations reach it). Existing stations count as already there. Selected ids come in pick order with the gain of each.")
	SiteSelectionResponse select(@RequestBody SiteSelectionRequest request) {
		List<Violation> violations = new ArrayList<>();
		Crs crs = RequestValues.crs(request.crs(), "crs", violations);
		CoverageObjective objective = objective(request.objective(), violations);
		List<Point> demand = request.demand() == null ? List.of() : request.demand();
		List<Candidate> candidates = request.candidates() == null ? List.of() : request.candidates();
		List<Point> existing = request.existing() == null ? List.of() : request.existing();
		if (demand.isEmpty()) {
			violations.add(Violation.of("demand", "validation.required"));
		}
		if (demand.size() > SiteSelectionProblem.MAX_DEMAND_POINTS) {
			violations.add(Violation.of("demand", "coverage.tooMany", SiteSelectionProblem.MAX_DEMAND_POINTS));
		}
		if (candidates.isEmpty()) {
			violations.add(Violation.of("candidates", "validation.required"));
		}
		if (candidates.size() > SiteSelectionProblem.MAX_CANDIDATES) {
			violations.add(Violation.of("candidates", "coverage.tooMany", SiteSelectionProblem.MAX_CANDIDATES));
		}
		Double radius = request.radiusMeters();
		if (radius == null) {
			violations.add(Violation.of("radiusMeters", "validation.required"));
		}
		else if (!(radius > 0) || radius > SiteSelectionProblem.MAX_RADIUS_METERS) {
			violations.add(
					Violation.of("radiusMeters", "validation.range", 1, (long) SiteSelectionProblem.MAX_RADIUS_METERS));
		}
		if (request.p() == null) {
			violations.add(Violation.of("p", "validation.required"));
		}
		else if (request.p() < 1 || (!candidates.isEmpty() && request.p() > candidates.size())) {
			violations.add(Violation.of("p", "validation.range", 1, Math.max(1, candidates.size())));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		SiteSelectionProblem.Builder problem = SiteSelectionProblem.onSphere()
			.objective(objective)
			.radiusMeters(radius)
			.p(request.p());
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < demand.size() && violations.size() < MAX_VIOLATIONS; i++) {
			Point point = demand.get(i);
			GeoPoint at = Positions.read("demand[" + i + "]", point.lat(), point.lon(), crs, violations);
			double weight = point.weight() == null ? 1 : point.weight();
			if (!Double.isFinite(weight) || weight < 0) {
				violations.add(Violation.of("demand[" + i + "].weight", "coverage.weight"));
			}
			else if (at != null) {
				problem.demand(at.lat(), at.lon(), weight);
			}
		}
		for (int i = 0; i < candidates.size() && violations.size() < MAX_VIOLATIONS; i++) {
			Candidate candidate = candidates.get(i);
			String id = candidate.id() == null || candidate.id().isBlank() ? Integer.toString(i)
					: candidate.id().strip();
			if (!ids.add(id)) {
				violations.add(Violation.of("candidates[" + i + "].id", "coverage.duplicateId", id));
			}
			GeoPoint at = Positions.read("candidates[" + i + "]", candidate.lat(), candidate.lon(), crs, violations);
			if (at != null) {
				problem.candidate(id, at.lat(), at.lon());
			}
		}
		for (int i = 0; i < existing.size() && violations.size() < MAX_VIOLATIONS; i++) {
			GeoPoint at = Positions.read("existing[" + i + "]", existing.get(i).lat(), existing.get(i).lon(), crs,
					violations);
			if (at != null) {
				problem.existing(at.lat(), at.lon());
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		SiteSelectionResult result;
		try {
			result = SiteSelection.standard().select(problem.build());
		}
		catch (InvalidSiteSelectionException ex) {
			throw new InvalidInputException(Violation.of(ex.field(), "coverage.invalid", ex.getMessage()));
		}
		return new SiteSelectionResponse(result.selectedIds(), result.gains(), result.coveredWeight(),
				result.coveredOnceWeight(), result.coveredTwiceWeight(), result.totalWeight(), result.upperBound(),
				result.millis());
	}

	private static CoverageObjective objective(String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return CoverageObjective.SINGLE;
		}
		try {
			return CoverageObjective.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("objective", "validation.unknownValue", value, "single, double"));
			return CoverageObjective.SINGLE;
		}
	}

}
