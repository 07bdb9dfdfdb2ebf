package org.yizhan.standard;

import java.util.List;

/**
 * The standard in force for a union's subtree: the checklist assigned nearest up the
 * tree, with the items of its current version merged onto those it inherits.
 *
 * @param assignedAt the union whose assignment applies (the asked union or an ancestor)
 * @param assignedAtName that union's name
 * @param checklist the assigned checklist
 * @param items every item in force, inherited ones first, each with the version it comes
 * from
 */
public record ChecklistInForce(String assignedAt, String assignedAtName, Checklist checklist, List<Item> items) {

	public ChecklistInForce {
		items = List.copyOf(items);
	}

	/** The version a judgement under this standard names: the assigned checklist's. */
	public ChecklistVersion version() {
		return checklist.current();
	}

	/**
	 * An item in force and where it comes from.
	 *
	 * @param versionId the checklist version that declared it
	 * @param checklistId that version's checklist
	 */
	public record Item(ChecklistItem item, long versionId, long checklistId) {
	}

}
