package org.yizhan.ticket.web;

import java.time.Duration;
import java.util.Optional;

import org.yizhan.platform.web.SharedRateLimits;
import org.yizhan.ticket.TicketSettings;
import org.yizhan.ticket.TooManyReportsException;

import org.springframework.stereotype.Component;

/**
 * The loose per-address limits of the public ticket endpoints, a token bucket per client
 * address shared by every instance ({@link SharedRateLimits}, in PostgreSQL: with buckets
 * in each instance's memory, one address opened 52 reports at once through several):
 * reports (the per-device limit, counted from the stored reports, is the strict one) and
 * status look-ups (a number is not guessable, and this keeps anyone from trying). Loose
 * because many workers share one carrier address.
 */
@Component
class TicketRateLimits {

	private final SharedRateLimits.Limit reports;

	private final SharedRateLimits.Limit lookups;

	private final SharedRateLimits.Limit reopens;

	TicketRateLimits(TicketSettings settings, SharedRateLimits shared) {
		TicketSettings.Limits limits = settings.limits();
		this.reports = shared.limit("ticket-report", limits.perAddressPerHour(), limits.perAddressPerHour(),
				Duration.ofHours(1));
		this.lookups = shared.limit("ticket-lookup", limits.statusPerAddressPerMinute(),
				limits.statusPerAddressPerMinute(), Duration.ofMinutes(1));
		// Reopenings have a budget of their own, as large as the reports': a worker
		// behind a carrier's address whose reports used it up may still reopen theirs.
		this.reopens = shared.limit("ticket-reopen", limits.perAddressPerHour(), limits.perAddressPerHour(),
				Duration.ofHours(1));
	}

	/**
	 * @throws TooManyReportsException past the address's hourly reopenings
	 */
	void requireReopen(String address) {
		refuseWhenEmpty(this.reopens.take(address));
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
