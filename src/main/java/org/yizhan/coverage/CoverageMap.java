package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yizhan.geo.GeoPoint;

/**
 * How many stations reach each cell of an {@link AreaGrid}, counted up to two: all that
 * single and cross coverage need.
 * <p>
 * Each station's disc is rasterised row by row: for every row of cell centres within the
 * radius the covered columns are one interval, so a station costs one increment per cell
 * it reaches and nothing per cell it does not. A cell is reached when its centre is
 * within the radius of the station in the grid's projection; counting does not depend on
 * the order of the stations.
 */
final class CoverageMap {

	final AreaGrid grid;

	final double radiusMeters;

	/** Per raster position: 0, 1 or 2 (two or more) stations within reach. */
	private final byte[] count;

	/** Stations that fell inside a cell of the grid. */
	final int stationsInside;

	private CoverageMap(AreaGrid grid, double radiusMeters, byte[] count, int stationsInside) {
		this.grid = grid;
		this.radiusMeters = radiusMeters;
		this.count = count;
		this.stationsInside = stationsInside;
	}

	static CoverageMap count(AreaGrid grid, double[] lats, double[] lons, int stations, double radiusMeters) {
		byte[] count = new byte[grid.width * grid.height];
		int inside = 0;
		for (int s = 0; s < stations; s++) {
			double x = grid.x(lons[s]);
			double y = grid.y(lats[s]);
			disc(grid, x, y, radiusMeters, (r) -> {
				if (count[r] < 2) {
					count[r]++;
				}
			});
			if (grid.cellOf(lats[s], lons[s]) >= 0) {
				inside++;
			}
		}
		return new CoverageMap(grid, radiusMeters, count, inside);
	}

	/**
	 * Visits every raster position whose cell centre lies within the radius of (x, y).
	 */
	static void disc(AreaGrid grid, double x, double y, double radius, RasterVisitor visitor) {
		double s = grid.cellMeters;
		int firstRow = Math.max(0, (int) Math.ceil((y - radius - grid.minY) / s - 0.5));
		int lastRow = Math.min(grid.height - 1, (int) Math.floor((y + radius - grid.minY) / s - 0.5));
		double r2 = radius * radius;
		for (int row = firstRow; row <= lastRow; row++) {
			double dy = grid.minY + (row + 0.5) * s - y;
			double d2 = r2 - dy * dy;
			if (d2 < 0) {
				continue;
			}
			double half = Math.sqrt(d2);
			int firstCol = Math.max(0, (int) Math.ceil((x - half - grid.minX) / s - 0.5));
			int lastCol = Math.min(grid.width - 1, (int) Math.floor((x + half - grid.minX) / s - 0.5));
			int base = row * grid.width;
			for (int col = firstCol; col <= lastCol; col++) {
				visitor.visit(base + col);
			}
		}
	}

	/** 0 not reached, 1 by one station, 2 by two or more. */
	int level(int cell) {
		return this.count[this.grid.rasterOf[cell]];
	}

	int levelAtRaster(int raster) {
		return this.count[raster];
	}

	/**
	 * Sums per area (index of {@link AreaGrid#areas}), plus the whole grid at index
	 * {@code areas.size()}.
	 */
	Tally[] tally() {
		int areas = this.grid.areas.size();
		Tally[] tallies = new Tally[areas + 1];
		for (int a = 0; a <= areas; a++) {
			tallies[a] = new Tally();
		}
		for (int c = 0; c < this.grid.cellCount(); c++) {
			int level = level(c);
			double demand = this.grid.demand[c];
			tallies[this.grid.areaOf[c]].add(level, demand);
			tallies[areas].add(level, demand);
		}
		return tallies;
	}

	/**
	 * What one more station at (lat, lon) would add: the demand of the cells it reaches
	 * that are below the objective's level.
	 */
	double gain(double lat, double lon, CoverageObjective objective) {
		double[] gain = { 0 };
		int level = objective.level();
		disc(this.grid, this.grid.x(lon), this.grid.y(lat), this.radiusMeters, (r) -> {
			int cell = this.grid.cellAt[r];
			if (cell >= 0 && this.count[r] < level) {
				gain[0] += this.grid.demand[cell];
			}
		});
		return gain[0];
	}

