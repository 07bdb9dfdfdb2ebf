package org.yizhan.station;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A station's recognised level was lowered by one step (降级), e.g. for a silence its union
 * acted on; {@link StationChanged} is raised beside it for copies that only follow
 * details.
 */
@DomainEvent
public record StationDowngraded(StationId stationId, String code, StationLevel from, StationLevel to) {

}
