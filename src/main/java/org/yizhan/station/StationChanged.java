package org.yizhan.station;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A station was created or its details (including photos) changed; its status did not.
 */
@DomainEvent
public record StationChanged(StationId stationId, String code, StationStatus status) {

}
