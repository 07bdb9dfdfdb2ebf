package org.yizhan.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;

/**
 * A worker's rating was stored, counted or held, in the transaction that stored it.
 * Published for every stored rating (a second rating of the same day is not stored and
 * not announced), at ingest rate: thousands a second at peak. Listeners must therefore be
 * cheap, and slices that need figures read the {@code rating} table instead.
 *
 * @param ratingId the rating's id; with {@code ratingDay} its key in the {@code rating}
 * table
 * @param ratingDay the Asia/Shanghai day it counts for
 * @param status {@link RatingStatus#COUNTED} or {@link RatingStatus#HELD}
 * @param holdReasons why it was held; empty when counted
 */
@DomainEvent
public record RatingSubmitted(long ratingId, LocalDate ratingDay, StationId stationId, int stars, Set<RatingTag> tags,
		RatingStatus status, Set<HoldReason> holdReasons, Instant submittedAt) {

	public RatingSubmitted {
		tags = Set.copyOf(tags);
		holdReasons = Set.copyOf(holdReasons);
	}

}
