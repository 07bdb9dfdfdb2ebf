package org.yizhan.partner;

import java.time.Instant;

/**
 * A programme partner: an organisation beside the union tree, registered by the union it
 * signed with ({@code unionCode}), whose admins manage it.
 *
 * @param webhookUrl where its signed webhooks go, {@code null} for none
 */
public record Partner(long id, String name, PartnerKind kind, String unionCode, String unionName, Instant createdAt,
		String webhookUrl) {
}
