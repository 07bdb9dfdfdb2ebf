package org.yizhan.reporting;

import java.time.Instant;

/**
 * A report kept for a union: which months, when and by whom it was made. Its figures are
 * kept with it ({@link UnionReports#get}), so it reads the same every time it is opened.
 *
 * @param scheduled made by the monthly or yearly schedule (one per union and period),
 * rather than asked for by someone
 * @param madeBy the account that asked for it, {@code system} for the schedule
 */
public record UnionReport(long id, String unionCode, String unionName, ReportPeriod period, boolean scheduled,
		String madeBy, Instant madeAt) {

	/** What the schedule's reports name as their maker. */
	public static final String SYSTEM = "system";

}
