package org.yizhan.ticket.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

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

	private final Cache<String, Bucket> reports = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final Cache<String, Bucket> lookups = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final TicketSettings.Limits limits;

	TicketRateLimits(TicketSettings settings) {
		this.limits = settings.limits();
	}

	/**
	 * @throws TooManyReportsException past the address's hourly reports
	 */
	void requireReport(String address) {
		take(this.reports.get(address, key -> bucket(this.limits.perAddressPerHour(), Duration.ofHours(1))));
	}

	/**
	 * @throws TooManyReportsException past the address's look-ups per minute
	 */
	void requireLookup(String address) {
		take(this.lookups.get(address, key -> bucket(this.limits.statusPerAddressPerMinute(), Duration.ofMinutes(1))));
	}

	private static void take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyReportsException("ticket.tooManyFromAddress",
					Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
		}
	}

	private static Bucket bucket(int capacity, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

}
