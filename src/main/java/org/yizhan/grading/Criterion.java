package org.yizhan.grading;

import java.math.BigDecimal;

/**
 * What a grading rule weighs, each read from another module's records: the checklist met
 * (standard), inspection scores (inspection), satisfaction and its trend (rating), months
 * without a rating (rating, as supervision's silent stations), unresolved and overdue
 * cases (ticket) and visits served (operations). Each names the value worth full marks
 * and the value worth none in the rule a union starts from.
 */
public enum Criterion {

	/** 1 when the station's latest judgement met the checklist in force, else 0. */
	CHECKLIST(20, "1", "0"),

	/** The mean score (0–100) of the year's inspections. */
	INSPECTION(20, "90", "60"),

	/** The share (%) of the year's counted ratings of four stars or more. */
	SATISFACTION(20, "95", "70"),

	/** The change of that share, in points, from the year before. */
	SATISFACTION_TREND(5, "0", "-10"),

	/** Complete months of the year without a counted rating. */
	SILENT_MONTHS(10, "0", "3"),

	/** Cases opened until the year's end and not resolved. */
	OPEN_CASES(10, "0", "5"),

	/** Of those, cases past their deadline. */
	OVERDUE_CASES(5, "0", "2"),

	/** Visits served in the year. */
	VISITS(10, "3000", "0");

	private final int defaultWeight;

	private final BigDecimal defaultFullAt;

	private final BigDecimal defaultZeroAt;

	Criterion(int defaultWeight, String defaultFullAt, String defaultZeroAt) {
		this.defaultWeight = defaultWeight;
		this.defaultFullAt = new BigDecimal(defaultFullAt);
		this.defaultZeroAt = new BigDecimal(defaultZeroAt);
	}

	/** How the criterion is weighed before a union saves a rule of its own. */
	public CriterionRule defaultRule() {
		return new CriterionRule(this, this.defaultWeight, this.defaultFullAt, this.defaultZeroAt);
	}

	/** The message key of its name. */
	public String messageKey() {
		return "grading.criterion." + name();
	}

}
