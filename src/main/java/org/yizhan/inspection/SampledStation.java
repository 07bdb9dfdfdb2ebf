package org.yizhan.inspection;

import java.math.BigDecimal;

/**
 * A station of a campaign's sample, with its result once inspected.
 *
 * @param assignee the display name of the assignee whose worklist holds it
 * @param inspectionId {@code null} while not inspected
 */
public record SampledStation(long stationId, String code, String name, String districtCode, String assignee,
		Long inspectionId, BigDecimal score, Boolean passed) {
}
