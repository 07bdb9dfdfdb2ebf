package org.yizhan.listing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How listings are kept truthful ({@code yizhan.listing.*}).
 *
 * @param shutReports independent phones whose "shut" reports within {@code shutWindow}
 * hold a listing as 待核实 (3)
 * @param shutWindow how recent those reports must be (24 hours)
 * @param heldAfterStations a phone that reported this many other stations within the
 * window has its next reports held (3): a worker meets a shut station now and then, not
 * four a day
 * @param nearMeters a report's location counts as at the station within this distance
 * (300 m, as for ratings)
 * @param perAddressPerHour reports one client address may send an hour, shared by every
 * instance; loose, as many workers share a carrier's address
 * @param checkInInterval how often the check-ins of the last minutes are folded into the
 * stations' freshness
 */
@ConfigurationProperties("yizhan.listing")
public record ListingSettings(Integer shutReports, Duration shutWindow, Integer heldAfterStations, Integer nearMeters,
		Integer perAddressPerHour, Duration checkInInterval) {

	public ListingSettings {
		shutReports = (shutReports != null) ? shutReports : 3;
		shutWindow = (shutWindow != null) ? shutWindow : Duration.ofHours(24);
		heldAfterStations = (heldAfterStations != null) ? heldAfterStations : 3;
		nearMeters = (nearMeters != null) ? nearMeters : 300;
		perAddressPerHour = (perAddressPerHour != null) ? perAddressPerHour : 30;
		checkInInterval = (checkInInterval != null) ? checkInInterval : Duration.ofMinutes(1);
		if (shutReports < 2) {
			throw new IllegalArgumentException(
					"yizhan.listing.shut-reports must be at least 2: one phone flips nothing");
		}
	}

}
