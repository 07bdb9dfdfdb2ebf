package org.yizhan.onboarding;

/**
 * What the selection list is filtered and sorted by; {@code null} filters mean any.
 *
 * @param status one status; by default the applications still to be decided
 * @param districtCode a union whose subtree the site lies in (inside the caller's own)
 * @param requiredMet only those whose declared site meets every required item that an
 * application tells ({@code true}), or only those that miss one ({@code false})
 * @param withinSpacing only those with a listed station within the spacing rule, or only
 * those without
 * @param sort the figure to sort by, largest first (nearest station: nearest first)
 */
public record ScoreQuery(ApplicationStatus status, String districtCode, Boolean requiredMet, Boolean withinSpacing,
		Sort sort) {

	public ScoreQuery {
		sort = (sort != null) ? sort : Sort.DAY_SINGLE;
	}

	/** The figures the list sorts by, each a column of {@code application_score}. */
	public enum Sort {

		DAY_SINGLE("sc.day_single desc nulls last"), DAY_CROSS("sc.day_cross desc nulls last"),
		NIGHT_SINGLE("sc.night_single desc nulls last"), NIGHT_CROSS("sc.night_cross desc nulls last"),
		REACHED("sc.reached desc nulls last"), NEAREST("sc.nearest_station_m asc nulls last"),
		CONDITIONS("sc.required_failed asc nulls last, sc.conditions_met desc nulls last");

		final String orderBy;

		Sort(String orderBy) {
			this.orderBy = orderBy;
		}

	}

}
