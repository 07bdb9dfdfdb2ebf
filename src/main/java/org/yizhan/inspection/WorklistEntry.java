package org.yizhan.inspection;

import java.time.LocalDate;

/**
 * A station on an inspector's worklist: enough to find it and open its form, offline too.
 *
 * @param lat WGS-84
 * @param lon WGS-84
 * @param inspectionId the inspection already submitted, {@code null} while to do
 */
public record WorklistEntry(long campaignId, String campaignName, CampaignKind kind, boolean mystery, LocalDate endsOn,
		long stationId, String stationCode, String stationName, String address, double lat, double lon,
		Long inspectionId) {
}
