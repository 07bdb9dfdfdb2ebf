package org.yizhan.coverage;

/**
 * How a worker gets to a station: on foot, or on the e-bike most delivery riders ride.
 */
public enum TravelMode {

	WALK, EBIKE

}
