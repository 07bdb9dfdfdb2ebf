package org.yizhan.coverage;

/**
 * What a site selection maximises.
 * <p>
 * Both objectives are {@code Σ weight · min(count, level)} over the demand points, where
 * {@code count} is how many facilities (existing or chosen) cover the point: each of the
 * first {@code level} covers of a point is worth its full weight, and further covers are
 * worth nothing. For {@link #DOUBLE} a site therefore gains a point's full weight whether
 * the point had no facility yet or exactly one.
 * <p>
 * The stricter alternative for cross coverage, {@code Σ weight · [count ≥ 2]}, was
 * rejected: it gives a first facility near uncovered demand no value at all, so a greedy
 * start cannot see any gain until two sites overlap, and it is not submodular, which
 * would void the lazy-evaluation invariant (a stale gain is an upper bound of the fresh
 * one) and the online upper bound. {@code min(count, 2)} is a concave function of a
 * count, hence submodular, and its maximum covers the most demand twice up to what the
 * budget allows; the result still reports the weight covered twice on its own.
 */
public enum CoverageObjective {

	/** Demand counts once it is within reach of at least one facility. */
	SINGLE(1),

	/**
	 * Cross coverage: demand counts once for its first facility and once more for its
	 * second, so the objective ranges up to twice the total weight.
	 */
	DOUBLE(2);

	private final int level;

	CoverageObjective(int level) {
		this.level = level;
	}

	/**
	 * How many covers of a demand point count towards the objective.
	 * @return 1 for single, 2 for cross coverage
	 */
	public int level() {
		return this.level;
	}

}
