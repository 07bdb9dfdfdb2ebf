package org.yizhan.organization.audit;

import java.time.Instant;

/**
 * One recorded action: who (account, roles, organisation), when, what (action and
 * target), the state before and after, and from which client address.
 */
public record AuditEntry(long id, Instant occurredAt, String username, String roles, String actorOrganizationCode,
		String action, String targetType, String targetId, String targetOrganizationCode, String beforeSummary,
		String afterSummary, String clientAddress) {
}
