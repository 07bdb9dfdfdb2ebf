package org.yizhan.onboarding;

import java.time.Instant;
import java.util.List;

import org.yizhan.standard.Checklist;
import org.yizhan.standard.ChecklistItem;

/**
 * An application's score, explained item by item: what a station at its site would do for
 * the workers of its district, how far it is from the nearest listed station, and how its
 * site meets the checklist in force there. There is no single number: the union weighs
 * the items, and sorts by the one it cares for.
 *
 * @param coverage the coverage figures, {@code null} when the district has no boundary on
 * file to measure on
 * @param checklist the checklist in force in the district (its current version is the one
 * judged), {@code null} when none is
 */
public record ApplicationScore(long applicationId, String districtCode, Coverage coverage, Spacing spacing,
		Checklist checklist, List<Condition> conditions) {

	public ApplicationScore {
		conditions = List.copyOf(conditions);
	}

	/**
	 * Shares (0 to 1) of the district's demand, the workers' points coverage keeps,
	 * computed by the coverage module on its grid and reach: by day and at night, the
	 * stations open at those instants stand.
	 *
	 * @param reached the demand within the site's reach: the workers it would serve
	 * @param daySingle the demand within reach that no station open by day reaches: the
	 * single coverage it adds
	 * @param dayCross the demand within reach that exactly one station open by day
	 * reaches: the cross coverage it adds
	 * @param minutes the time budget of the reach, by {@code mode}
	 */
	public record Coverage(double reached, double daySingle, double dayCross, double nightSingle, double nightCross,
			Instant dayAt, Instant nightAt, String mode, int minutes, double radiusMeters) {
	}

	/**
	 * @param nearestMeters the great-circle distance to the nearest listed station,
	 * {@code null} when none is within 10 km
	 * @param ruleMeters the spacing rule: a station should have a listed neighbour nearer
	 * than this
	 */
	public record Spacing(String nearestStationCode, String nearestStationName, Double nearestMeters,
			double ruleMeters) {

		/** Whether a station here would have a listed neighbour within the rule. */
		public boolean withinRule() {
			return this.nearestMeters != null && this.nearestMeters <= this.ruleMeters;
		}

	}

	/** One item of the checklist in force, judged from what the host declared. */
	public record Condition(ChecklistItem item, Verdict verdict) {
	}

	/** How an item reads from an application. */
	public enum Verdict {

		/** What the host declared meets it. */
		MET,

		/** What the host declared does not meet it. */
		NOT_MET,

		/** An application does not tell: the field visit does (a photo, a yes or no). */
		AT_VISIT

	}

	public long countOf(Verdict verdict) {
		return this.conditions.stream().filter(c -> c.verdict() == verdict).count();
	}

	/** Required items the declared site does not meet. */
	public long requiredFailed() {
		return this.conditions.stream().filter(c -> c.item().required() && c.verdict() == Verdict.NOT_MET).count();
	}

}
