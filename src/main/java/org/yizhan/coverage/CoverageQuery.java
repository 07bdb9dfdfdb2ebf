package org.yizhan.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to measure: the areas of an organisation's subtree, reached by a travel mode
 * within a time budget, by all listed stations and, when {@code at} is given, by those
 * open then.
 *
 * @param orgCode the organisation whose areas (its own or its districts') are measured
 * @param mode how workers travel
 * @param budget the time budget, 1 to 60 minutes
 * @param at the instant for opening hours, {@code null} for none
 */
public record CoverageQuery(String orgCode, TravelMode mode, Duration budget, Instant at) {

	public static final int MAX_MINUTES = 60;

	public CoverageQuery {
		Objects.requireNonNull(orgCode, "orgCode");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(budget, "budget");
		if (budget.toMinutes() < 1 || budget.toMinutes() > MAX_MINUTES) {
			throw new IllegalArgumentException("budget must be 1.." + MAX_MINUTES + " minutes but was " + budget);
		}
	}

}
