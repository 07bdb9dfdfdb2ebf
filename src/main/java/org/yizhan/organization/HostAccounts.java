package org.yizhan.organization;

/**
 * Gives a host that has just had a station approved its HOST account: the way another
 * module (onboarding) has an account made without holding the account administration's
 * admin rights. The account is made for the caller's decision, in the caller's
 * transaction, and audited as {@code account.create}; its password is returned once and
 * must be changed at the first sign-in.
 */
public interface HostAccounts {

	/**
	 * Creates an enabled HOST account at {@code organizationCode} for the stations whose
	 * host name is {@code hostName} (how a HOST account reaches its stations), bound to
	 * {@code stationId} as well.
	 * @param username the sign-in name, unique; a taken name is a conflict (409)
	 * @throws org.yizhan.platform.security.ForbiddenException when the caller is no union
	 * admin or reviewer of the organisation's subtree
	 */
	IssuedAccount issue(String username, String displayName, String hostName, String organizationCode, long stationId);

	/**
	 * An account just made and the one-time password it signs in with first: shown once
	 * to whoever made it, never stored in clear nor logged.
	 */
	record IssuedAccount(long accountId, String username, String oneTimePassword) {

		@Override
		public String toString() {
			// Kept out of any log line or exception message that prints the record.
			return "IssuedAccount[accountId=" + accountId + ", username=" + username + "]";
		}

	}

}
