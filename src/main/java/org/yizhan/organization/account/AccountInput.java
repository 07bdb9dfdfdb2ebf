package org.yizhan.organization.account;

import java.util.List;

/**
 * An account as a client or the console form sends it, unvalidated.
 *
 * @param username only read when an account is created; it never changes
 * @param organization the organisation code
 * @param roles role names
 * @param stations station ids, for STATION_MASTER and LIAISON
 * @param hostName for HOST
 * @param contractEndsOn {@code yyyy-MM-dd}, for EVALUATOR
 * @param email where notifications are e-mailed, optional
 */
public record AccountInput(String username, String displayName, String organization, List<String> roles,
		String mobilePhone, String idNumber, List<Long> stations, String hostName, String contractEndsOn,
		String email) {

}
