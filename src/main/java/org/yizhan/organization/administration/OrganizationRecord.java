package org.yizhan.organization.administration;

import java.time.LocalDate;

import org.yizhan.organization.OrganizationKind;

/**
 * An organisation as recorded, merged ones included.
 *
 * @param status {@code ACTIVE} or {@code MERGED}
 * @param mergedInto the union that took a merged one over, else {@code null}
 * @param endedOn the day a merged one ended, else {@code null}
 */
public record OrganizationRecord(String code, String name, OrganizationKind kind, String parentCode, String path,
		String status, String mergedInto, LocalDate endedOn) {

	public boolean isActive() {
		return "ACTIVE".equals(status);
	}

}
