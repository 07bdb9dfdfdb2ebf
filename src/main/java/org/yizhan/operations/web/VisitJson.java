package org.yizhan.operations.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yizhan.operations.StationVisits;
import org.yizhan.operations.VisitDay;

/**
 * The API's shape of visits: each day with its sources and the merged count, which the
 * root types compute rather than hold.
 */
final class VisitJson {

	private VisitJson() {
	}

	record Day(LocalDate day, int visits, String source, int checkIns, Integer tally, String tallyBy, Instant tallyAt,
			int doorEntries) {

		static Day of(VisitDay day) {
			return new Day(day.day(), day.visits(), day.source(), day.checkIns(), day.tally(), day.tallyBy(),
					day.tallyAt(), day.doorEntries());
		}

	}

	record Station(long stationId, String stationCode, String stationName, LocalDate from, LocalDate to, long visits,
			long checkIns, List<Day> days, LocalDate hoursOf, List<Integer> hours) {

		static Station of(StationVisits visits) {
			return new Station(visits.stationId(), visits.stationCode(), visits.stationName(), visits.from(),
					visits.to(), visits.visits(), visits.checkIns(), visits.days().stream().map(Day::of).toList(),
					visits.hourDay(), visits.hours());
		}

	}

}
