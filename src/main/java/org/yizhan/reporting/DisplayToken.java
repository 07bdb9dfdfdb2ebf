package org.yizhan.reporting;

import java.time.Instant;

/**
 * A display token as its union's admins see it: never the secret, which is shown once at
 * creation and kept only as its SHA-256.
 *
 * @param revokedAt when it was revoked, {@code null} while it works
 * @param lastUsedAt when a display last read with it, {@code null} before the first read
 */
public record DisplayToken(long id, String unionCode, String label, String createdBy, Instant createdAt,
		Instant revokedAt, Instant lastUsedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
