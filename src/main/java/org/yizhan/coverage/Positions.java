package org.yizhan.coverage;

import java.util.List;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.Violation;

/**
 * Reads a point given to coverage from outside (a request body, an uploaded file) in any
 * of the three coordinate systems.
 */
public final class Positions {

	private Positions() {
	}

	/**
	 * A point in WGS-84, or {@code null} with the reason recorded. A point outside China
	 * whose swapped coordinates fall inside it is reported as swapped: the commonest
	 * mistake in files that list longitude first.
	 */
	public static GeoPoint read(String field, Double lat, Double lon, Crs crs, List<Violation> violations) {
		if (lat == null || lon == null || !Double.isFinite(lat) || !Double.isFinite(lon)) {
			violations.add(Violation.of(field, "coverage.position"));
			return null;
		}
		boolean inRange = Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
		GeoPoint point = inRange ? new CrsPoint(lat, lon, crs).toWgs84IfInRange().orElse(null) : null;
		if (point != null && point.isInChina()) {
			return point;
		}
		boolean swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180
				&& new CrsPoint(lon, lat, crs).toWgs84IfInRange().filter(GeoPoint::isInChina).isPresent();
		violations.add(Violation.of(field, swapped ? "coverage.swapped" : "validation.outsideChina"));
		return null;
	}

}
