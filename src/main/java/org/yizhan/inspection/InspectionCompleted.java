package org.yizhan.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An inspection the station's side may now know of: published with the inspection when it
 * is stored, but for a mystery visit, which is published with its campaign's results (so
 * that no rectification order tells the station of a visit the union keeps hidden). For
 * the rectification flow (each failed item a case) and grading.
 *
 * @param checklistVersionId the standard module's checklist version inspected against
 * @param score 0–100
 * @param failedItems each failed item with the note and photo the inspector left
 */
@DomainEvent
public record InspectionCompleted(long inspectionId, long stationId, String districtCode, long campaignId,
		String unionCode, CampaignKind kind, long checklistId, long checklistVersionId, int checklistVersionNumber,
		BigDecimal score, boolean passed, boolean mystery, Instant inspectedAt, List<FailedItem> failedItems) {

	public InspectionCompleted {
		failedItems = List.copyOf(failedItems);
	}

	/**
	 * @param photoId the photo's id, read with {@link Inspections#readPhotoForModules}
	 */
	public record FailedItem(String code, String textZh, String textEn, String note, long photoId) {
	}

}
