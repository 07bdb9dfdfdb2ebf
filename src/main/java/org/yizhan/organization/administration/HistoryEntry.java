package org.yizhan.organization.administration;

import java.time.Instant;

/** One rename or merge of an organisation: what it was, what it became, who, when. */
public record HistoryEntry(String action, String beforeSummary, String afterSummary, String username,
		Instant occurredAt) {
}
