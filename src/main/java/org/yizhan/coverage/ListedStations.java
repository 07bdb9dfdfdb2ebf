package org.yizhan.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.station.Station;
import org.yizhan.station.StationCopies;
import org.yizhan.station.StationReplica;
import org.yizhan.station.StationStatus;

import org.springframework.stereotype.Component;

/**
 * The listed stations as coverage needs them: positions and compiled opening hours, a
 * copy kept by the station module's {@link StationCopies} (after commit, by version,
 * reconciled: a listing made here is reflected as soon as it commits, one made through
 * another instance at the next reconciliation). The parallel arrays a question reads are
 * derived from the copy once per change of it.
 */
@Component
class ListedStations {

	/** The stations at one moment, as parallel arrays. */
	record Snapshot(int size, double[] lats, double[] lons, String[] codes, String[] names, OpeningSchedule[] schedules,
			Instant readAt) {

		/** The stations open at an instant; unknown hours count as not open. */
		Snapshot openAt(Instant at, HolidayCalendar calendar) {
			int n = 0;
			double[] lats = new double[this.size];
			double[] lons = new double[this.size];
			String[] codes = new String[this.size];
			String[] names = new String[this.size];
			OpeningSchedule[] schedules = new OpeningSchedule[this.size];
			for (int s = 0; s < this.size; s++) {
				if (this.schedules[s].statusAt(at, calendar) == OpenStatus.OPEN) {
					lats[n] = this.lats[s];
					lons[n] = this.lons[s];
					codes[n] = this.codes[s];
					names[n] = this.names[s];
					schedules[n] = this.schedules[s];
					n++;
				}
			}
			return new Snapshot(n, lats, lons, codes, names, schedules, this.readAt);
		}

	}

	/** One listed station as coverage keeps it. */
	private record Member(double lat, double lon, String code, String name, OpeningSchedule schedule) {
	}

	/** The arrays of one state of the copy, and that state. */
	private record Derived(List<Member> members, Snapshot snapshot) {
	}

	private final StationReplica<Member> stations;

	/** Each distinct hours string compiled once: most stations share a handful. */
	private final Map<String, OpeningSchedule> compiled = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile Derived current = new Derived(null, null);

	ListedStations(StationCopies copies, Clock clock) {
		this.stations = copies.replicate("coverage", EnumSet.of(StationStatus.LISTED), this::member);
		this.clock = clock;
	}

	Snapshot snapshot() {
		List<Member> members = this.stations.values();
		Derived derived = this.current;
		if (derived.members() != members) {
			derived = new Derived(members, arrays(members));
			this.current = derived;
		}
		return derived.snapshot();
	}

	private Snapshot arrays(List<Member> members) {
		int n = members.size();
		double[] lats = new double[n];
		double[] lons = new double[n];
		String[] codes = new String[n];
		String[] names = new String[n];
		OpeningSchedule[] schedules = new OpeningSchedule[n];
		for (int s = 0; s < n; s++) {
			Member member = members.get(s);
			lats[s] = member.lat();
			lons[s] = member.lon();
			codes[s] = member.code();
			names[s] = member.name();
			schedules[s] = member.schedule();
		}
		return new Snapshot(n, lats, lons, codes, names, schedules, this.clock.instant());
	}

	private Member member(Station station) {
		var details = station.details();
		return new Member(details.location().lat(), details.location().lon(), station.code().toString(), details.name(),
				this.compiled.computeIfAbsent(details.openingHours().value(),
						value -> OpeningSchedule.compile(details.openingHours())));
	}

}
