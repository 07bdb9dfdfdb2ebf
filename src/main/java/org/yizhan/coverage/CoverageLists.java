package org.yizhan.coverage;

import java.util.Arrays;

/**
 * Which demand points each candidate covers and, inverted, which candidates cover each
 * demand point, plus how many existing facilities already cover each point. Built once
 * per problem with a uniform grid over the demand, so the cost grows with the number of
 * covering pairs rather than with demand × candidates.
 * <p>
 * Both directions are compressed sparse rows with ascending indices, which keeps every
 * later sum in a fixed order and so every result reproducible to the last bit.
 */
final class CoverageLists {

	/**
	 * The most candidate–demand pairs built for one problem: two int arrays of this
	 * length take 400 MB; a problem that needs more has a radius far too large for its
	 * density.
	 */
	static final long MAX_COVERAGE_PAIRS = 50_000_000L;

	/**
	 * Pairs whose embedded distance is this close to the reach are decided by the exact
	 * distance, so rounding in the embedding never changes a coverage decision.
	 */
	private static final double BORDER_METERS = 1e-3;

	final int demandCount;

	final int candidateCount;

	/** Demand points covered by candidate j: {@code demandOf[candidateStart[j] ..]}. */
	final int[] candidateStart;

	final int[] demandOf;

	/** Candidates covering demand point i: {@code candidateOf[demandStart[i] ..]}. */
	final int[] demandStart;

	final int[] candidateOf;

	/** How many existing facilities cover each demand point. */
	final int[] existingCount;

	private CoverageLists(int demandCount, int candidateCount, int[] candidateStart, int[] demandOf,
			int[] existingCount) {
		this.demandCount = demandCount;
		this.candidateCount = candidateCount;
		this.candidateStart = candidateStart;
		this.demandOf = demandOf;
		this.existingCount = existingCount;
		this.demandStart = new int[demandCount + 1];
		for (int d : demandOf) {
			this.demandStart[d + 1]++;
		}
		for (int i = 0; i < demandCount; i++) {
			this.demandStart[i + 1] += this.demandStart[i];
		}
		this.candidateOf = new int[demandOf.length];
		int[] next = Arrays.copyOf(this.demandStart, demandCount);
		for (int j = 0; j < candidateCount; j++) {
			for (int k = candidateStart[j]; k < candidateStart[j + 1]; k++) {
				this.candidateOf[next[demandOf[k]]++] = j;
			}
		}
	}

	static CoverageLists of(SiteSelectionProblem problem) {
		DistanceMetric metric = problem.metric();
		double radius = problem.radiusMeters();
		int n = problem.demandCount();
		double[][] embedded = new double[3][n];
		double[] position = new double[3];
		for (int i = 0; i < n; i++) {
			metric.embed(problem.demandFirst(i), problem.demandSecond(i), position);
			embedded[0][i] = position[0];
			embedded[1][i] = position[1];
			embedded[2][i] = position[2];
		}
		double reach = metric.embeddedReach(radius);
		Grid grid = new Grid(embedded, reach + BORDER_METERS);
		Matcher matcher = new Matcher(problem, embedded, reach);

		int m = problem.candidateCount();
		int[] candidateStart = new int[m + 1];
		IntList pairs = new IntList();
		for (int j = 0; j < m; j++) {
			double first = problem.candidateFirst(j);
			double second = problem.candidateSecond(j);
			metric.embed(first, second, position);
			int from = pairs.size;
			grid.forEachNear(position, (i) -> {
				if (matcher.covers(first, second, position, i)) {
					pairs.add(i);
				}
			});
			Arrays.sort(pairs.values, from, pairs.size);
			candidateStart[j + 1] = pairs.size;
			if (pairs.size > MAX_COVERAGE_PAIRS) {
				throw new InvalidSiteSelectionException("radiusMeters", "is too large for this many points: over "
						+ MAX_COVERAGE_PAIRS + " candidate-demand pairs are within " + radius + " m");
			}
		}
		int[] existingCount = new int[n];
		for (int e = 0; e < problem.existingCount(); e++) {
			double first = problem.existingFirst(e);
			double second = problem.existingSecond(e);
			metric.embed(first, second, position);
			grid.forEachNear(position, (i) -> {
				if (matcher.covers(first, second, position, i)) {
					existingCount[i]++;
				}
			});
		}
		return new CoverageLists(n, m, candidateStart, Arrays.copyOf(pairs.values, pairs.size), existingCount);
	}

	int pairCount() {
		return this.demandOf.length;
	}

	/** The exact coverage test, with a cheap straight-line filter in front of it. */
	private static final class Matcher {

		private final SiteSelectionProblem problem;

		private final double[][] embedded;

		private final boolean planar;

		private final double radius;

		private final double surelyInside2;

		private final double surelyOutside2;

