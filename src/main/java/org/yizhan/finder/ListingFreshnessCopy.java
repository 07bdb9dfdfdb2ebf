package org.yizhan.finder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.station.Freshness;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.StationFreshnessChanged;
import org.yizhan.station.StationListed;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This instance's copy of every listed station's freshness, read by the finder's queries
 * without a database round trip: the epoch second of its last confirmation and whether it
 * is held as 待核实, packed in one {@code long} per station.
 *
 * <p>
 * Kept like the index, after commit and reconciled, but not by version (freshness does
 * not move a station's version): filled once the application is ready; a hold or a
 * confirmation of this instance ({@link StationFreshnessChanged}) is read again in the
 * committing thread right after its commit, so the next request sees the 待核实 badge appear
 * or go; every {@code yizhan.finder.freshness-interval} (30 s) the rows changed since the
 * last look are read (the signals, which announce nothing, and the holds and
 * confirmations of other instances); every ten minutes the whole copy is read again,
 * which also picks up stations listed since (a station not in the copy shows no badge
 * meanwhile).
 */
@Component
class ListingFreshnessCopy {

	/** How far back each incremental read looks beyond the previous one: clock skew. */
	private static final Duration OVERLAP = Duration.ofSeconds(5);

	private final ListingFreshness freshness;

	private final Clock clock;

	private final Map<Long, Long> packed = new ConcurrentHashMap<>();

	private volatile Instant lastRead;

	ListingFreshnessCopy(ListingFreshness freshness, Clock clock) {
		this.freshness = freshness;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void fill() {
		Instant started = clock.instant();
		for (Freshness station : freshness.listListed()) {
			put(station);
		}
		this.lastRead = started;
	}

	@Scheduled(fixedDelayString = "${yizhan.finder.freshness-interval:PT30S}",
			initialDelayString = "${yizhan.finder.freshness-interval:PT30S}")
	void readChanges() {
		Instant started = clock.instant();
		Instant since = (this.lastRead != null) ? this.lastRead.minus(OVERLAP) : Instant.EPOCH;
		for (Freshness station : freshness.listChangedSince(since)) {
			put(station);
		}
		this.lastRead = started;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	void refill() {
		fill();
	}

	@TransactionalEventListener
	void on(StationFreshnessChanged changed) {
		freshness.find(changed.stationId()).ifPresent(this::put);
	}

	/** A station listed or reopened counts from then: no wait for the next full read. */
	@TransactionalEventListener
	void on(StationListed listed) {
		freshness.find(listed.stationId()).ifPresent(this::put);
	}

	/**
	 * Whether the station is shown as 待核实 at {@code now}: held, or unconfirmed for
	 * {@link Freshness#STALE_AFTER}; {@code false} for a station the copy does not hold.
	 */
	boolean isUnverified(long stationId, Instant now) {
		Long value = this.packed.get(stationId);
		return value != null
				&& ((value & 1) == 1 || !Instant.ofEpochSecond(value >> 1).isAfter(now.minus(Freshness.STALE_AFTER)));
	}

	/** Whole days since the station was last confirmed; {@code -1} when unknown. */
	long daysSinceConfirmed(long stationId, Instant now) {
		Long value = this.packed.get(stationId);
		return (value == null) ? -1 : Math.max(0, Duration.between(Instant.ofEpochSecond(value >> 1), now).toDays());
	}

	private void put(Freshness station) {
		this.packed.put(station.stationId().value(),
				(station.confirmedAt().getEpochSecond() << 1) | (station.isHeld() ? 1 : 0));
	}

}
