package org.yizhan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.yizhan.platform.YizhanTime;

/**
 * A clock tests move by hand (lockouts, password expiry, session lifetime); it starts at
 * the real time and goes back to it with {@link #reset()}. {@link #set(Instant)} stops it
 * at an instant (a month edge, 08:00 in Shanghai) until it is advanced or reset.
 */
public final class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant stoppedAt;

	public void advance(Duration duration) {
		Instant stopped = stoppedAt;
		if (stopped != null) {
			stoppedAt = stopped.plus(duration);
		}
		else {
			offset = offset.plus(duration);
		}
	}

	/** Stops the clock at an instant; {@link #advance} moves it from there. */
	public void set(Instant instant) {
		stoppedAt = instant;
	}

	public void reset() {
		offset = Duration.ZERO;
		stoppedAt = null;
	}

	@Override
	public ZoneId getZone() {
		return YizhanTime.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		Instant stopped = stoppedAt;
		return (stopped != null) ? Clock.fixed(stopped, zone) : Clock.offset(Clock.system(zone), offset);
	}

	@Override
	public Instant instant() {
		Instant stopped = stoppedAt;
		return (stopped != null) ? stopped : Instant.now().plus(offset);
	}

}
