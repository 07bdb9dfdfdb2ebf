package org.yizhan.onboarding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A field visit as recorded: the checklist in force for the district then, by id and
 * version number, and one answer per item.
 */
public record FieldVisit(long id, long checklistId, int versionNumber, Instant visitedAt, String note,
		List<Answer> answers) {

	/** An item's answer: yes/no, a figure, and whether a photo was taken of it. */
	public record Answer(String code, Boolean yes, BigDecimal number, boolean photo) {
	}

}
