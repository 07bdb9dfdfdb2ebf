package org.yizhan.ticket;

import java.time.Duration;

/**
 * A phone (or a client address) has sent more reports than its limit allows; answered
 * with 429 and when to try again.
 */
public class TooManyReportsException extends RuntimeException {

	private final String messageCode;

	private final Duration retryAfter;

	public TooManyReportsException(String messageCode, Duration retryAfter) {
		super(messageCode + " retry after " + retryAfter);
		this.messageCode = messageCode;
		this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole minutes to wait, at least one, for messages people read. */
	public long retryAfterMinutes() {
		return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
	}

}
