package org.yizhan.finder.web;

/**
 * Rough minutes to a station: straight-line distance times a detour factor for real
 * streets, at a walking or e-bike speed. Good enough to choose between stations;
 * navigation apps give the real route.
 */
enum TravelTime {

	WALK(5.0), EBIKE(15.0);

	static final double DETOUR_FACTOR = 1.3;

	private final double metersPerMinute;

	TravelTime(double kilometersPerHour) {
		this.metersPerMinute = kilometersPerHour * 1000 / 60;
	}

	long minutes(double straightLineMeters) {
		return Math.max(1, (long) Math.ceil(straightLineMeters * DETOUR_FACTOR / metersPerMinute));
	}

}
