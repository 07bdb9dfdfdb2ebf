package org.yizhan.listing.web;

import java.time.Duration;

import org.yizhan.listing.ListingSettings;
import org.yizhan.platform.web.SharedRateLimits;
import org.yizhan.platform.web.StatusProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The per-address limit of the listing reports, a token bucket per client address shared
 * by every instance (in PostgreSQL), so that a burst from one address is refused however
 * many instances it reaches. Loose, as many workers share a carrier's address; the rule
 * that one phone counts once per station and day is the strict one.
 */
@Component
class ListingRateLimits {

	private final SharedRateLimits.Limit reports;

	ListingRateLimits(ListingSettings settings, SharedRateLimits shared) {
		this.reports = shared.limit("listing-report", settings.perAddressPerHour(), settings.perAddressPerHour(),
				Duration.ofHours(1));
	}

	/**
	 * @throws StatusProblemException 429 past the address's hourly reports
	 */
	void requireReport(String address) {
		this.reports.take(address).ifPresent(wait -> {
			throw new StatusProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
					"listing.tooManyFromAddress", Math.max(1, (wait.toSeconds() + 59) / 60));
		});
	}

}
