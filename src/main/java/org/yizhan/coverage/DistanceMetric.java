package org.yizhan.coverage;

import org.yizhan.geo.GeoPoint;

/**
 * How far apart two points of a site selection problem are, and hence which candidate
 * covers which demand point (covered iff distance ≤ radius).
 * <p>
 * <strong>The two coordinates of a point mean different things per metric:</strong>
 * {@code (lat, lon)} in degrees on the sphere, {@code (x, y)} in metres on the plane.
 */
public enum DistanceMetric {

	/**
	 * Great-circle distance by the haversine formula on a sphere of the mean earth radius
	 * (6,371,008.8 m), for WGS-84 input given as {@code (lat, lon)}.
	 */
	GREAT_CIRCLE {
		@Override
		double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
			return GeoPoint.distanceMeters(lat1, lon1, lat2, lon2);
		}

		/**
		 * Embeds a point on the sphere in 3-D space: the chord between two points is a
		 * monotone function of their great-circle distance, so a cubic grid over the
		 * embedding needs no special case at the date line or the poles.
		 */
		@Override
		void embed(double lat, double lon, double[] into) {
			double phi = Math.toRadians(lat);
			double lambda = Math.toRadians(lon);
			double cosPhi = Math.cos(phi);
			into[0] = EARTH_RADIUS_METERS * cosPhi * Math.cos(lambda);
			into[1] = EARTH_RADIUS_METERS * cosPhi * Math.sin(lambda);
			into[2] = EARTH_RADIUS_METERS * Math.sin(phi);
		}

		@Override
		double embeddedReach(double radiusMeters) {
			return 2 * EARTH_RADIUS_METERS * Math.sin(Math.min(Math.PI / 2, radiusMeters / (2 * EARTH_RADIUS_METERS)));
		}
	},

	/**
	 * Euclidean distance between {@code (x, y)} positions in metres of a projected plane.
	 */
	PLANAR {
		@Override
		double distanceMeters(double x1, double y1, double x2, double y2) {
			double dx = x2 - x1;
			double dy = y2 - y1;
			return Math.sqrt(dx * dx + dy * dy);
		}

		@Override
		void embed(double x, double y, double[] into) {
			into[0] = x;
			into[1] = y;
			into[2] = 0;
		}

		@Override
		double embeddedReach(double radiusMeters) {
			return radiusMeters;
		}
	};

	/** The radius used by {@link GeoPoint}; kept equal so both agree on a sphere. */
	static final double EARTH_RADIUS_METERS = 6_371_008.8;

	/**
	 * The distance that decides coverage.
	 * @param first1 lat or x of the first point
	 * @param second1 lon or y of the first point
	 * @param first2 lat or x of the second point
	 * @param second2 lon or y of the second point
	 * @return the distance in metres
	 */
	abstract double distanceMeters(double first1, double second1, double first2, double second2);

	/**
	 * Writes the point's position in a Euclidean space in which the straight-line
	 * distance grows monotonically with {@link #distanceMeters}, for the spatial grid.
	 */
	abstract void embed(double first, double second, double[] into);

	/** The straight-line distance in the embedding that corresponds to the radius. */
	abstract double embeddedReach(double radiusMeters);

}
