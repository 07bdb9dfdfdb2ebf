package org.yizhan.coverage;

import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import org.yizhan.geo.GeoPoint;

/**
 * Square cells over a set of areas (the districts of a city), each cell kept when its
 * centre lies inside an area, with a demand weight per cell.
 * <p>
 * Cells are squares in a local equirectangular projection centred on the areas: metres
 * east and north of the centre, with the east scale of the centre's latitude. Over a city
 * (±1° of latitude) that scale is off by under 2%, so a 2.9 km reach is drawn within
 * about 50 m of its haversine circle; each city gets its own projection, never the
 * country one. The raster is dense (every position of the bounding box has an entry) so
 * that counting station discs is array arithmetic with no look-ups, and the kept cells
 * are listed separately for the figures.
 * <p>
 * Demand per cell is {@code α·(1/N) + (1−α)·(p/P)}: {@code N} cells, {@code p} the point
 * weight that falls in the cell, {@code P} all point weight inside the areas, {@code α}
 * the uniform share. Without points it is the uniform {@code 1/N}, so demand shares are
 * area shares. Demand therefore sums to 1 over the grid.
 */
final class AreaGrid {

	static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

	final double cellMeters;

	final double lat0;

	final double lon0;

	private final double metersPerDegreeLon;

	/** Projected position of the raster's south-west corner. */
	final double minX;

	final double minY;

	final int width;

	final int height;

	/** Raster position (row from the south × width + column) → cell, or -1 outside. */
	final int[] cellAt;

	/** Cell → raster position, ascending. */
	final int[] rasterOf;

	/** Cell → index of its area in {@link #areas}. */
	final short[] areaOf;

	/** Cell → demand, summing to 1. */
	final double[] demand;

	final List<String> areas;

	/** Point weight that fell inside the cells, 0 when the demand is uniform. */
	final double pointWeight;

	private AreaGrid(double cellMeters, double lat0, double lon0, double minX, double minY, int width, int height,
			int[] cellAt, short[] areaOfRaster, List<String> areas) {
		this.cellMeters = cellMeters;
		this.lat0 = lat0;
		this.lon0 = lon0;
		this.metersPerDegreeLon = METERS_PER_DEGREE * Math.cos(Math.toRadians(lat0));
		this.minX = minX;
		this.minY = minY;
		this.width = width;
		this.height = height;
		this.cellAt = cellAt;
		this.areas = List.copyOf(areas);
		int count = 0;
		for (int r = 0; r < cellAt.length; r++) {
			if (cellAt[r] >= 0) {
				cellAt[r] = count++;
			}
		}
		this.rasterOf = new int[count];
		this.areaOf = new short[count];
		for (int r = 0; r < cellAt.length; r++) {
			if (cellAt[r] >= 0) {
				this.rasterOf[cellAt[r]] = r;
				this.areaOf[cellAt[r]] = areaOfRaster[r];
			}
		}
		this.demand = new double[count];
		Arrays.fill(this.demand, count == 0 ? 0 : 1.0 / count);
		this.pointWeight = 0;
	}

	private AreaGrid(AreaGrid grid, double[] demand, double pointWeight) {
		this.cellMeters = grid.cellMeters;
		this.lat0 = grid.lat0;
		this.lon0 = grid.lon0;
		this.metersPerDegreeLon = grid.metersPerDegreeLon;
		this.minX = grid.minX;
		this.minY = grid.minY;
		this.width = grid.width;
		this.height = grid.height;
		this.cellAt = grid.cellAt;
		this.rasterOf = grid.rasterOf;
		this.areaOf = grid.areaOf;
		this.areas = grid.areas;
		this.demand = demand;
		this.pointWeight = pointWeight;
	}

	/**
	 * Rasterises the areas: a cell belongs to the first area (in list order) whose
	 * polygons contain its centre, by the even-odd rule over all rings, so holes and
	 * islands of a MultiPolygon come out right.
	 * @param codes the areas' organisation codes, in the order of {@code shapes}
	 * @param shapes Polygons or MultiPolygons in WGS-84, x = lon, y = lat
	 * @param cellMeters the side of a cell
	 */
	static AreaGrid of(List<String> codes, List<Geometry> shapes, double cellMeters) {
		return of(codes, shapes, cellMeters, null);
	}

