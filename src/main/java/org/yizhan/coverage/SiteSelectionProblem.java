package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A maximal covering location problem: choose {@code p} of the candidates so that, with
 * the existing facilities, they cover as much demand weight as the objective counts. A
 * point is covered by a facility iff their distance under the metric is ≤ the radius.
 * <p>
 * Built only through {@link #onSphere()} or {@link #onPlane()}, whose {@code build()}
 * validates everything once, so a problem that exists can be solved.
 * <p>
 * <strong>Axis order:</strong> every {@code (first, second)} pair is {@code (lat, lon)}
 * in degrees on the sphere and {@code (x, y)} in metres on the plane.
 */
public final class SiteSelectionProblem {

	/** The most demand points one problem may have. */
	public static final int MAX_DEMAND_POINTS = 200_000;

	/**
	 * The most candidates (and, separately, existing facilities) one problem may have.
	 */
	public static final int MAX_CANDIDATES = 200_000;

	/** The largest radius accepted; anything above is a unit mistake, not a reach. */
	public static final double MAX_RADIUS_METERS = 100_000;

	/**
	 * The largest planar coordinate accepted, in metres: far beyond any projected grid,
	 * and small enough that differences of coordinates stay exact enough to decide
	 * coverage.
	 */
	public static final double MAX_PLANAR_COORDINATE = 1e9;

	private final DistanceMetric metric;

	private final CoverageObjective objective;

	private final double radiusMeters;

	private final int p;

	private final double[] demand;

	private final double[] demandWeights;

	private final double[] candidates;

	private final List<String> candidateIds;

	private final double[] existing;

	private SiteSelectionProblem(Builder builder) {
		this.metric = builder.metric;
		this.objective = builder.objective;
		this.radiusMeters = builder.radiusMeters;
		this.p = builder.p;
		this.demand = builder.demand.toArray();
		this.demandWeights = builder.demandWeights.toArray();
		this.candidates = builder.candidates.toArray();
		this.candidateIds = List.copyOf(builder.candidateIds);
		this.existing = builder.existing.toArray();
	}

	/**
	 * A problem on WGS-84 positions with great-circle distances.
	 * @return a builder taking {@code (lat, lon)} pairs
	 */
	public static Builder onSphere() {
		return new Builder(DistanceMetric.GREAT_CIRCLE);
	}

	/**
	 * A problem on projected positions in metres with Euclidean distances.
	 * @return a builder taking {@code (x, y)} pairs
	 */
	public static Builder onPlane() {
		return new Builder(DistanceMetric.PLANAR);
	}

	public DistanceMetric metric() {
		return this.metric;
	}

	public CoverageObjective objective() {
		return this.objective;
	}

	public double radiusMeters() {
		return this.radiusMeters;
	}

	/**
	 * How many sites to choose.
	 * @return between 1 and the number of candidates
	 */
	public int p() {
		return this.p;
	}

	public int demandCount() {
		return this.demandWeights.length;
	}

	public int candidateCount() {
		return this.candidateIds.size();
	}

	public int existingCount() {
		return this.existing.length / 2;
	}

	/**
	 * The candidate ids in the order they were added; results refer to candidates by
	 * their index in this list.
	 * @return the ids, unmodifiable
	 */
	public List<String> candidateIds() {
		return this.candidateIds;
	}

	double demandFirst(int i) {
		return this.demand[2 * i];
	}

	double demandSecond(int i) {
		return this.demand[2 * i + 1];
	}

	double demandWeight(int i) {
		return this.demandWeights[i];
	}

	double[] demandWeights() {
		return this.demandWeights;
	}

	double candidateFirst(int j) {
		return this.candidates[2 * j];
	}

	double candidateSecond(int j) {
		return this.candidates[2 * j + 1];
	}

	double existingFirst(int e) {
		return this.existing[2 * e];
	}

	double existingSecond(int e) {
		return this.existing[2 * e + 1];
	}

	/**
	 * Collects the input; every check happens in {@link #build()} so that the first
	 * offending field, in input order, is the one reported.
	 */
	public static final class Builder {

		private final DistanceMetric metric;

		private CoverageObjective objective = CoverageObjective.SINGLE;

		private double radiusMeters = Double.NaN;

		private int p;

		private final DoubleList demand = new DoubleList();

		private final DoubleList demandWeights = new DoubleList();

		private final DoubleList candidates = new DoubleList();

		private final List<String> candidateIds = new ArrayList<>();

		private final DoubleList existing = new DoubleList();

		private Builder(DistanceMetric metric) {
			this.metric = metric;
		}

		public Builder objective(CoverageObjective objective) {
			this.objective = Objects.requireNonNull(objective, "objective");
			return this;
		}

		public Builder radiusMeters(double radiusMeters) {
			this.radiusMeters = radiusMeters;
			return this;
		}

		public Builder p(int p) {
			this.p = p;
			return this;
		}

		/**
		 * Adds a demand point.
		 * @param first lat in degrees on the sphere, x in metres on the plane
		 * @param second lon in degrees on the sphere, y in metres on the plane
		 * @param weight how much demand is there, finite and ≥ 0
		 * @return this builder
		 */
		public Builder demand(double first, double second, double weight) {
			this.demand.add(first);
			this.demand.add(second);
			this.demandWeights.add(weight);
			return this;
		}

		/**
		 * Adds a candidate site, with its position in the list as its id.
		 * @param first lat in degrees on the sphere, x in metres on the plane
		 * @param second lon in degrees on the sphere, y in metres on the plane
		 * @return this builder
		 */
		public Builder candidate(double first, double second) {
			return candidate(Integer.toString(this.candidateIds.size()), first, second);
		}

		/**
		 * Adds a candidate site.
		 * @param id how the caller knows this candidate, returned with the selection
		 * @param first lat in degrees on the sphere, x in metres on the plane
		 * @param second lon in degrees on the sphere, y in metres on the plane
		 * @return this builder
		 */
		public Builder candidate(String id, double first, double second) {
			this.candidateIds.add(Objects.requireNonNull(id, "id"));
			this.candidates.add(first);
			this.candidates.add(second);
			return this;
		}

		/**
		 * Adds a facility that is already there: it covers demand but is not chosen.
		 * @param first lat in degrees on the sphere, x in metres on the plane
		 * @param second lon in degrees on the sphere, y in metres on the plane
		 * @return this builder
		 */
		public Builder existing(double first, double second) {
			this.existing.add(first);
			this.existing.add(second);
			return this;
		}

		/**
		 * Validates the input and freezes it.
		 * @return the problem
		 * @throws InvalidSiteSelectionException naming the first offending field
		 */
		public SiteSelectionProblem build() {
			if (!Double.isFinite(this.radiusMeters) || this.radiusMeters <= 0) {
				throw new InvalidSiteSelectionException("radiusMeters",
						"must be a finite number > 0 but was " + this.radiusMeters);
			}
			if (this.radiusMeters > MAX_RADIUS_METERS) {
				throw new InvalidSiteSelectionException("radiusMeters",
						"must be at most " + MAX_RADIUS_METERS + " m but was " + this.radiusMeters);
			}
			int demandCount = this.demandWeights.size();
			if (demandCount == 0) {
				throw new InvalidSiteSelectionException("demand", "must not be empty");
			}
			if (demandCount > MAX_DEMAND_POINTS) {
				throw new InvalidSiteSelectionException("demand",
						"must have at most " + MAX_DEMAND_POINTS + " points but had " + demandCount);
			}
			int candidateCount = this.candidateIds.size();
			if (candidateCount > MAX_CANDIDATES) {
				throw new InvalidSiteSelectionException("candidates",
						"must have at most " + MAX_CANDIDATES + " sites but had " + candidateCount);
			}
			if (this.existing.size() / 2 > MAX_CANDIDATES) {
				throw new InvalidSiteSelectionException("existing",
						"must have at most " + MAX_CANDIDATES + " facilities but had " + this.existing.size() / 2);
			}
			if (this.p < 1 || this.p > candidateCount) {
				throw new InvalidSiteSelectionException("p",
						"must be between 1 and the number of candidates (" + candidateCount + ") but was " + this.p);
			}
			for (int i = 0; i < demandCount; i++) {
				checkPosition("demand", i, this.demand.get(2 * i), this.demand.get(2 * i + 1));
				double weight = this.demandWeights.get(i);
				if (!Double.isFinite(weight) || weight < 0) {
					throw new InvalidSiteSelectionException("demand[" + i + "].weight",
							"must be a finite number ≥ 0 but was " + weight);
				}
			}
			for (int j = 0; j < candidateCount; j++) {
				checkPosition("candidates", j, this.candidates.get(2 * j), this.candidates.get(2 * j + 1));
			}
			for (int e = 0; e < this.existing.size() / 2; e++) {
				checkPosition("existing", e, this.existing.get(2 * e), this.existing.get(2 * e + 1));
			}
			return new SiteSelectionProblem(this);
		}

		private void checkPosition(String list, int index, double first, double second) {
			boolean sphere = this.metric == DistanceMetric.GREAT_CIRCLE;
			checkCoordinate(list + "[" + index + "]." + (sphere ? "lat" : "x"), first,
					sphere ? 90 : MAX_PLANAR_COORDINATE);
			checkCoordinate(list + "[" + index + "]." + (sphere ? "lon" : "y"), second,
					sphere ? 180 : MAX_PLANAR_COORDINATE);
		}

		private static void checkCoordinate(String field, double value, double limit) {
			if (!Double.isFinite(value)) {
				throw new InvalidSiteSelectionException(field, "must be a finite number but was " + value);
			}
			if (value < -limit || value > limit) {
				throw new InvalidSiteSelectionException(field,
						"must be between " + -limit + " and " + limit + " but was " + value);
			}
		}

	}

	/** A growable primitive list, so that 200,000 points do not become 600,000 boxes. */
	private static final class DoubleList {

		private double[] values = new double[16];

		private int size;

		void add(double value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		double get(int index) {
			return this.values[index];
		}

		int size() {
			return this.size;
		}

		double[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
