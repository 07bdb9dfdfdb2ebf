package org.yizhan.platform.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused because too many failed before it, from this account's name or from
 * this address, whatever the password: it says until when, so that the answer can tell a
 * person when to try again (in whole minutes, rounded up) and a client
 * {@code Retry-After}. It never says whether the account or the address is paused.
 */
public class SignInPaused extends LockedException {

	private final Instant until;

	public SignInPaused(Instant until) {
		super("account.login.locked");
		this.until = until;
	}

	public Instant until() {
		return until;
	}

	/** Whole minutes from {@code now} to the end of the pause, rounded up, at least 1. */
	public long minutesLeft(Instant now) {
		return Math.max(1, (secondsLeft(now) + 59) / 60);
	}

	/**
	 * Whole seconds from {@code now} to the end of the pause, rounded up (a client that
	 * waits them finds the pause over), at least 1.
	 */
	public long secondsLeft(Instant now) {
		long millis = Math.max(0, Duration.between(now, until).toMillis());
		return Math.max(1, (millis + 999) / 1000);
	}

}
