package org.yizhan.organization.account;

import org.yizhan.organization.Role;

/**
 * Filters of the account list; {@code null} means "any".
 *
 * @param text part of the username or display name
 */
public record AccountQuery(String organizationCode, Role role, Boolean enabled, String text) {

}
