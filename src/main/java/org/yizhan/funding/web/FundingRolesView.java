package org.yizhan.funding.web;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;

/** Which buttons a page shows: the use cases decide, this only spares a refused click. */
final class FundingRolesView {

	private FundingRolesView() {
	}

	static boolean mayManage(Actor actor) {
		return actor.holds(Role.ORG_ADMIN) || actor.holds(Role.FINANCE);
	}

}
