package org.yizhan.organization.audit;

import java.time.Instant;

/**
 * What a viewer of the audit log asks for; every part is optional.
 *
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param action an action such as {@code station.suspend}, or an area such as
 * {@code station} for all of its actions
 * @param organizationPath the subtree the target organisation lies in; already checked
 * against the viewer's own
 */
public record AuditFilter(Instant from, Instant to, String action, String username, String targetType, String targetId,
		String organizationPath) {

	/** Everything, within the subtree given. */
	public static AuditFilter within(String organizationPath) {
		return new AuditFilter(null, null, null, null, null, null, organizationPath);
	}

}
