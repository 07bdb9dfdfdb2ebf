package org.yizhan.organization;

import java.util.Objects;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A state-changing action, published as an application event by the use case that
 * performs it, inside its transaction. The audit log records it in the same transaction
 * (so a rolled-back change leaves no entry and a committed one always has one), adding
 * who, with which role and organisation, when and from which client address.
 *
 * @param action what was done, as {@code area.verb}, e.g. {@code account.disable}
 * @param targetType the kind of object acted on, e.g. {@code account}, {@code station}
 * @param targetId the object's id or code
 * @param organizationCode the organisation the object belongs to, so that an auditor sees
 * the entries of their own subtree
 * @param before a short summary of the state before, {@code null} for a creation
 * @param after a short summary of the state after, {@code null} for a deletion
 */
@DomainEvent
public record Audited(String action, String targetType, String targetId, String organizationCode, String before,
		String after) {

	public Audited {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(targetType, "targetType");
		Objects.requireNonNull(targetId, "targetId");
		Objects.requireNonNull(organizationCode, "organizationCode");
	}

}
