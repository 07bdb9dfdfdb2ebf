package org.yizhan.organization;

import java.util.Set;

/**
 * An account as other modules may know it: who it is, where, with which roles. No
 * password, no personal data.
 *
 * @param id the account's id
 * @param username the login name
 * @param displayName the name shown to people
 * @param organizationCode the organisation it belongs to
 * @param organizationPath that organisation's path
 * @param roles its roles
 * @param enabled whether it may sign in
 */
public record AccountSummary(long id, String username, String displayName, String organizationCode,
		String organizationPath, Set<Role> roles, boolean enabled) {

	public AccountSummary {
		roles = Set.copyOf(roles);
	}

	public boolean holds(Role role) {
		return this.roles.contains(role);
	}

}
