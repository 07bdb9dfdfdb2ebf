package org.yizhan.onboarding;

import java.time.Instant;

import org.yizhan.geo.GeoPoint;

/**
 * A row of the selection list: an application with the figures its last scoring stored
 * (all {@code null} when it has not been scored, the coverage ones when its district had
 * no boundary to measure on). Shares are of the district's demand.
 */
public record ScoredApplication(long id, String stationName, String hostName, String districtCode, String districtName,
		ApplicationStatus status, GeoPoint location, Double reached, Double daySingle, Double dayCross,
		Double nightSingle, Double nightCross, String nearestStationCode, Double nearestStationMeters,
		Boolean withinSpacing, Integer conditionsMet, Integer requiredFailed, Integer conditionsOpen,
		Instant scoredAt) {
}
