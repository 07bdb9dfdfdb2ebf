package org.yizhan.station;

import java.time.Duration;
import java.time.Instant;

/**
 * How fresh a station's listing is: when a fresh signal last confirmed it and, when
 * independent workers reported it shut, since when it is held as 待核实 (unverified).
 *
 * <p>
 * A listing is unverified when it is held so, or when nothing confirmed it for
 * {@link #STALE_AFTER}; only a confirmation by its host, master or union releases a held
 * listing, since a worker's rating or check-in could be of the hours before it shut.
 *
 * @param personConfirmedAt when its host, master or union last confirmed it open;
 * {@code null} if never
 * @param unverifiedSince {@code null} unless reports hold the listing unverified
 * @param unverifiedReason why it is held, e.g. {@code SHUT_REPORTS}; {@code null} with it
 */
public record Freshness(StationId stationId, Instant confirmedAt, FreshnessSource confirmedBy,
		Instant personConfirmedAt, Instant unverifiedSince, String unverifiedReason) {

	/**
	 * Unconfirmed this long, a listing is shown as 待核实 and ranked after confirmed ones.
	 */
	public static final Duration STALE_AFTER = Duration.ofDays(60);

	/** Unconfirmed this long, its station master and liaison are asked to confirm it. */
	public static final Duration REMIND_AFTER = Duration.ofDays(30);

	public boolean isHeld() {
		return this.unverifiedSince != null;
	}

	/** Whether the finder shows the station as 待核实 at {@code now}. */
	public boolean isUnverified(Instant now) {
		return isHeld() || !this.confirmedAt.isAfter(now.minus(STALE_AFTER));
	}

	/** Whole days since the last confirmation, never negative. */
	public long daysSinceConfirmed(Instant now) {
		return Math.max(0, Duration.between(this.confirmedAt, now).toDays());
	}

}
