package org.yizhan.geo;

/**
 * Conversions between WGS-84, GCJ-02 and BD-09 by the published formulas.
 * <p>
 * GCJ-02 is WGS-84 plus a deliberate, non-linear shift of a few hundred metres defined
 * only by a leaked polynomial on the Krasovsky-1940 ellipsoid; BD-09 is a further
 * rotation-and-offset of GCJ-02. The forward directions are exact by definition. The
 * shift has no closed-form inverse, so GCJ-02 to WGS-84 is solved by iteration; the
 * one-step inverse most libraries use is off by one to two metres, which is enough to put
 * a station on the wrong side of a road.
 * <p>
 * Arrays are {@code {lat, lon}}, matching the rest of the Java code, although most of the
 * published implementations take and return {@code (lon, lat)}.
 */
public final class CoordinateTransform {

	/** Semi-major axis of the Krasovsky-1940 ellipsoid, which GCJ-02 is defined on. */
	private static final double KRASOVSKY_A = 6378245.0;

	/** First eccentricity squared of the Krasovsky-1940 ellipsoid. */
	private static final double KRASOVSKY_EE = 0.00669342162296594323;

	private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;

	private static final double BD_LON_OFFSET = 0.0065;

	private static final double BD_LAT_OFFSET = 0.006;

	/** About 1 cm, so that the inversion is well inside the 0.5 m promised. */
	private static final double INVERSION_THRESHOLD_DEGREES = 1e-7;

	/**
	 * The shift changes slowly, so a handful of steps suffice; this only bounds the loop.
	 */
	private static final int MAX_INVERSION_STEPS = 30;

	private CoordinateTransform() {
	}

	/**
	 * Converts from GCJ-02 by fixed-point iteration on the forward shift.
	 * @param lat GCJ-02 latitude
	 * @param lon GCJ-02 longitude
	 * @return the WGS-84 point, within 0.5 m of the exact inverse
	 * @throws IllegalArgumentException if the result is not a valid WGS-84 point
	 */
	public static GeoPoint gcj02ToWgs84(double lat, double lon) {
		if (!ChinaArea.contains(lat, lon)) {
			return GeoPoint.of(lat, lon);
		}
		double wgsLat = lat;
		double wgsLon = lon;
		for (int step = 0; step < MAX_INVERSION_STEPS; step++) {
			// The shift is applied unconditionally: near the edge of the area the WGS-84
			// estimate may fall just outside it while the GCJ-02 point is inside.
			double[] shifted = shift(wgsLat, wgsLon);
			double errorLat = shifted[0] - lat;
			double errorLon = shifted[1] - lon;
			if (Math.abs(errorLat) < INVERSION_THRESHOLD_DEGREES && Math.abs(errorLon) < INVERSION_THRESHOLD_DEGREES) {
				break;
			}
			wgsLat -= errorLat;
			wgsLon -= errorLon;
		}
		return GeoPoint.of(wgsLat, wgsLon);
	}

	/**
	 * Applies the GCJ-02 shift.
	 * @param lat WGS-84 latitude
	 * @param lon WGS-84 longitude
	 * @return {@code {lat, lon}} in GCJ-02; unchanged outside China's bounding area
	 */
	public static double[] wgs84ToGcj02(double lat, double lon) {
		if (!ChinaArea.contains(lat, lon)) {
			return new double[] { lat, lon };
		}
		return shift(lat, lon);
	}

	/**
	 * Applies Baidu's offset. Baidu applies it everywhere, so this does too, unlike the
	 * GCJ-02 shift.
	 * @param lat GCJ-02 latitude
	 * @param lon GCJ-02 longitude
	 * @return {@code {lat, lon}} in BD-09
	 */
	public static double[] gcj02ToBd09(double lat, double lon) {
		double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
		double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
		return new double[] { z * Math.sin(theta) + BD_LAT_OFFSET, z * Math.cos(theta) + BD_LON_OFFSET };
	}

	/**
	 * Removes Baidu's offset by the published approximate inverse. It is within about 0.2
	 * m of exact across China, so it is kept as published: the results then agree with
	 * every other BD-09 implementation, and a round trip through WGS-84 still stays under
	 * the 0.5 m budget.
	 * @param lat BD-09 latitude
	 * @param lon BD-09 longitude
	 * @return {@code {lat, lon}} in GCJ-02
	 */
	public static double[] bd09ToGcj02(double lat, double lon) {
		double x = lon - BD_LON_OFFSET;
		double y = lat - BD_LAT_OFFSET;
		double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
		double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
		return new double[] { z * Math.sin(theta), z * Math.cos(theta) };
	}

	/**
	 * Converts WGS-84 to BD-09 through GCJ-02.
	 * @param lat WGS-84 latitude
	 * @param lon WGS-84 longitude
	 * @return {@code {lat, lon}} in BD-09
	 */
	public static double[] wgs84ToBd09(double lat, double lon) {
		double[] gcj = wgs84ToGcj02(lat, lon);
		return gcj02ToBd09(gcj[0], gcj[1]);
	}

	/**
	 * Converts BD-09 to WGS-84 through GCJ-02, with the iterative inverse.
	 * @param lat BD-09 latitude
	 * @param lon BD-09 longitude
	 * @return the WGS-84 point
	 * @throws IllegalArgumentException if the result is not a valid WGS-84 point
	 */
	public static GeoPoint bd09ToWgs84(double lat, double lon) {
		GeoPoint.requireFinite("lat", lat);
		GeoPoint.requireFinite("lon", lon);
		double[] gcj = bd09ToGcj02(lat, lon);
		return gcj02ToWgs84(gcj[0], gcj[1]);
	}

	private static double[] shift(double lat, double lon) {
		double x = lon - 105.0;
		double y = lat - 35.0;
		double dLat = transformLat(x, y);
		double dLon = transformLon(x, y);
		double radLat = Math.toRadians(lat);
		double sinLat = Math.sin(radLat);
		double magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { lat + dLat, lon + dLon };
	}

	private static double transformLat(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLon(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

}
