package org.yizhan.grading;

import java.time.LocalDate;
import java.util.List;

/**
 * The stations of a union's subtree that would lose a star if assessed today, under the
 * rule in force, on the evidence of the last twelve months ({@code to} exclusive): the
 * most stars lost first, then the lowest score; {@code total} counts them all.
 */
public record AtRiskList(String unionCode, String unionName, LocalDate from, LocalDate to, GradingRule rule,
		int assessed, int total, List<StationAtRisk> stations) {

	public AtRiskList {
		stations = List.copyOf(stations);
	}

}
