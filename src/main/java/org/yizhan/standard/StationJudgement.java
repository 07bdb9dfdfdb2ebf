package org.yizhan.standard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A station judged against the standard in force when it was judged: kept for good, so a
 * later version of the checklist changes nothing in it.
 *
 * @param id {@code null} for an assessment that was not stored (the report's, a refused
 * listing's)
 * @param against the checklist and version it was judged against
 * @param purpose {@code RECORDED} (someone judged it) or {@code LISTING} (judged when it
 * was listed); {@code ASSESSED} for one not stored
 * @param judgedBy the account's username, or {@code system}
 */
public record StationJudgement(Long id, long stationId, JudgedAgainst against, String purpose, Instant judgedAt,
		String judgedBy, List<JudgedItem> items) {

	public StationJudgement {
		items = List.copyOf(items);
	}

	/** Whether every required item is met. */
	public boolean met() {
		return unmetRequired().isEmpty();
	}

	/** The required items not met, in the checklist's order. */
	public List<JudgedItem> unmetRequired() {
		return items.stream().filter(item -> item.item().required() && !item.met()).toList();
	}

	/**
	 * The checklist version a station was judged against (the checklist in force for its
	 * district then; its inherited items name their own versions).
	 */
	public record JudgedAgainst(long checklistId, String nameZh, String nameEn, long versionId, int versionNumber) {

		public String name(Locale locale) {
			return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}

	}

	/**
	 * One item's evidence and verdict.
	 *
	 * @param versionId the checklist version the item comes from
	 * @param yes the yes/no answer, {@code null} when none
	 * @param number the figure (recorded, or the station's for a measured item)
	 * @param photoId the photo that shows it
	 * @param amenityPresent for an amenity item, whether the station offers it
	 */
	public record JudgedItem(ChecklistItem item, long versionId, Boolean yes, BigDecimal number, Long photoId,
			Boolean amenityPresent, boolean met) {
	}

}
