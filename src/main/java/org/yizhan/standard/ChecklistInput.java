package org.yizhan.standard;

import java.util.List;

/**
 * A new checklist as it arrives, not yet validated.
 *
 * @param ownerCode the union that owns it; it extends the standard in force there, if any
 * @param source where the standard comes from
 */
public record ChecklistInput(String ownerCode, String nameZh, String nameEn, String source, List<ItemInput> items,
		String note) {
}
