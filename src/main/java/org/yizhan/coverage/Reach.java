package org.yizhan.coverage;

import java.time.Duration;

/**
 * How far a worker gets from a station within a time budget.
 * <p>
 * The coverage grid draws one disc of this radius around each station. An implementation
 * from road-network isochrones (a street graph and travel times per mode) would replace
 * this interface by one that returns a reach <em>shape</em> per station; everything
 * downstream already works on the cells a station reaches, so only the rasterisation of
 * that shape would change. None is built yet: {@link StraightLineReach} is the one in
 * use.
 */
public interface Reach {

	/**
	 * The radius reached around a station.
	 * @param mode how the worker travels
	 * @param budget the time budget, 15 minutes for the 15-minute service circle
	 * @return the radius in metres of straight-line distance, &gt; 0
	 */
	double radiusMeters(TravelMode mode, Duration budget);

}
