package org.yizhan.funding;

import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may touch money: a union's admins and finance staff manage its rules, runs and
 * approvals; its auditors read them too. A union outside the caller's subtree does not
 * exist for it (404), as everywhere else.
 */
@Component
class FundingCallers {

	static final Set<Role> MANAGERS = Set.of(Role.ORG_ADMIN, Role.FINANCE);

	static final Set<Role> READERS = Set.of(Role.ORG_ADMIN, Role.FINANCE, Role.AUDITOR);

	private final OrganizationTree organizations;

	FundingCallers(OrganizationTree organizations) {
		this.organizations = organizations;
	}

	Actor manager() {
		Actor actor = Actor.required();
		if (MANAGERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("funding.forbidden.manage");
		}
		return actor;
	}

	Actor reader() {
		Actor actor = Actor.required();
		if (READERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("funding.forbidden.read");
		}
		return actor;
	}

	/**
	 * The union by code (blank: the caller's own), if the caller sees it; 404 otherwise.
	 */
	Organization union(Actor actor, String code) {
		String wanted = code == null || code.isBlank() ? actor.organizationCode() : code.strip();
		return organizations.findByCode(wanted)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("funding.union.unknown", wanted));
	}

	/** Whether the caller sees the union of a rule. */
	boolean sees(Actor actor, String unionCode) {
		return organizations.findByCode(unionCode).map(found -> actor.sees(found.path())).orElse(false);
	}

	String path(String unionCode) {
		return organizations.findByCode(unionCode).orElseThrow().path();
	}

}
