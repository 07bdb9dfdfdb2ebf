package org.yizhan.standard;

import java.time.Instant;

/**
 * A union's choice of the checklist its subtree uses (the nearest one up the tree is in
 * force).
 */
public record ChecklistAssignment(String unionCode, String unionName, long checklistId, String checklistNameZh,
		String checklistNameEn, Instant assignedAt, String assignedBy) {
}