	/**
	 * What one more station at (lat, lon) would reach, in one pass: {@code [0]} all
	 * demand within reach, {@code [1]} the part no station reaches, {@code [2]} the part
	 * exactly one reaches, {@code [3]} the part fewer than two reach. {@code [1]} and
	 * {@code [3]} are summed cell by cell in the order {@link #gain} sums them, so they
	 * equal its single and cross figures to the last bit.
	 */
	double[] gains(double lat, double lon) {
		double[] sums = new double[4];
		disc(this.grid, this.grid.x(lon), this.grid.y(lat), this.radiusMeters, (r) -> {
			int cell = this.grid.cellAt[r];
			if (cell < 0) {
				return;
			}
			double demand = this.grid.demand[cell];
			sums[0] += demand;
			if (this.count[r] < 1) {
				sums[1] += demand;
			}
			if (this.count[r] == 1) {
				sums[2] += demand;
			}
			if (this.count[r] < 2) {
				sums[3] += demand;
			}
		});
		return sums;
	}

	/**
	 * The connected groups (sharing a side) of cells no station reaches, largest demand
	 * first.
	 * @param limit how many to return
	 */
	List<Cluster> uncoveredClusters(int limit) {
		int[] seen = new int[this.grid.cellCount()];
		int[] queue = new int[this.grid.cellCount()];
		List<Cluster> clusters = new ArrayList<>();
		int w = this.grid.width;
		for (int start = 0; start < seen.length; start++) {
			if (seen[start] != 0 || level(start) != 0) {
				continue;
			}
			int head = 0;
			int tail = 0;
			queue[tail++] = start;
			seen[start] = 1;
			double demand = 0;
			double sx = 0;
			double sy = 0;
			int[] areaCells = new int[this.grid.areas.size()];
			while (head < tail) {
				int cell = queue[head++];
				int r = this.grid.rasterOf[cell];
				demand += this.grid.demand[cell];
				sx += this.grid.centreX(r);
				sy += this.grid.centreY(r);
				areaCells[this.grid.areaOf[cell]]++;
				int col = r % w;
				int[] neighbours = { (col > 0) ? r - 1 : -1, (col < w - 1) ? r + 1 : -1, r - w, r + w };
				for (int n : neighbours) {
					if (n < 0 || n >= this.count.length) {
						continue;
					}
					int next = this.grid.cellAt[n];
					if (next >= 0 && seen[next] == 0 && this.count[n] == 0) {
						seen[next] = 1;
						queue[tail++] = next;
					}
				}
			}
			int mainArea = 0;
			for (int a = 1; a < areaCells.length; a++) {
				if (areaCells[a] > areaCells[mainArea]) {
					mainArea = a;
				}
			}
			clusters
				.add(new Cluster(this.grid.areas.get(mainArea), tail, demand, this.grid.toGeo(sx / tail, sy / tail)));
		}
		clusters.sort(Comparator.comparingDouble(Cluster::demand).reversed().thenComparing(Cluster::cells));
		return clusters.subList(0, Math.min(limit, clusters.size()));
	}

	record Cluster(String areaCode, int cells, double demand, GeoPoint centroid) {
	}

	/** Cells and demand of one area by how many stations reach them. */
	static final class Tally {

		int cells;

		int cellsOnce;

		int cellsTwice;

		double demand;

		double demandOnce;

		double demandTwice;

		void add(int level, double weight) {
			this.cells++;
			this.demand += weight;
			if (level >= 1) {
				this.cellsOnce++;
				this.demandOnce += weight;
			}
			if (level >= 2) {
				this.cellsTwice++;
				this.demandTwice += weight;
			}
		}

	}

	@FunctionalInterface
	interface RasterVisitor {

		void visit(int raster);

	}

}
