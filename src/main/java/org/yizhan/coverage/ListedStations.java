package org.yizhan.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.station.StationChanged;
import org.yizhan.station.StationDelisted;
import org.yizhan.station.StationListed;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationSuspended;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The listed stations as coverage needs them: positions and compiled opening hours, read
 * through the station module's registry and kept between requests.
 * <p>
 * A station event of this instance drops the copy after its change commits, so an admin
 * sees a listing reflected at once; changes made through another instance arrive when the
 * copy is older than {@link #MAX_AGE}, the same bound the finder's reconciliation keeps.
 */
@Component
class ListedStations {

	static final Duration MAX_AGE = Duration.ofSeconds(30);

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

	private final StationRegistry registry;

	private final Clock clock;

	private volatile Snapshot current;

	ListedStations(StationRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	Snapshot snapshot() {
		Snapshot snapshot = this.current;
		if (snapshot == null || snapshot.readAt().plus(MAX_AGE).isBefore(this.clock.instant())) {
			snapshot = read();
			this.current = snapshot;
		}
		return snapshot;
	}

	private Snapshot read() {
		Instant readAt = this.clock.instant();
		List<double[]> positions = new ArrayList<>();
		List<String[]> labels = new ArrayList<>();
		List<OpeningSchedule> schedules = new ArrayList<>();
		Map<String, OpeningSchedule> compiled = new HashMap<>();
		this.registry.forEachListed(station -> {
			var details = station.details();
			positions.add(new double[] { details.location().lat(), details.location().lon() });
			labels.add(new String[] { station.code().toString(), details.name() });
			schedules.add(compiled.computeIfAbsent(details.openingHours().value(),
					value -> OpeningSchedule.compile(details.openingHours())));
		});
		int n = positions.size();
		double[] lats = new double[n];
		double[] lons = new double[n];
		String[] codes = new String[n];
		String[] names = new String[n];
		for (int s = 0; s < n; s++) {
			lats[s] = positions.get(s)[0];
			lons[s] = positions.get(s)[1];
			codes[s] = labels.get(s)[0];
			names[s] = labels.get(s)[1];
		}
		return new Snapshot(n, lats, lons, codes, names, schedules.toArray(OpeningSchedule[]::new), readAt);
	}

	@TransactionalEventListener
	void on(StationListed event) {
		this.current = null;
	}

	@TransactionalEventListener
	void on(StationChanged event) {
		this.current = null;
	}

	@TransactionalEventListener
	void on(StationSuspended event) {
		this.current = null;
	}

	@TransactionalEventListener
	void on(StationDelisted event) {
		this.current = null;
	}

}
