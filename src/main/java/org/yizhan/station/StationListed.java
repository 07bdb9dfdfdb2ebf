package org.yizhan.station;

/**
 * A station is on the map: listed for the first time, or reopened after a suspension.
 */
public record StationListed(StationId stationId, String code) {

}
