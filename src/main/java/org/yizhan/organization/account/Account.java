package org.yizhan.organization.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;

/**
 * An account: one person (or one evaluator's staff member) signing in, belonging to one
 * organisation and acting in its subtree with a set of roles.
 *
 * <p>
 * An account is enabled until an admin disables it; its sign-in is paused
 * ({@code lockedUntil}) after repeated failed sign-ins, for longer with each one
 * ({@link SignInBackOff}), or until an admin unlocks it; after an admin resets its
 * password it must choose a new one before doing anything else. An evaluator's access
 * ends after its contract's last day. Station masters and liaisons are bound to stations,
 * a host account to its host. {@code version} counts changes, for optimistic locking.
 *
 * @param organizationPath the path of the account's organisation, the subtree it sees
 * @param mobileSealed the mobile number sealed by the privacy cipher, never in clear
 * @param idNumberSealed the ID number sealed likewise
 * @param emailSealed the e-mail address notifications are sent to, sealed likewise
 */
public record Account(Long id, String username, String displayName, String organizationCode, String organizationPath,
		Set<Role> roles, boolean enabled, Instant lockedUntil, int failedAttempts, String passwordHash,
		Instant passwordChangedAt, boolean mustChangePassword, String mobileSealed, String idNumberSealed,
		String emailSealed, SortedSet<Long> stationIds, String hostName, LocalDate contractEndsOn, Instant createdAt,
		Instant updatedAt, long version) {

	public Account {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(organizationCode, "organizationCode");
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		stationIds = new TreeSet<>(stationIds);
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** An evaluator's contract ended: its last day is before today in China. */
	public boolean contractEndedAt(Instant now) {
		return roles.contains(Role.EVALUATOR) && contractEndsOn != null
				&& LocalDate.ofInstant(now, YizhanTime.ZONE).isAfter(contractEndsOn);
	}

	/**
	 * What the audit log keeps of this account: never the password hash, never personal
	 * data in clear.
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		parts.add("username=" + username);
		parts.add("displayName=" + displayName);
		parts.add("organization=" + organizationCode);
		parts.add("roles=" + new TreeSet<>(roles.stream().map(Role::name).toList()));
		parts.add("enabled=" + enabled);
		if (lockedUntil != null) {
			parts.add("lockedUntil=" + lockedUntil);
		}
		parts.add("mustChangePassword=" + mustChangePassword);
		parts.add("mobile=" + (mobileSealed == null ? "none" : "set"));
		parts.add("idNumber=" + (idNumberSealed == null ? "none" : "set"));
		parts.add("email=" + (emailSealed == null ? "none" : "set"));
		if (!stationIds.isEmpty()) {
			parts.add("stations=" + stationIds);
		}
		if (hostName != null) {
			parts.add("host=" + hostName);
		}
		if (contractEndsOn != null) {
			parts.add("contractEndsOn=" + contractEndsOn);
		}
		return String.join(", ", parts);
	}

	Account withState(boolean enabled, Instant lockedUntil, int failedAttempts, Instant now) {
		return new Account(id, username, displayName, organizationCode, organizationPath, roles, enabled, lockedUntil,
				failedAttempts, passwordHash, passwordChangedAt, mustChangePassword, mobileSealed, idNumberSealed,
				emailSealed, stationIds, hostName, contractEndsOn, createdAt, now, version);
	}

	Account withPassword(String hash, boolean mustChange, Instant now) {
		return new Account(id, username, displayName, organizationCode, organizationPath, roles, enabled, lockedUntil,
				failedAttempts, hash, now, mustChange, mobileSealed, idNumberSealed, emailSealed, stationIds, hostName,
				contractEndsOn, createdAt, now, version);
	}

	Account withProfile(AccountDetails details, String organizationPath, String mobileSealed, String idNumberSealed,
			String emailSealed, Instant now) {
		return new Account(id, username, details.displayName(), details.organizationCode(), organizationPath,
				details.roles(), enabled, lockedUntil, failedAttempts, passwordHash, passwordChangedAt,
				mustChangePassword, mobileSealed, idNumberSealed, emailSealed, new TreeSet<>(details.stationIds()),
				details.hostName(), details.contractEndsOn(), createdAt, now, version);
	}

	Account withEmail(String emailSealed, Instant now) {
		return new Account(id, username, displayName, organizationCode, organizationPath, roles, enabled, lockedUntil,
				failedAttempts, passwordHash, passwordChangedAt, mustChangePassword, mobileSealed, idNumberSealed,
				emailSealed, stationIds, hostName, contractEndsOn, createdAt, now, version);
	}

}
