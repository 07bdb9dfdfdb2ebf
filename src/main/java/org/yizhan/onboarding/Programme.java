package org.yizhan.onboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A programme of new stations a union sets itself (a 民生实事 of 200 stations in a year,
 * 1,000 stations covering a city's main urban area): a target count over a period, for
 * the union's subtree. Its progress is counted, not kept: the applications of the subtree
 * submitted in the period (Beijing dates), how many were approved, built (the station
 * created) and listed.
 */
public record Programme(long id, String name, String unionCode, String unionName, int targetCount, LocalDate startsOn,
		LocalDate endsOn, Instant createdAt) {
}
