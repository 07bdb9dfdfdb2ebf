package org.yizhan.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The server has no room for this piece of work right now, though it may later: answered
 * with 503 and {@code Retry-After} rather than queued without bound. Raised, for example,
 * when every slot for decoding an uploaded photo is taken.
 */
public class BusyException extends RuntimeException {

	private final String messageCode;

	private final Object[] args;

	private final Duration retryAfter;

	public BusyException(Duration retryAfter, String messageCode, Object... args) {
		super(messageCode + " " + Arrays.toString(args));
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
		this.messageCode = messageCode;
		this.args = args.clone();
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] args() {
		return args.clone();
	}

	/** How long the caller should wait before trying again, at least a second. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/**
	 * {@link #retryAfter()} in whole seconds, rounded up, as {@code Retry-After} says it.
	 */
	public long retryAfterSeconds() {
		long millis = retryAfter.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

}
