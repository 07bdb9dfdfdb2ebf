package org.yizhan.geo;

/**
 * A point on the WGS-84 ellipsoid; the only coordinate system the application stores.
 * <p>
 * Components are in {@code (lat, lon)} order, as everywhere in Java code here. Points
 * from Amap, Tencent or Baidu must go through {@link CrsPoint#toWgs84()} first, because a
 * GCJ-02 or BD-09 pair stored as if it were WGS-84 is silently several hundred metres off
 * and nothing downstream could tell.
 *
 * @param lat latitude in degrees, -90 to 90
 * @param lon longitude in degrees, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

	/**
	 * Mean earth radius (IUGG R1); with a sphere, haversine distances are within about
	 * 0.5 % of the ellipsoidal ones, ample for service circles of a few kilometres.
	 */
	static final double EARTH_RADIUS_METERS = Haversine.EARTH_RADIUS_METERS;

	public GeoPoint {
		requireInRange("lat", lat, 90);
		requireInRange("lon", lon, 180);
	}

	public static GeoPoint of(double lat, double lon) {
		return new GeoPoint(lat, lon);
	}

	/**
	 * <strong>WARNING: axis order is {@code (lon, lat)} here</strong>, the reverse of
	 * {@link #of(double, double)} and of the record's components.
	 * <p>
	 * This exists only for GeoJSON and similar edges (RFC 7946 puts longitude first), so
	 * that the flip is spelled out where it happens instead of hidden in a swapped pair
	 * of arguments. Validation catches a swap only where the longitude exceeds 90, as it
	 * does across most of China; elsewhere a swapped pair is just another valid point.
	 * @param lon longitude in degrees, -180 to 180 (first, as in GeoJSON)
	 * @param lat latitude in degrees, -90 to 90 (second, as in GeoJSON)
	 * @return the point
	 */
	public static GeoPoint ofLonLat(double lon, double lat) {
		return new GeoPoint(lat, lon);
	}

	/**
	 * Great-circle distance by the haversine formula, which stays numerically stable for
	 * the short distances (metres to a few kilometres) that matter between stations.
	 * @param other the other point
	 * @return the distance in metres on a sphere of the mean earth radius
	 */
	public double distanceMeters(GeoPoint other) {
		return distanceMeters(this.lat, this.lon, other.lat, other.lon);
	}

	/**
	 * The haversine distance between two WGS-84 positions given as degrees, for scans
	 * over millions of candidates that should not allocate a point each.
	 */
	public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
		return Haversine.meters(Haversine.between(lat1, lon1, lat2, lon2));
	}

	/**
	 * Whether the GCJ-02 shift applies here. This is the coarse rectangle that the
	 * published GCJ-02 formulas use, not a border: it includes parts of neighbouring
	 * countries and excludes nothing of mainland China.
	 * @return true if inside the GCJ-02 bounding area
	 */
	public boolean isInChina() {
		return ChinaArea.contains(this.lat, this.lon);
	}

	/**
	 * Shared with the other types here so that a NaN is reported against the axis it came
	 * in on, before arithmetic spreads it to the other one.
	 */
	static void requireFinite(String name, double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException(name + " must be a finite number but was " + value);
		}
	}

	private static void requireInRange(String name, double value, double limit) {
		requireFinite(name, value);
		if (value < -limit || value > limit) {
			throw new IllegalArgumentException(
					name + " must be between " + -limit + " and " + limit + " but was " + value);
		}
	}

}
