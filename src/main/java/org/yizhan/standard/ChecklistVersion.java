package org.yizhan.standard;

import java.time.Instant;
import java.util.List;

/**
 * One version of a checklist: its own items as they were set, never changed afterwards; a
 * newer number supersedes it, and judgements made under it keep naming it.
 *
 * @param items the checklist's own items, in order (an extension's additions only)
 */
public record ChecklistVersion(long id, int number, String note, Instant createdAt, String createdBy,
		List<ChecklistItem> items) {

	public ChecklistVersion {
		items = List.copyOf(items);
	}

}
