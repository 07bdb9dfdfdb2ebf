package org.yizhan.station;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A station was taken off the map for good (摘牌).
 */
@DomainEvent
public record StationDelisted(StationId stationId, String code, DelistingReason reason) {

}
