package org.yizhan.rating.intake;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.rating.RatingStation;
import org.yizhan.station.Station;
import org.yizhan.station.StationCopies;
import org.yizhan.station.StationId;
import org.yizhan.station.StationReplica;
import org.yizhan.station.StationStatus;

import org.springframework.stereotype.Component;

/**
 * The stations ratings arrive for, kept in memory: at thousands of ratings a second a
 * database read per rating would cost more than the rating. Every station is kept,
 * whatever its status, because the rating page tells a worker who scans the poster of a
 * suspended or delisted station so, kindly. The copy follows the rule of
 * {@link StationCopies}: a change made through this instance is seen as soon as it
 * commits, one made through another instance at the next reconciliation, and a station
 * this copy has not heard of is read once from the database. Whether a station takes
 * ratings is checked again by the writer's insert, which stores a rating only for a
 * station listed at that moment.
 */
@Component
public class RatableStations {

	private final StationReplica<RatableStation> stations;

	/** Each distinct hours string compiled once: most stations share a handful. */
	private final Map<String, OpeningSchedule> schedules = new ConcurrentHashMap<>();

	RatableStations(StationCopies copies) {
		this.stations = copies.replicate("rating intake", EnumSet.allOf(StationStatus.class), this::of);
	}

	/** The station, whatever its status; empty when there is no such station. */
	public Optional<RatableStation> find(StationId id) {
		return stations.find(id);
	}

	/**
	 * The station as it is now in the database, for when the copy proved behind (the
	 * writer found it no longer listed); the copy takes it too.
	 */
	public Optional<RatableStation> refresh(StationId id) {
		return stations.refresh(id);
	}

	private RatableStation of(Station station) {
		RatingStation summary = new RatingStation(station.id(), station.code().toString(), station.details().name(),
				station.details().address(), station.status(),
				station.suspension().map(Station.Suspension::expectedReopening).orElse(null));
		OpeningSchedule unattended = (station.details().smartEntry() == null) ? null
				: compile(station.details().smartEntry().unattendedHours());
		return new RatableStation(summary, station.details().location(), compile(station.details().openingHours()),
				unattended);
	}

	private OpeningSchedule compile(OpeningHours hours) {
		return schedules.computeIfAbsent(hours.value(), value -> OpeningSchedule.compile(hours));
	}

}
