package org.yizhan.rating;

import java.time.Duration;

/**
 * A device or a client address sent more ratings than the limits allow: answered with 429
 * and {@code Retry-After}.
 */
public class TooManyRatingsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRatingsException(String limit, Duration retryAfter) {
		super("Rating limit per " + limit + " reached; retry after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