	/**
	 * Rasterises the areas on the lattice of a frame: the projection centred on
	 * {@code frame}, with cell edges at whole multiples of {@code cellMeters} from it.
	 * Two grids on one frame share their cells where they overlap, so a district drawn on
	 * its city's frame has exactly the cells it has in the city's grid, and the same area
	 * and coverage on its own page as in the city's table (a grid centred on the district
	 * itself shifts the lattice and the east scale, and 西湖区 read 299 km² there and 301
	 * km² in the city).
	 * @param frame the projection's centre, or {@code null} for the areas' own
	 */
	static AreaGrid of(List<String> codes, List<Geometry> shapes, double cellMeters, GeoPoint frame) {
		if (codes.size() != shapes.size() || codes.isEmpty() || codes.size() > Short.MAX_VALUE) {
			throw new IllegalArgumentException("one code per shape, 1.." + Short.MAX_VALUE);
		}
		double south = Double.POSITIVE_INFINITY;
		double north = Double.NEGATIVE_INFINITY;
		double west = Double.POSITIVE_INFINITY;
		double east = Double.NEGATIVE_INFINITY;
		for (Geometry shape : shapes) {
			var box = shape.getEnvelopeInternal();
			south = Math.min(south, box.getMinY());
			north = Math.max(north, box.getMaxY());
			west = Math.min(west, box.getMinX());
			east = Math.max(east, box.getMaxX());
		}
		double lat0 = (frame != null) ? frame.lat() : (south + north) / 2;
		double lon0 = (frame != null) ? frame.lon() : (west + east) / 2;
		double kx = METERS_PER_DEGREE * Math.cos(Math.toRadians(lat0));
		double minX = Math.floor((west - lon0) * kx / cellMeters) * cellMeters;
		double minY = Math.floor((south - lat0) * METERS_PER_DEGREE / cellMeters) * cellMeters;
		int width = (int) Math.ceil((east - lon0) * kx / cellMeters - minX / cellMeters) + 1;
		int height = (int) Math.ceil((north - lat0) * METERS_PER_DEGREE / cellMeters - minY / cellMeters) + 1;
		if ((long) width * height > 50_000_000L) {
			throw new IllegalArgumentException(
					"a grid of " + width + " × " + height + " cells of " + cellMeters + " m is too large");
		}
		int[] cellAt = new int[width * height];
		Arrays.fill(cellAt, -1);
		short[] areaOfRaster = new short[width * height];
		RowCrossings crossings = new RowCrossings(height);
		for (int a = 0; a < shapes.size(); a++) {
			crossings.clear();
			Geometry shape = shapes.get(a);
			for (int g = 0; g < shape.getNumGeometries(); g++) {
				Polygon polygon = (Polygon) shape.getGeometryN(g);
				crossings.addRing(polygon.getExteriorRing(), lat0, lon0, kx, minY, cellMeters);
				for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
					crossings.addRing(polygon.getInteriorRingN(h), lat0, lon0, kx, minY, cellMeters);
				}
			}
			for (int row = 0; row < height; row++) {
				double[] xs = crossings.sorted(row);
				for (int k = 0; k + 1 < xs.length; k += 2) {
					int from = Math.max(0, (int) Math.ceil((xs[k] - minX) / cellMeters - 0.5));
					int to = Math.min(width - 1, (int) Math.ceil((xs[k + 1] - minX) / cellMeters - 0.5) - 1);
					for (int col = from; col <= to; col++) {
						int r = row * width + col;
						if (cellAt[r] < 0) {
							cellAt[r] = 0;
							areaOfRaster[r] = (short) a;
						}
					}
				}
			}
		}
		return new AreaGrid(cellMeters, lat0, lon0, minX, minY, width, height, cellAt, areaOfRaster, codes);
	}

	/**
	 * This grid with demand from weighted points mixed in.
	 * @param lats the points' latitudes, WGS-84
	 * @param lons their longitudes
	 * @param weights their weights, ≥ 0
	 * @param uniformShare α of the formula in the class comment
	 */
	AreaGrid withPoints(double[] lats, double[] lons, double[] weights, double uniformShare) {
		double[] pointsIn = new double[cellCount()];
		double total = 0;
		for (int i = 0; i < lats.length; i++) {
			int cell = cellOf(lats[i], lons[i]);
			if (cell >= 0) {
				pointsIn[cell] += weights[i];
				total += weights[i];
			}
		}
		if (!(total > 0)) {
			return this;
		}
		double[] mixed = new double[cellCount()];
		double uniform = uniformShare / cellCount();
		for (int c = 0; c < mixed.length; c++) {
			mixed[c] = uniform + (1 - uniformShare) * pointsIn[c] / total;
		}
		return new AreaGrid(this, mixed, total);
	}

	int cellCount() {
		return this.rasterOf.length;
	}

	double x(double lon) {
		return (lon - this.lon0) * this.metersPerDegreeLon;
	}

	double y(double lat) {
		return (lat - this.lat0) * METERS_PER_DEGREE;
	}

	/** The raster position holding a point, or -1 outside the raster. */
	int rasterAt(double lat, double lon) {
		double col = Math.floor((x(lon) - this.minX) / this.cellMeters);
		double row = Math.floor((y(lat) - this.minY) / this.cellMeters);
		if (col < 0 || row < 0 || col >= this.width || row >= this.height) {
			return -1;
		}
		return (int) row * this.width + (int) col;
	}

	/** The cell holding a point, or -1 outside every area. */
	int cellOf(double lat, double lon) {
		int r = rasterAt(lat, lon);
		return (r < 0) ? -1 : this.cellAt[r];
	}

	double centreX(int raster) {
		return this.minX + (raster % this.width + 0.5) * this.cellMeters;
	}

	double centreY(int raster) {
		return this.minY + (raster / this.width + 0.5) * this.cellMeters;
	}

	GeoPoint toGeo(double x, double y) {
		return GeoPoint.of(this.lat0 + y / METERS_PER_DEGREE, this.lon0 + x / this.metersPerDegreeLon);
	}

	GeoPoint centreOf(int cell) {
		int r = this.rasterOf[cell];
		return toGeo(centreX(r), centreY(r));
	}

	double cellAreaKm2() {
		return this.cellMeters * this.cellMeters / 1e6;
	}

	/** South-west and north-east corners of the raster, WGS-84. */
	GeoPoint[] bounds() {
		return new GeoPoint[] { toGeo(this.minX, this.minY),
				toGeo(this.minX + this.width * this.cellMeters, this.minY + this.height * this.cellMeters) };
	}

	/**
	 * Where the edges of rings cross the horizontal line through each row's cell centres:
	 * per row, the x of every crossing, so filling between pairs applies the even-odd
	 * rule.
	 */
	private static final class RowCrossings {

		private final double[][] xs;

		private final int[] sizes;

		RowCrossings(int rows) {
			this.xs = new double[rows][];
			this.sizes = new int[rows];
		}

		void clear() {
			Arrays.fill(this.sizes, 0);
		}

		void addRing(LineString ring, double lat0, double lon0, double kx, double minY, double cellMeters) {
			Coordinate[] points = ring.getCoordinates();
			for (int i = 0; i + 1 < points.length; i++) {
				double x1 = (points[i].x - lon0) * kx;
				double y1 = (points[i].y - lat0) * METERS_PER_DEGREE;
				double x2 = (points[i + 1].x - lon0) * kx;
				double y2 = (points[i + 1].y - lat0) * METERS_PER_DEGREE;
				if (y1 == y2) {
					continue;
				}
				double low = Math.min(y1, y2);
				double high = Math.max(y1, y2);
				// rows whose centre y satisfies low <= y < high: half-open, so a vertex
				// shared by two edges is counted once
				int first = Math.max(0, (int) Math.ceil((low - minY) / cellMeters - 0.5));
				int last = Math.min(this.xs.length - 1, (int) Math.ceil((high - minY) / cellMeters - 0.5) - 1);
				for (int row = first; row <= last; row++) {
					double y = minY + (row + 0.5) * cellMeters;
					add(row, x1 + (y - y1) * (x2 - x1) / (y2 - y1));
				}
			}
		}

		private void add(int row, double x) {
			if (this.xs[row] == null) {
				this.xs[row] = new double[8];
			}
			else if (this.sizes[row] == this.xs[row].length) {
				this.xs[row] = Arrays.copyOf(this.xs[row], this.sizes[row] * 2);
			}
			this.xs[row][this.sizes[row]++] = x;
		}

		double[] sorted(int row) {
			if (this.sizes[row] == 0) {
				return new double[0];
			}
			double[] result = Arrays.copyOf(this.xs[row], this.sizes[row]);
			Arrays.sort(result);
			return result;
		}

	}

}
