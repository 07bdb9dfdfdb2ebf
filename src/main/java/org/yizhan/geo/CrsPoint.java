package org.yizhan.geo;

import java.util.Objects;
import java.util.Optional;

/**
 * A coordinate pair in a named system, as it arrives from or leaves through an API.
 * <p>
 * Only finiteness is checked here. The degree ranges are a WGS-84 rule and are enforced
 * by {@link #toWgs84()}: BD-09 applies its offset everywhere, so a valid point near the
 * antimeridian or a pole can legitimately have a BD-09 longitude just beyond 180 or a
 * latitude just beyond 90.
 *
 * @param lat latitude in degrees in {@code crs}
 * @param lon longitude in degrees in {@code crs}
 * @param crs the system the numbers are in
 */
public record CrsPoint(double lat, double lon, Crs crs) {

	public CrsPoint {
		Objects.requireNonNull(crs, "crs must not be null");
		GeoPoint.requireFinite("lat", lat);
		GeoPoint.requireFinite("lon", lon);
	}

	/**
	 * Converts to the stored system.
	 * @return the point in WGS-84
	 * @throws IllegalArgumentException if the result is outside the WGS-84 degree ranges
	 */
	public GeoPoint toWgs84() {
		return switch (this.crs) {
			case WGS84 -> GeoPoint.of(this.lat, this.lon);
			case GCJ02 -> CoordinateTransform.gcj02ToWgs84(this.lat, this.lon);
			case BD09 -> CoordinateTransform.bd09ToWgs84(this.lat, this.lon);
		};
	}

	/**
	 * Converts to the stored system, for input from outside: empty where the result
	 * leaves the WGS-84 degree ranges (a BD-09 point given at the antimeridian or a pole,
	 * which Baidu's offset carries past it), so that a validator can name the field
	 * instead of failing.
	 * @return the point in WGS-84, or empty
	 */
	public Optional<GeoPoint> toWgs84IfInRange() {
		try {
			return Optional.of(toWgs84());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Expresses a stored point in the system a client asked for.
	 * @param p the point in WGS-84
	 * @param target the system to express it in
	 * @return the converted pair
	 */
	public static CrsPoint of(GeoPoint p, Crs target) {
		double[] latLon = switch (target) {
			case WGS84 -> new double[] { p.lat(), p.lon() };
			case GCJ02 -> CoordinateTransform.wgs84ToGcj02(p.lat(), p.lon());
			case BD09 -> CoordinateTransform.wgs84ToBd09(p.lat(), p.lon());
		};
		return new CrsPoint(latLon[0], latLon[1], target);
	}

}
