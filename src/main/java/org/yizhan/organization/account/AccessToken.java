package org.yizhan.organization.account;

import java.time.Instant;
import java.util.Set;

/**
 * A personal access token as its owner sees it in lists: never its value, which is shown
 * once at creation and kept only as a SHA-256 hash.
 */
public record AccessToken(long id, String name, Set<TokenScope> scopes, Instant createdAt, Instant expiresAt,
		Instant revokedAt, Instant lastUsedAt) {

	public boolean isActiveAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

}
