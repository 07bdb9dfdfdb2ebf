package org.yizhan.organization.account;

import java.time.LocalDate;
import java.util.Set;

import org.yizhan.organization.Role;

/**
 * What an admin sets on an account, validated ({@link AccountInputValidator}): the
 * personal data still in clear, sealed before it is stored.
 */
public record AccountDetails(String displayName, String organizationCode, Set<Role> roles, String mobile,
		String idNumber, Set<Long> stationIds, String hostName, LocalDate contractEndsOn, String email) {

	public AccountDetails {
		roles = Set.copyOf(roles);
		stationIds = Set.copyOf(stationIds);
	}

}
