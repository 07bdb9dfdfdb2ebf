package org.yizhan.station;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A station is on the map: listed for the first time, or reopened after a suspension.
 */
@DomainEvent
public record StationListed(StationId stationId, String code) {

}
