package org.yizhan.finder;

/**
 * A station found near a point, with its great-circle distance from it.
 */
public record NearbyStation(IndexedStation station, double distanceMeters) {

}
