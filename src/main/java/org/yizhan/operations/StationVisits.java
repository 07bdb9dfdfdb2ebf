package org.yizhan.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * A station's visits over a range of days, newest first, with the check-ins of one day by
 * hour.
 *
 * @param stationId the station
 * @param stationCode its code
 * @param stationName its name
 * @param from the first day of the range
 * @param to the last day of the range
 * @param days every day of the range, newest first, zero where nobody was counted
 * @param hourDay the day {@link #hours} are of
 * @param hours the check-ins of {@code hourDay} by hour, 0–23
 * @param mayRecordTally whether the caller may record the station's tally
 */
public record StationVisits(long stationId, String stationCode, String stationName, LocalDate from, LocalDate to,
		List<VisitDay> days, LocalDate hourDay, List<Integer> hours, boolean mayRecordTally) {

	public StationVisits {
		days = List.copyOf(days);
		hours = List.copyOf(hours);
	}

	public long checkIns() {
		return this.days.stream().mapToLong(VisitDay::checkIns).sum();
	}

	public long visits() {
		return this.days.stream().mapToLong(VisitDay::visits).sum();
	}

	/** The busiest hour's check-ins, for drawing the hours to scale (at least 1). */
	public int busiestHour() {
		return Math.max(1, this.hours.stream().mapToInt(Integer::intValue).max().orElse(0));
	}

}
