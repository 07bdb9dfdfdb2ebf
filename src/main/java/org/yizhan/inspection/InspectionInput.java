package org.yizhan.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inspection as the phone sends it; checked by {@link Inspections#submit}.
 *
 * @param clientId a UUID the phone made for this submission: sent again (an offline queue
 * retrying), the stored inspection is answered and nothing is stored twice
 * @param inspectedAt when the form was filled, ISO-8601 with an offset
 * ({@code 2026-12-08T10:15:00+08:00}); on a phone offline that is before it was sent
 * @param lat the phone's position when the form was filled, or {@code null}; used only to
 * tell whether it was within 200 m of the station, and never stored
 * @param crs the position's system: {@code wgs84}, {@code gcj02} or {@code bd09}
 */
public record InspectionInput(String clientId, Long campaignId, Long stationId, String inspectedAt, Double lat,
		Double lon, String crs, String note, List<Answer> answers) {

	/**
	 * One item's answer.
	 *
	 * @param result {@code PASS} or {@code FAIL}
	 * @param score 0–100, one decimal, for a scored assessment; {@code null}: 100 for a
	 * pass, 0 for a failure
	 * @param photo the photo of a failed item (JPEG, PNG or WebP), required when it
	 * failed
	 */
	public record Answer(String code, String result, BigDecimal score, String note, byte[] photo) {
	}

}
