package org.yizhan.organization.account;

import java.time.LocalDate;
import java.util.Set;

import org.yizhan.organization.ChainPlace;
import org.yizhan.organization.Role;

/**
 * What an admin sets on an account, validated ({@link AccountInputValidator}): the
 * personal data still in clear, sealed before it is stored.
 *
 * @param chainPlace where to name the account in its stations' responsibility chains in
 * the same action, or {@code null} to leave the chains as they are; not stored on the
 * account
 */
public record AccountDetails(String displayName, String organizationCode, Set<Role> roles, String mobile,
		String idNumber, Set<Long> stationIds, String hostName, LocalDate contractEndsOn, String email,
		ChainPlace chainPlace) {

	public AccountDetails {
		roles = Set.copyOf(roles);
		stationIds = Set.copyOf(stationIds);
	}

}
