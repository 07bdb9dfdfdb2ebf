package org.yizhan.operations.web;

import java.time.Duration;
import java.util.Optional;

import org.yizhan.platform.web.StatusProblemException;
import org.yizhan.platform.web.TokenBuckets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The per-address limit of check-ins, a token bucket per client address and instance
 * ({@code yizhan.operations.visits.per-address-per-minute}, 120): loose, because riders
 * share their carrier's addresses and a busy station's Wi-Fi, but enough to keep one
 * script from inventing device ids by the thousand. In memory, as the rating intake's
 * limits are: a database round trip per check-in would halve what the check-ins can take.
 */
@Component
class CheckInLimits {

	private final TokenBuckets<String> addresses;

	/**
	 * Coupons' redemptions take from buckets of their own: a busy hand-out does not stop
	 * check-ins.
	 */
	private final TokenBuckets<String> redemptions;

	CheckInLimits(@Value("${yizhan.operations.visits.per-address-per-minute:120}") int perMinute,
			@Value("${yizhan.operations.coupons.per-address-per-minute:120}") int redemptionsPerMinute) {
		this.addresses = new TokenBuckets<>(perMinute, perMinute, Duration.ofMinutes(1), 200_000,
				Duration.ofMinutes(10));
		this.redemptions = new TokenBuckets<>(redemptionsPerMinute, redemptionsPerMinute, Duration.ofMinutes(1),
				200_000, Duration.ofMinutes(10));
	}

	/**
	 * @throws StatusProblemException 429 past the address's allowance of redemptions
	 */
	void requireForRedemption(String address) {
		Optional<Duration> wait = this.redemptions.take(address);
		if (wait.isPresent()) {
			throw new StatusProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-check-ins", "visit.tooMany",
					TokenBuckets.retryAfterSeconds(wait.get()));
		}
	}

	/**
	 * @throws StatusProblemException 429 past the address's allowance
	 */
	void require(String address) {
		Optional<Duration> wait = this.addresses.take(address);
		if (wait.isPresent()) {
			throw new StatusProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-check-ins", "visit.tooMany",
					TokenBuckets.retryAfterSeconds(wait.get()));
		}
	}

}
