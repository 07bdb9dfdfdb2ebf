package org.yizhan.rating.intake;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.rating.RatingStation;
import org.yizhan.station.Station;
import org.yizhan.station.StationChanged;
import org.yizhan.station.StationDelisted;
import org.yizhan.station.StationId;
import org.yizhan.station.StationListed;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationSuspended;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The stations ratings arrive for, kept in memory: at thousands of ratings a second a
 * database read per rating would cost more than the rating. A change made through this
 * instance drops the copy at once; one made through another instance is seen within
 * {@code yizhan.rating.intake.station-cache-ttl} (30 s): a copy older than that is read
 * again in the background on its next use, while requests go on with the old one (a
 * request thread waits for the database only for a station it has never seen, or not for
 * ten TTLs). Whether a station takes ratings is checked again by the writer's insert,
 * which stores a rating only for a station listed at that moment.
 */
@Component
public class RatableStations {

	private final LoadingCache<Long, Optional<RatableStation>> stations;

	RatableStations(StationRegistry registry, IntakeProperties properties) {
		this.stations = Caffeine.newBuilder()
			.maximumSize(200_000)
			.refreshAfterWrite(properties.stationCacheTtl())
			.expireAfterWrite(properties.stationCacheTtl().multipliedBy(10))
			.build(id -> registry.findForRatingCode(StationId.of(id)).map(RatableStations::of));
	}

	/** The station, whatever its status; empty when there is no such station. */
	public Optional<RatableStation> find(StationId id) {
		return stations.get(id.value());
	}

	/** Forgets a station, so that its next rating reads it again. */
	public void forget(StationId id) {
		stations.invalidate(id.value());
	}

	@EventListener
	void on(StationChanged changed) {
		forget(changed.stationId());
	}

	@EventListener
	void on(StationListed listed) {
		forget(listed.stationId());
	}

	@EventListener
	void on(StationSuspended suspended) {
		forget(suspended.stationId());
	}

	@EventListener
	void on(StationDelisted delisted) {
		forget(delisted.stationId());
	}

	private static RatableStation of(Station station) {
		RatingStation summary = new RatingStation(station.id(), station.code().toString(), station.details().name(),
				station.details().address(), station.status(),
				station.suspension().map(Station.Suspension::expectedReopening).orElse(null));
		OpeningSchedule unattended = (station.details().smartEntry() == null) ? null
				: OpeningSchedule.compile(station.details().smartEntry().unattendedHours());
		return new RatableStation(summary, station.details().location(),
				OpeningSchedule.compile(station.details().openingHours()), unattended);
	}

}
