package org.yizhan.station;

/**
 * A station was taken off the map for good (摘牌).
 */
public record StationDelisted(StationId stationId, String code, DelistingReason reason) {

}
