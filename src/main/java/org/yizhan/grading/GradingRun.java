package org.yizhan.grading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One assessment of a union's subtree for a year: the rule version it applied, the
 * evidence period (whole months, {@code evidenceTo} exclusive), how many stations it
 * proposed a grade for and how many of those are decided.
 */
public record GradingRun(long id, String unionCode, String unionName, String unionPath, int year, long ruleId,
		LocalDate evidenceFrom, LocalDate evidenceTo, int stations, int decided, Instant startedAt, Instant finishedAt,
		String startedBy) {
}
