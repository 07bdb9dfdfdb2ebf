package org.yizhan.rating;

import java.time.Duration;

/**
 * The intake cannot take a rating now: its queue is full, or the database did not confirm
 * the write in time. Answered with 503 and {@code Retry-After}; a rating sent again is
 * never counted twice (one per device, station and day).
 */
public class IntakeBusyException extends RuntimeException {

	private final Duration retryAfter;

	public IntakeBusyException(String why, Duration retryAfter) {
		super(why);
		this.retryAfter = retryAfter;
	}

	public IntakeBusyException(String why, Duration retryAfter, Throwable cause) {
		super(why, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
