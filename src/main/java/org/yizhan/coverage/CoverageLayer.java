package org.yizhan.coverage;

import org.yizhan.geo.GeoPoint;

/**
 * The coverage level of every cell of a grid, for drawing it on a map.
 *
 * @param southWest the raster's south-west corner, WGS-84
 * @param northEast its north-east corner
 * @param width columns, west to east
 * @param height rows, south to north
 * @param levels per raster position, row by row from the south: -1 outside the areas, 0
 * not reached, 1 reached by one station, 2 by two or more
 */
public record CoverageLayer(GeoPoint southWest, GeoPoint northEast, int width, int height, double cellMeters,
		byte[] levels) {

	public int levelAt(int row, int col) {
		return this.levels[row * this.width + col];
	}

}
