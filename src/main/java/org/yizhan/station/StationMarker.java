package org.yizhan.station;

import org.yizhan.geo.GeoPoint;

/**
 * The least a map needs to draw a station.
 */
public record StationMarker(StationId id, String code, String name, StationStatus status, HostType hostType,
		GeoPoint location) {

}
