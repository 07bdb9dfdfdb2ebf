package org.yizhan.geo;

/**
 * Great-circle distances from one origin, split at the arcsine: {@link #to} gives the
 * haversine of the central angle, {@code h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)}, and
 * {@link #meters} turns it into the metres {@link GeoPoint#distanceMeters} answers, bit
 * for bit. The arcsine is a native call in Java 17 and the dearest step; {@code meters}
 * is non-decreasing in {@code h} ({@link Math#sqrt} is correctly rounded and
 * {@link Math#asin} semi-monotonic by their contracts), so a search can rank candidates
 * by {@code h} and take the arcsine only for its answers, as long as it minds the few
 * haversines that round to the same metres ({@link #sameMetersCeiling}).
 */
public final class Haversine {

	/**
	 * 2<sup>-46</sup>, 128 units of roundoff: two haversines {@code a < b} that give the
	 * same metres satisfy {@code b < a (1 + 23u)}, u = 2<sup>-53</sup>. Both products
	 * {@code C·x} (C the earth's diameter, x the computed arcsine) round to the same d,
	 * so the x differ by at most ulp(d)/C ≤ 2u·x; {@code Math.asin} is within 1 ulp
	 * (2u·x) of the true arcsine, which grows at least as fast as its argument and is at
	 * most π/2 times it, so the true square roots differ by at most 6u·(π/2)·s ≈ 9.5u·s,
	 * and by 11.5u·s before {@code sqrt}'s own rounding; squaring doubles that: 23u. The
	 * tolerance is five times as wide, and {@code HaversineTests} steps across it.
	 */
	static final double SAME_METERS_SPREAD = 0x1p-46;

	/** The mean earth radius (IUGG), in metres. */
	static final double EARTH_RADIUS_METERS = 6_371_008.8;

	private static final double EARTH_DIAMETER_METERS = 2 * EARTH_RADIUS_METERS;

	private final double phi;

	private final double cosPhi;

	private final double lon;

	private Haversine(double lat, double lon) {
		this.phi = Math.toRadians(lat);
		this.cosPhi = Math.cos(phi);
		this.lon = lon;
	}

	/**
	 * @param lat the origin's latitude, WGS-84 degrees
	 * @param lon the origin's longitude, WGS-84 degrees
	 * @return distances from that origin
	 */
	public static Haversine from(double lat, double lon) {
		return new Haversine(lat, lon);
	}

	/**
	 * The haversine of the central angle from the origin to a point, computed exactly as
	 * {@link GeoPoint#distanceMeters} computes it (the origin's cosine once, here).
	 */
	public double to(double lat, double lon) {
		return of(phi, cosPhi, this.lon, lat, lon);
	}

	/** The haversine between two positions in degrees, for one-off distances. */
	static double between(double lat1, double lon1, double lat2, double lon2) {
		double phi1 = Math.toRadians(lat1);
		return of(phi1, Math.cos(phi1), lon1, lat2, lon2);
	}

	private static double of(double phi1, double cosPhi1, double lon1, double lat2, double lon2) {
		double phi2 = Math.toRadians(lat2);
		double deltaPhi = phi2 - phi1;
		double deltaLambda = Math.toRadians(lon2 - lon1);
		return sin2(deltaPhi / 2) + cosPhi1 * Math.cos(phi2) * sin2(deltaLambda / 2);
	}

	/** The distance in metres on the sphere of the mean earth radius. */
	public static double meters(double haversine) {
		return EARTH_DIAMETER_METERS * Math.asin(Math.sqrt(Math.min(1, haversine)));
	}

	/**
	 * A haversine at least as large as any that gives the same metres as
	 * {@code haversine} (see {@link #SAME_METERS_SPREAD}; every subnormal haversine and
	 * everything near the antipode, where the arcsine's argument is capped at 1, count as
	 * possibly equal).
	 */
	public static double sameMetersCeiling(double haversine) {
		double ceiling = haversine * (1 + SAME_METERS_SPREAD) + Double.MIN_NORMAL;
		return ceiling >= 1 ? Double.POSITIVE_INFINITY : ceiling;
	}

	/**
	 * An upper bound of the metres of a haversine without the arcsine: asin s ≤ s / √(1 −
	 * s²), high by about a third of {@code h} of itself (5 parts in 10⁸ at 5 km). For
	 * pruning against lower bounds that carry a slack of their own.
	 */
	public static double metersAtMost(double haversine) {
		return haversine >= 1 ? Double.POSITIVE_INFINITY
				: EARTH_DIAMETER_METERS * Math.sqrt(haversine / (1 - haversine)) * (1 + 0x1p-40);
	}

	/**
	 * The largest haversine within {@code meters}: {@code meters(h) <= meters} exactly
	 * when {@code h <= maxWithin(meters)}, as {@code meters} is non-decreasing. Found by
	 * bisection around {@code sin²(meters / C)}, about ten arcsines, so a search works it
	 * out once per radius.
	 */
	public static double maxWithin(double meters) {
		if (!(meters >= 0)) {
			throw new IllegalArgumentException("meters must be 0 or more but was " + meters);
		}
		if (meters(1) <= meters) {
			return Double.POSITIVE_INFINITY;
		}
		double guess = sin2(meters / EARTH_DIAMETER_METERS);
		// A bracket with meters(low) <= meters < meters(high), widened until it holds.
		double spread = SAME_METERS_SPREAD;
		double low = guess * (1 - spread);
		double high = Math.min(1, guess * (1 + spread) + Double.MIN_NORMAL);
		while (meters(low) > meters) {
			spread *= 16;
			low = Math.max(0, guess * (1 - spread));
		}
		while (meters(high) <= meters) {
			spread *= 16;
			high = Math.min(1, guess * (1 + spread) + Double.MIN_NORMAL);
		}
		// Non-negative doubles order as their bits do.
		long in = Double.doubleToRawLongBits(low);
		long out = Double.doubleToRawLongBits(high);
		while (out - in > 1) {
			long middle = (in + out) >>> 1;
			if (meters(Double.longBitsToDouble(middle)) <= meters) {
				in = middle;
			}
			else {
				out = middle;
			}
		}
		return Double.longBitsToDouble(in);
	}

	private static double sin2(double x) {
		double s = Math.sin(x);
		return s * s;
	}

}
