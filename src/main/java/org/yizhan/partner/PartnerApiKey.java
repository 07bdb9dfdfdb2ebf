package org.yizhan.partner;

import java.time.Instant;

/** A partner's API key as it is listed: never its secret, which is shown once. */
public record PartnerApiKey(long id, long partnerId, String label, String createdBy, Instant createdAt,
		Instant revokedAt, Instant lastUsedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
