package org.yizhan.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One station's inspection in a campaign, as stored: never changed after it arrived.
 *
 * @param nearStation whether the phone was within 200 m of the station when the form was
 * filled; {@code null} when it sent no position
 * @param score 0–100: the mean of the items' scores
 * @param passed every required item passed
 * @param published whether the station's own side may see it (always, but for a mystery
 * visit before its campaign's results are published)
 */
public record Inspection(long id, String clientId, long campaignId, String campaignName, CampaignKind kind,
		boolean mystery, boolean published, long stationId, String stationCode, String stationName, String districtCode,
		long inspectorId, String inspectorName, Instant inspectedAt, Instant submittedAt, Boolean nearStation,
		String note, BigDecimal score, boolean passed, int failedItems, String checklistNameZh, String checklistNameEn,
		int checklistVersionNumber, List<Answer> answers) {

	public Inspection {
		answers = List.copyOf(answers);
	}

	public String checklistName(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? checklistNameEn : checklistNameZh;
	}

	/**
	 * @param photoId the failed item's photo, to read through
	 * {@link Inspections#readPhoto}; {@code null} for a passed item
	 */
	public record Answer(String code, String textZh, String textEn, boolean required, boolean passed, BigDecimal score,
			String note, Long photoId) {

		public String text(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
		}

	}

}
