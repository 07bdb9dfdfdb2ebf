package org.yizhan.rating;

import java.time.Instant;
import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;

/**
 * A union admin released a held rating from the review queue: from now on it counts, in
 * every figure and in the silent-station rule, like a rating that was never held.
 * Published once per rating released, in the review's transaction.
 *
 * @param ratingId the rating's id; with {@code ratingDay} its key in the {@code rating}
 * table
 * @param ratingDay the Asia/Shanghai day it counts for
 * @param stationId the station it rates
 * @param releasedAt when it was released
 */
@DomainEvent
public record RatingReleased(long ratingId, LocalDate ratingDay, StationId stationId, Instant releasedAt) {
}
