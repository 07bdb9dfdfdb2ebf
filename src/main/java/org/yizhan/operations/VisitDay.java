package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A station's visits of one day (Asia/Shanghai) with their sources: the workers'
 * check-ins, the tally its host or station master recorded, and the entries its door
 * devices reported while nobody was on duty. The tally counts the staffed hours and the
 * doors the unattended ones, so those two add up; check-ins may come at any hour and
 * count the same people as either, so they are compared with that sum, never added (ADR
 * 0023, ADR 0029).
 *
 * @param day the day
 * @param checkIns check-ins counted (one per phone per period)
 * @param tally the recorded tally, {@code null} when none was recorded
 * @param tallyBy who recorded the tally last
 * @param tallyAt when
 * @param doorEntries entries through the station's door devices that counted (one per ID
 * card per period)
 */
public record VisitDay(LocalDate day, int checkIns, Integer tally, String tallyBy, Instant tallyAt, int doorEntries) {

	/** The day's visits: the larger of the check-ins and the tally plus the doors. */
	public int visits() {
		return Math.max(this.checkIns, staffedAndDoors());
	}

	/**
	 * Which source the day's visits come from: {@code CHECK_INS}, {@code TALLY},
	 * {@code DOORS} or {@code TALLY_AND_DOORS}.
	 */
	public String source() {
		if (staffedAndDoors() <= this.checkIns) {
			return "CHECK_INS";
		}
		if (this.doorEntries == 0) {
			return "TALLY";
		}
		return (this.tally == null || this.tally == 0) ? "DOORS" : "TALLY_AND_DOORS";
	}

	private int staffedAndDoors() {
		return (this.tally == null ? 0 : this.tally) + this.doorEntries;
	}

}
