package org.yizhan.coverage;

import java.time.Duration;

/**
 * Reach as a straight-line radius: the distance travelled at the mode's speed within the
 * budget, divided by a detour factor because streets are never straight (1.3 is the usual
 * ratio of network to straight-line distance in Chinese city centres). With the defaults
 * 15 minutes on foot reach 962 m and on an e-bike 2,885 m.
 */
public final class StraightLineReach implements Reach {

	private final double walkKmh;

	private final double ebikeKmh;

	private final double detourFactor;

	public StraightLineReach(double walkKmh, double ebikeKmh, double detourFactor) {
		if (!(walkKmh > 0) || !(ebikeKmh > 0) || !(detourFactor >= 1)) {
			throw new IllegalArgumentException("speeds must be > 0 and the detour factor ≥ 1 but were " + walkKmh + ", "
					+ ebikeKmh + ", " + detourFactor);
		}
		this.walkKmh = walkKmh;
		this.ebikeKmh = ebikeKmh;
		this.detourFactor = detourFactor;
	}

	@Override
	public double radiusMeters(TravelMode mode, Duration budget) {
		double kmh = (mode == TravelMode.WALK) ? this.walkKmh : this.ebikeKmh;
		return kmh * 1000 * budget.toMillis() / 3_600_000.0 / this.detourFactor;
	}

}
