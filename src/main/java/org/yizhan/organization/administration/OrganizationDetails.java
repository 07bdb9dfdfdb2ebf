package org.yizhan.organization.administration;

import java.util.List;

/**
 * An organisation with its ancestry (root first), its current successor (itself unless
 * merged) and its history, oldest first.
 */
public record OrganizationDetails(OrganizationRecord organization, List<OrganizationRecord> ancestry,
		String successorCode, List<HistoryEntry> history) {
}
