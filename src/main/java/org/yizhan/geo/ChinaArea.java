package org.yizhan.geo;

/**
 * The rectangle the published GCJ-02 formulas test against: inside it a point is shifted
 * between WGS-84 and GCJ-02, outside it the two systems agree.
 */
final class ChinaArea {

	private ChinaArea() {
	}

	/** Whether the point lies in the rectangle; NaN is outside. */
	static boolean contains(double lat, double lon) {
		return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
	}

}
