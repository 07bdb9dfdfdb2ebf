package org.yizhan.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * A union's visits over a range of days: its totals, each day, each union directly below
 * it, and its busiest stations. A day's visits at a station are the larger of its
 * check-ins and its tally plus its door entries ({@link VisitDay}); the sums here add
 * those per station and day.
 *
 * @param unionCode the union
 * @param unionName its name
 * @param from the first day
 * @param to the last day
 * @param total the range's totals
 * @param days each day with visits, oldest first
 * @param children the unions directly below, by visits
 * @param busiestStations the stations with the most visits, at most ten
 */
public record UnionVisits(String unionCode, String unionName, LocalDate from, LocalDate to, Total total, List<Day> days,
		List<Part> children, List<Part> busiestStations) {

	public UnionVisits {
		days = List.copyOf(days);
		children = List.copyOf(children);
		busiestStations = List.copyOf(busiestStations);
	}

	/**
	 * Sums over station-days.
	 *
	 * @param visits the merged visits
	 * @param checkIns the check-ins
	 * @param tallied the tallies recorded
	 * @param doorEntries the door entries that counted
	 * @param stations the stations with at least one visit
	 */
	public record Total(long visits, long checkIns, long tallied, long doorEntries, long stations) {
	}

	public record Day(LocalDate day, Total total) {
	}

	/** A union below, or a station, with its totals. */
	public record Part(String code, String name, Long stationId, Total total) {
	}

}
