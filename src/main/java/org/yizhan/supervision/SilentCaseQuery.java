package org.yizhan.supervision;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which cases to list: those of an organisation's subtree, in some states (open when none
 * are named), of stations whose code or name contains {@code text}.
 */
public record SilentCaseQuery(String organization, Set<SilentCaseStatus> statuses, String text) {

	public SilentCaseQuery {
		statuses = (statuses == null || statuses.isEmpty()) ? EnumSet.of(SilentCaseStatus.OPEN) : Set.copyOf(statuses);
		text = (text == null || text.isBlank()) ? null : text.strip();
	}

}
