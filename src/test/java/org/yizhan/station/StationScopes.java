package org.yizhan.station;

import java.util.List;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;

/** Scopes for tests of the repository, which takes the scope as an argument. */
final class StationScopes {

	private StationScopes() {
	}

	static StationScope national() {
		return new StationScope(new Actor(0, "test", OrganizationTree.NATIONAL_CODE, OrganizationTree.NATIONAL_CODE,
				Set.of(Role.ORG_ADMIN)), true, List.of(), null);
	}

}
