package org.yizhan.listing;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.FreshnessSource;
import org.yizhan.station.StationId;

/**
 * A fresh signal of a station seen on a hot path (a counted rating), passed on through
 * the outbox at most once an hour per station and instance, so that the rating's own
 * transaction writes nothing for it. Heard by this module itself.
 */
@DomainEvent
public record StationSignalled(StationId stationId, FreshnessSource source, Instant at) {

}
