package org.yizhan.partner;

import java.time.Instant;

/**
 * A change at a programme's station, as the partner API's feed and webhooks tell it.
 *
 * @param cursor where the change stands in the feed: a partner asks for what came after
 * the last cursor it read
 * @param kind {@code LISTED}, {@code SUSPENDED}, {@code DELISTED}, {@code JOINED} or
 * {@code HANDED_OVER}
 */
public record PartnerChange(long cursor, long programmeId, long stationId, String stationCode, String kind,
		Instant occurredAt) {
}
