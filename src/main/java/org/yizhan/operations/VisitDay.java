package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A station's visits of one day (Asia/Shanghai) with their sources: the workers'
 * check-ins and the tally its host or station master recorded. Both count the same
 * people, so the day's visits are the larger of the two, never their sum.
 *
 * @param day the day
 * @param checkIns check-ins counted (one per phone per period)
 * @param tally the recorded tally, {@code null} when none was recorded
 * @param tallyBy who recorded the tally last
 * @param tallyAt when
 */
public record VisitDay(LocalDate day, int checkIns, Integer tally, String tallyBy, Instant tallyAt) {

	/** The day's visits: the larger of the sources. */
	public int visits() {
		return Math.max(this.checkIns, this.tally == null ? 0 : this.tally);
	}

	/** Which source the day's visits come from: {@code TALLY} or {@code CHECK_INS}. */
	public String source() {
		return this.tally != null && this.tally > this.checkIns ? "TALLY" : "CHECK_INS";
	}

}
