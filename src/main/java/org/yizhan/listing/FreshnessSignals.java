package org.yizhan.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.yizhan.inspection.InspectionCompleted;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.StationId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds each station's "last confirmed" time ({@link ListingFreshness}) from the fresh
 * signals other modules see, each in the way its rate allows.
 *
 * <ul>
 * <li>A counted rating ({@link RatingSubmitted}) arrives thousands of times a second on
 * the intake's writer thread, in its transaction: a module listener would write an outbox
 * row per rating. So it is looked at here synchronously against a map of when this
 * instance last passed a rating of the station on, and at most one an hour per station is
 * passed on as a {@link StationSignalled} through the outbox, recorded after the commit.
 * Freshness is shown in days; an hour's lag costs nothing. A held rating is no
 * proof.</li>
 * <li>An inspection ({@link InspectionCompleted}) is rare: heard through the outbox.</li>
 * <li>A check-in publishes nothing (the operations module counts them without storing who
 * came), but its guard row keeps the check-in's time for two hours: every minute one
 * instance (ShedLock) folds the newest check-in of each station since its last look into
 * the freshness in one statement. Recording is "newer wins", so a fold repeated, or run
 * by another instance, changes nothing.</li>
 * <li>A door device's call (an entry or a heartbeat, as often as every minute) publishes
 * nothing either, but moves its device's last call, which the devices online keep
 * indexed: the same fold records the latest call of each station's devices since its last
 * look.</li>
 * </ul>
 */
@Component
class FreshnessSignals {

	/** A station's ratings are passed on at most this often per instance. */
	static final Duration RATING_SIGNAL_INTERVAL = Duration.ofHours(1);

	/**
	 * The check-ins' guard rows live this long at least: the fold looks no further back.
	 */
	static final Duration CHECK_IN_LOOK_BACK = Duration.ofHours(2);

	private final ListingFreshness freshness;

	private final ListingReportRepository reports;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<Long, Instant> passedOn = new ConcurrentHashMap<>();

	private volatile Instant checkInsSeen;

	private volatile Instant doorCallsSeen;

	FreshnessSignals(ListingFreshness freshness, ListingReportRepository reports, ApplicationEventPublisher events,
			Clock clock) {
		this.freshness = freshness;
		this.reports = reports;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * In the intake's transaction, on its writer thread: a map look-up for almost every
	 * rating. Should that transaction roll back, the station waits for its next rating
	 * after the hour.
	 */
	@EventListener
	void on(RatingSubmitted rating) {
		if (rating.status() != RatingStatus.COUNTED) {
			return;
		}
		Instant at = rating.submittedAt();
		Instant last = this.passedOn.get(rating.stationId().value());
		if (last != null && last.plus(RATING_SIGNAL_INTERVAL).isAfter(at)) {
			return;
		}
		this.passedOn.put(rating.stationId().value(), at);
		events.publishEvent(new StationSignalled(rating.stationId(), FreshnessSource.RATING, at));
	}

	@ApplicationModuleListener
	void on(StationSignalled signal) {
		freshness.recordSignal(signal.stationId(), signal.source(), signal.at());
	}

	@ApplicationModuleListener
	void on(InspectionCompleted inspection) {
		freshness.recordSignal(StationId.of(inspection.stationId()), FreshnessSource.INSPECTION,
				inspection.inspectedAt());
	}

	@Scheduled(fixedDelayString = "${yizhan.listing.check-in-interval:PT1M}")
	@SchedulerLock(name = "listing-check-in-signals", lockAtMostFor = "PT10M")
	void foldCheckInsOnSchedule() {
		foldCheckIns();
		foldDoorCalls();
	}

	/**
	 * Records the newest check-in of each station since the last fold (at first, of the
	 * guard's whole life).
	 * @return how many stations had a check-in
	 */
	@Transactional
	int foldCheckIns() {
		Instant now = clock.instant();
		Instant since = (this.checkInsSeen != null) ? this.checkInsSeen : now.minus(CHECK_IN_LOOK_BACK);
		Map<StationId, Instant> checkIns = reports.listCheckInsSince(since);
		freshness.recordSignals(FreshnessSource.CHECK_IN, checkIns);
		// a check-in committing during this read carries an earlier time: look a minute
		// back
		this.checkInsSeen = now.minus(Duration.ofMinutes(1));
		return checkIns.size();
	}

	/**
	 * Records the latest call of each station's door devices since the last fold (at
	 * first, of the check-ins' look-back).
	 * @return how many stations had a device call in
	 */
	@Transactional
	int foldDoorCalls() {
		Instant now = clock.instant();
		Instant since = (this.doorCallsSeen != null) ? this.doorCallsSeen : now.minus(CHECK_IN_LOOK_BACK);
		Map<StationId, Instant> calls = reports.listDoorCallsSince(since);
		freshness.recordSignals(FreshnessSource.DOOR, calls);
		this.doorCallsSeen = now.minus(Duration.ofMinutes(1));
		return calls.size();
	}

}
