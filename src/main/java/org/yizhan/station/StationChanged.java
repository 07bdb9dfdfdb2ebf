package org.yizhan.station;

/**
 * A station was created or its details (including photos) changed; its status did not.
 */
public record StationChanged(StationId stationId, String code, StationStatus status) {

}
