package org.yizhan.onboarding;

import java.time.Instant;

/** A row of the reviewers' list. */
public record ApplicationSummary(long id, String stationName, String hostName, String districtCode, String districtName,
		String address, double areaM2, ApplicationStatus status, boolean duplicate, Instant submittedAt) {
}
