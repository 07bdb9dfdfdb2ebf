package org.yizhan.station;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A station's listing was held as unverified or released by a confirmation: the copies
 * that show freshness read it again at once rather than at their next look (a signal that
 * only moves "last confirmed" is not announced; the copies pick it up on their own).
 */
@DomainEvent
public record StationFreshnessChanged(StationId stationId, boolean held, Instant at) {

}
