package org.yizhan.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.organization.Audited;
import org.yizhan.rating.RatingReleased;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.supervision.SilentCaseRepository.Changed;
import org.yizhan.station.StationId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes a silent station's open case as "resolved by a rating" as soon as a rating
 * counts for the station, a new one counted at once or a held one released, instead of
 * leaving it open until the next hourly check (which stays, as the backstop).
 *
 * <p>
 * Intake announces every stored rating ({@link RatingSubmitted}), thousands a second at
 * peak, and almost none of them is of a station with an open case. A module listener on
 * it would write and complete one {@code event_publication} row per rating in the
 * intake's transaction: one more insert and update per rating, for nothing. So the rating
 * is looked at here synchronously, in the intake's transaction, against a set of the
 * stations with an open case held in memory (a few hundred ids at most, read again every
 * minute and after each check); only a counted rating of such a station is passed on, as
 * a {@link SilentStationRated} through the outbox, and the station leaves the set so that
 * its next ratings cost nothing either. A release is a union admin's click, rare, and is
 * heard through the outbox directly. Each close runs in its listener's own transaction,
 * after the rating's commit, with its audit entry; closing a case closed already changes
 * nothing, so a replay after a restart is harmless.
 *
 * <p>
 * A case opened on another instance reaches this one's set within the minute; a rating in
 * that minute waits for the hourly check, as every rating did before.
 */
@Component
class SilentCaseResolution {

	/** How often the set of stations with an open case is read again, in ms. */
	static final long REFRESH_MILLIS = 60_000;

	private final SilentCaseRepository cases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Set<Long> open = ConcurrentHashMap.newKeySet();

	SilentCaseResolution(SilentCaseRepository cases, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.events = events;
		this.clock = clock;
	}

	/** Reads again which stations have an open case. */
	@Scheduled(fixedDelay = REFRESH_MILLIS)
	void refresh() {
		Set<Long> stations = ConcurrentHashMap.newKeySet();
		stations.addAll(cases.listStationsWithOpenCase());
		this.open = stations;
	}

	/**
	 * In the intake's transaction, on its writer thread: a set look-up for almost every
	 * rating. Should that transaction roll back, the station stays out of the set until
	 * the next refresh, and the hourly check closes its case meanwhile if need be.
	 */
	@EventListener
	void on(RatingSubmitted rating) {
		if (rating.status() == RatingStatus.COUNTED && this.open.remove(rating.stationId().value())) {
			events.publishEvent(new SilentStationRated(rating.ratingId(), rating.ratingDay(), rating.stationId()));
		}
	}

	@ApplicationModuleListener
	void on(SilentStationRated rated) {
		resolve(rated.stationId());
	}

	@ApplicationModuleListener
	void on(RatingReleased released) {
		resolve(released.stationId());
	}

	private void resolve(StationId station) {
		List<Changed> resolved = cases.resolveByRatings(clock.instant(), station);
		for (Changed done : resolved) {
			events.publishEvent(new Audited("silent.resolve", "station", done.stationCode(), done.districtCode(),
					"status=OPEN", done.summary()));
		}
	}

}
