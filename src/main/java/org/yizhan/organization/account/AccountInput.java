package org.yizhan.organization.account;

import java.util.List;

/**
 * An account as a client or the console form sends it, unvalidated.
 *
 * @param username only read when an account is created; it never changes
 * @param organization the organisation code
 * @param roles role names
 * @param stations station ids, for STATION_MASTER and LIAISON
 * @param stationCodes station codes ({@code 330106-0001}), bound like the ids; the
 * console's form sends what was typed, the API ids
 * @param hostName for HOST
 * @param contractEndsOn {@code yyyy-MM-dd}, for EVALUATOR
 * @param email where notifications are e-mailed, optional
 * @param chainPlace {@code STATION_MASTER}, {@code LIAISON} or
 * {@code GENERAL_STATION_MASTER}: name the account there in the responsibility chain of
 * each station it is bound to, in the same action; empty to leave the chains
 */
public record AccountInput(String username, String displayName, String organization, List<String> roles,
		String mobilePhone, String idNumber, List<Long> stations, String hostName, String contractEndsOn, String email,
		List<String> stationCodes, String chainPlace) {

	public AccountInput {
		stationCodes = (stationCodes != null) ? List.copyOf(stationCodes) : List.of();
	}

	/** An input binding stations by id only. */
	public AccountInput(String username, String displayName, String organization, List<String> roles,
			String mobilePhone, String idNumber, List<Long> stations, String hostName, String contractEndsOn,
			String email) {
		this(username, displayName, organization, roles, mobilePhone, idNumber, stations, hostName, contractEndsOn,
				email, List.of(), null);
	}

	/** An input binding stations by id and code, naming the account in no chain. */
	public AccountInput(String username, String displayName, String organization, List<String> roles,
			String mobilePhone, String idNumber, List<Long> stations, String hostName, String contractEndsOn,
			String email, List<String> stationCodes) {
		this(username, displayName, organization, roles, mobilePhone, idNumber, stations, hostName, contractEndsOn,
				email, stationCodes, null);
	}

}
