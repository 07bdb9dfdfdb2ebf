package org.yizhan.organization.account.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.PersonalDataCipher;

/**
 * An account as the API shows it: personal data masked, no password hash.
 */
record AccountJson(long id, String username, String displayName, String organization, List<String> roles,
		boolean enabled, boolean locked, Instant lockedUntil, boolean mustChangePassword, Instant passwordChangedAt,
		String mobilePhone, String idNumber, String email, List<Long> stations, String hostName,
		LocalDate contractEndsOn, Instant createdAt, Instant updatedAt, long version) {

	static AccountJson of(Account account, PersonalDataCipher cipher, Instant now) {
		return new AccountJson(account.id(), account.username(), account.displayName(), account.organizationCode(),
				account.roles().stream().map(Role::name).sorted().toList(), account.enabled(), account.isLockedAt(now),
				account.isLockedAt(now) ? account.lockedUntil() : null, account.mustChangePassword(),
				account.passwordChangedAt(), Masks.phone(cipher.open(account.mobileSealed())),
				Masks.idNumber(cipher.open(account.idNumberSealed())), Masks.email(cipher.open(account.emailSealed())),
				List.copyOf(account.stationIds()), account.hostName(), account.contractEndsOn(), account.createdAt(),
				account.updatedAt(), account.version());
	}

}
