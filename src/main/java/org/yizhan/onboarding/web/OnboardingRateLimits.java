package org.yizhan.onboarding.web;

import java.time.Duration;
import java.util.Optional;

import org.yizhan.platform.web.TokenBuckets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The per-address limits of the public application endpoints, a token bucket per client
 * address and instance: submissions
 * ({@code yizhan.onboarding.limits.submissions-per-hour}, 10: a merchant applies once, an
 * agent for a chain a few times, a script many) and status look-ups
 * ({@code status-per-minute}, 60: a token is not guessable, and this keeps anyone from
 * trying). Buckets of idle addresses are dropped after an hour; at most 100,000 kept.
 */
@Component
class OnboardingRateLimits {

	private final TokenBuckets<String> submissions;

	private final TokenBuckets<String> lookups;

	OnboardingRateLimits(@Value("${yizhan.onboarding.limits.submissions-per-hour:30}") int submissionsPerHour,
			@Value("${yizhan.onboarding.limits.status-per-minute:60}") int statusPerMinute) {
		this.submissions = new TokenBuckets<>(submissionsPerHour, submissionsPerHour, Duration.ofHours(1), 100_000,
				Duration.ofHours(1));
		this.lookups = new TokenBuckets<>(statusPerMinute, statusPerMinute, Duration.ofMinutes(1), 100_000,
				Duration.ofHours(1));
	}

	/**
	 * @throws TooManyApplicationRequestsException past the address's submissions
	 */
	void requireSubmission(String address) {
		refuseWhenEmpty(this.submissions.take(address));
	}

	/**
	 * @throws TooManyApplicationRequestsException past the address's look-ups
	 */
	void requireLookup(String address) {
		refuseWhenEmpty(this.lookups.take(address));
	}

	private static void refuseWhenEmpty(Optional<Duration> wait) {
		if (wait.isPresent()) {
			throw new TooManyApplicationRequestsException(TokenBuckets.retryAfterSeconds(wait.get()));
		}
	}

	/**
	 * 429: the address has used its allowance; try again after {@code retryAfterSeconds}.
	 */
	static final class TooManyApplicationRequestsException extends RuntimeException {

		private final long retryAfterSeconds;

		TooManyApplicationRequestsException(long retryAfterSeconds) {
			super("Too many application requests from this address", null, false, false);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

		long retryAfterMinutes() {
			return Math.max(1, (this.retryAfterSeconds + 59) / 60);
		}

	}

}
