package org.yizhan.ticket.web;

import java.time.Duration;
import java.util.Optional;

import org.yizhan.platform.web.TokenBuckets;
import org.yizhan.ticket.TicketSettings;
import org.yizhan.ticket.TooManyReportsException;

import org.springframework.stereotype.Component;

/**
 * The loose per-address limits of the public ticket endpoints, a token bucket per client
 * address and instance: reports (the per-device limit, kept in the database, is the
 * strict one) and status look-ups (a number is not guessable, and this keeps anyone from
 * trying). Loose because many workers share one carrier address. Buckets of idle
 * addresses are dropped after an hour; at most 100,000 are kept.
 */
@Component
class TicketRateLimits {

	private final TokenBuckets<String> reports;

	private final TokenBuckets<String> lookups;

	TicketRateLimits(TicketSettings settings) {
		TicketSettings.Limits limits = settings.limits();
		this.reports = new TokenBuckets<>(limits.perAddressPerHour(), limits.perAddressPerHour(), Duration.ofHours(1),
				100_000, Duration.ofHours(1));
		this.lookups = new TokenBuckets<>(limits.statusPerAddressPerMinute(), limits.statusPerAddressPerMinute(),
				Duration.ofMinutes(1), 100_000, Duration.ofHours(1));
	}

	/**
	 * @throws TooManyReportsException past the address's hourly reports
	 */
	void requireReport(String address) {
		refuseWhenEmpty(this.reports.take(address));
	}

	/**
	 * @throws TooManyReportsException past the address's look-ups per minute
	 */
	void requireLookup(String address) {
		refuseWhenEmpty(this.lookups.take(address));
	}

	private static void refuseWhenEmpty(Optional<Duration> wait) {
		if (wait.isPresent()) {
			throw new TooManyReportsException("ticket.tooManyFromAddress", wait.get().plusSeconds(1));
		}
	}

}