		Matcher(SiteSelectionProblem problem, double[][] embedded, double reach) {
			this.problem = problem;
			this.embedded = embedded;
			this.planar = problem.metric() == DistanceMetric.PLANAR;
			this.radius = problem.radiusMeters();
			double inside = Math.max(0, reach - BORDER_METERS);
			this.surelyInside2 = inside * inside;
			this.surelyOutside2 = (reach + BORDER_METERS) * (reach + BORDER_METERS);
		}

		boolean covers(double first, double second, double[] position, int i) {
			double dx = this.embedded[0][i] - position[0];
			double dy = this.embedded[1][i] - position[1];
			double dz = this.embedded[2][i] - position[2];
			double d2 = dx * dx + dy * dy + dz * dz;
			if (this.planar) {
				// exact for integer coordinates and radii, as in the published instances
				return d2 <= this.radius * this.radius;
			}
			if (d2 > this.surelyOutside2) {
				return false;
			}
			if (d2 < this.surelyInside2) {
				return true;
			}
			return this.problem.metric()
				.distanceMeters(first, second, this.problem.demandFirst(i),
						this.problem.demandSecond(i)) <= this.radius;
		}

	}

	/**
	 * A uniform grid of cubes at least as wide as the reach, stored as the sorted list of
	 * occupied cell keys and the points ordered by cell: no hashing, no boxing, and a
	 * query visits the 27 (on a plane 9) cells around a position.
	 */
	private static final class Grid {

		private static final int BITS = 20;

		private static final int MAX_CELL = (1 << BITS) - 1;

		private final double[] min = new double[3];

		private final int[] maxCell = new int[3];

		private final double cellSize;

		private final long[] cellKeys;

		private final int[] cellStart;

		private final int[] points;

		Grid(double[][] embedded, double reach) {
			int n = embedded[0].length;
			double extent = 0;
			double[] max = new double[3];
			for (int axis = 0; axis < 3; axis++) {
				double lo = Double.POSITIVE_INFINITY;
				double hi = Double.NEGATIVE_INFINITY;
				for (double v : embedded[axis]) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
				this.min[axis] = lo;
				max[axis] = hi;
				extent = Math.max(extent, hi - lo);
			}
			// wider cells than the reach are still correct; they only keep keys in 20
			// bits
			this.cellSize = Math.max(reach, extent / (MAX_CELL - 1));
			for (int axis = 0; axis < 3; axis++) {
				this.maxCell[axis] = cell(axis, max[axis]);
			}
			long[] keyOf = new long[n];
			for (int i = 0; i < n; i++) {
				keyOf[i] = key(cell(0, embedded[0][i]), cell(1, embedded[1][i]), cell(2, embedded[2][i]));
			}
			long[] sorted = keyOf.clone();
			Arrays.sort(sorted);
			int unique = 0;
			for (int i = 0; i < n; i++) {
				if (i == 0 || sorted[i] != sorted[i - 1]) {
					sorted[unique++] = sorted[i];
				}
			}
			this.cellKeys = Arrays.copyOf(sorted, unique);
			this.cellStart = new int[unique + 1];
			int[] cellOf = new int[n];
			for (int i = 0; i < n; i++) {
				cellOf[i] = Arrays.binarySearch(this.cellKeys, keyOf[i]);
				this.cellStart[cellOf[i] + 1]++;
			}
			for (int c = 0; c < unique; c++) {
				this.cellStart[c + 1] += this.cellStart[c];
			}
			this.points = new int[n];
			int[] next = Arrays.copyOf(this.cellStart, unique);
			for (int i = 0; i < n; i++) {
				this.points[next[cellOf[i]]++] = i;
			}
		}

		private int cell(int axis, double value) {
			double c = Math.floor((value - this.min[axis]) / this.cellSize);
			// clamped positions outside the demand's box can only reach the border cells
			return (int) Math.max(-2, Math.min(MAX_CELL + 2, c));
		}

		private static long key(int x, int y, int z) {
			return ((long) x << (2 * BITS)) | ((long) y << BITS) | z;
		}

		void forEachNear(double[] position, PointVisitor visitor) {
			int cx = cell(0, position[0]);
			int cy = cell(1, position[1]);
			int cz = cell(2, position[2]);
			for (int x = Math.max(0, cx - 1); x <= Math.min(this.maxCell[0], cx + 1); x++) {
				for (int y = Math.max(0, cy - 1); y <= Math.min(this.maxCell[1], cy + 1); y++) {
					for (int z = Math.max(0, cz - 1); z <= Math.min(this.maxCell[2], cz + 1); z++) {
						int c = Arrays.binarySearch(this.cellKeys, key(x, y, z));
						if (c >= 0) {
							for (int k = this.cellStart[c]; k < this.cellStart[c + 1]; k++) {
								visitor.visit(this.points[k]);
							}
						}
					}
				}
			}
		}

	}

	@FunctionalInterface
	private interface PointVisitor {

		void visit(int point);

	}

	/** Growable int array for the pairs, filled in one pass over the candidates. */
	private static final class IntList {

		int[] values = new int[1024];

		int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size + (this.size >> 1));
			}
			this.values[this.size++] = value;
		}

	}

}
