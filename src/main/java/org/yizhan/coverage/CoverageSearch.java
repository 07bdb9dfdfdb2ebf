package org.yizhan.coverage;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The search state of one site selection and the moves on it: lazy greedy additions,
 * best-improvement swaps, and random kicks between local optima.
 * <p>
 * The objective is {@code Σ w·min(count, level)}; with {@code count} kept per demand
 * point, a candidate's gain is the weight of the points it covers whose count is below
 * the level, and a chosen site's loss the weight of those at or below it. A swap of
 * {@code k} out for {@code j} in changes the objective by {@code gain(j) − loss(k) + Σ w}
 * over the points both cover whose count is exactly the level: those are counted as lost
 * by {@code k} but kept by {@code j}. That correction term only touches demand where
 * {@code k} is critical, which keeps a whole neighbourhood scan near the cost of one pass
 * over the covering pairs.
 */
final class CoverageSearch {

	private final CoverageLists lists;

	private final double[] weight;

	private final int level;

	private final int p;

	/** Improvements smaller than this are rounding, not progress. */
	private final double tolerance;

	private final int[] count;

	private final boolean[] chosen;

	private final int[] chosenSites;

	private int chosenCount;

	private double upperBound;

	/** Scratch for the swap scan, all zero between uses. */
	private final double[] gain;

	private final double[] shared;

	private final int[] touched;

	/**
	 * Candidates that the greedy fill must not pick, set only during a ruin-and-recreate.
	 */
	private final boolean[] barred;

	CoverageSearch(CoverageLists lists, double[] weight, int level, int p) {
		this.lists = lists;
		this.weight = weight;
		this.level = level;
		this.p = p;
		double total = 0;
		for (double w : weight) {
			total += w;
		}
		this.tolerance = 1e-9 * Math.max(1, total);
		this.count = lists.existingCount.clone();
		this.chosen = new boolean[lists.candidateCount];
		this.chosenSites = new int[p];
		this.gain = new double[lists.candidateCount];
		this.shared = new double[lists.candidateCount];
		this.touched = new int[lists.candidateCount];
		this.barred = new boolean[lists.candidateCount];
		this.upperBound = level * total;
	}

	/** Recomputed from the counts, so accumulated rounding never reaches a result. */
	double value() {
		double value = 0;
		for (int i = 0; i < this.count.length; i++) {
			value += this.weight[i] * Math.min(this.count[i], this.level);
		}
		return value;
	}

	double upperBound() {
		return this.upperBound;
	}

	int[] chosenSites() {
		return Arrays.copyOf(this.chosenSites, this.chosenCount);
	}

	void add(int j) {
		for (int k = this.lists.candidateStart[j]; k < this.lists.candidateStart[j + 1]; k++) {
			this.count[this.lists.demandOf[k]]++;
		}
		this.chosen[j] = true;
		this.chosenSites[this.chosenCount++] = j;
	}

	void remove(int j) {
		for (int k = this.lists.candidateStart[j]; k < this.lists.candidateStart[j + 1]; k++) {
			this.count[this.lists.demandOf[k]]--;
		}
		this.chosen[j] = false;
		int at = 0;
		while (this.chosenSites[at] != j) {
			at++;
		}
		System.arraycopy(this.chosenSites, at + 1, this.chosenSites, at, this.chosenCount - at - 1);
		this.chosenCount--;
	}

	/** Replaces the chosen sites by the given ones, in that order. */
	void reset(int[] sites) {
		while (this.chosenCount > 0) {
			remove(this.chosenSites[this.chosenCount - 1]);
		}
		for (int j : sites) {
			add(j);
		}
	}

	double gainOf(int j) {
		double g = 0;
		for (int k = this.lists.candidateStart[j]; k < this.lists.candidateStart[j + 1]; k++) {
			int i = this.lists.demandOf[k];
			if (this.count[i] < this.level) {
				g += this.weight[i];
			}
		}
		return g;
	}

	private double lossOf(int j) {
		double loss = 0;
		for (int k = this.lists.candidateStart[j]; k < this.lists.candidateStart[j + 1]; k++) {
			int i = this.lists.demandOf[k];
			if (this.count[i] <= this.level) {
				loss += this.weight[i];
			}
		}
		return loss;
	}

	/**
	 * Adds sites greedily until p are chosen, re-evaluating a candidate only when it
	 * reaches the top of the queue with a gain from an earlier round (CELF): gains only
	 * shrink as sites are added, so a stale gain is an upper bound and the first fresh
	 * top is the best. Ties go to the lower candidate index, as the queue orders by (gain
	 * desc, index asc).
	 * @return the gain of each site added, in order
	 */
	double[] fillGreedily() {
		double[] gains = new double[this.p - this.chosenCount];
		PriorityQueue<long[]> queue = new PriorityQueue<>(Math.max(1, this.lists.candidateCount),
				CoverageSearch::compareEntries);
		double base = value();
		double[] bestGains = new double[this.lists.candidateCount];
		int candidates = 0;
		for (int j = 0; j < this.lists.candidateCount; j++) {
			if (!this.chosen[j] && !this.barred[j]) {
				double g = gainOf(j);
				bestGains[candidates++] = g;
				queue.add(entry(g, j, this.chosenCount));
			}
		}
		tightenBound(base, bestGains, candidates);
		int picked = 0;
		while (this.chosenCount < this.p) {
			long[] top = queue.poll();
			int j = (int) top[1];
			if (top[2] == this.chosenCount) {
				gains[picked++] = Double.longBitsToDouble(top[0]);
				add(j);
			}
			else {
				queue.add(entry(gainOf(j), j, this.chosenCount));
			}
		}
		return gains;
	}

	private static long[] entry(double gain, int candidate, int round) {
		return new long[] { Double.doubleToLongBits(gain), candidate, round };
	}

	private static int compareEntries(long[] a, long[] b) {
		int byGain = Double.compare(Double.longBitsToDouble(b[0]), Double.longBitsToDouble(a[0]));
		return (byGain != 0) ? byGain : Long.compare(a[1], b[1]);
	}

	/**
	 * Applies the best improving swap until none is left.
	 * @return whether any swap was made
	 */
	boolean swapToLocalOptimum() {
		boolean improved = false;
		while (bestSwap()) {
			improved = true;
		}
		return improved;
	}

	/**
	 * Scans every (chosen out, unchosen in) pair once and applies the best if it
	 * improves. Ties go to the lower outgoing, then the lower incoming candidate index.
	 */
	private boolean bestSwap() {
		int m = this.lists.candidateCount;
		double base = value();
		int unchosen = 0;
		Integer[] order = new Integer[m - this.chosenCount];
		double[] unchosenGains = new double[m - this.chosenCount];
		for (int j = 0; j < m; j++) {
			if (!this.chosen[j]) {
				this.gain[j] = gainOf(j);
				unchosenGains[unchosen] = this.gain[j];
				order[unchosen++] = j;
			}
		}
		tightenBound(base, unchosenGains, unchosen);
		Arrays.sort(order, (a, b) -> {
			int byGain = Double.compare(this.gain[b], this.gain[a]);
			return (byGain != 0) ? byGain : Integer.compare(a, b);
		});
		double bestDelta = this.tolerance;
		int bestOut = -1;
		int bestIn = -1;
		int[] outs = chosenSites();
		Arrays.sort(outs);
		for (int out : outs) {
			double loss = lossOf(out);
			int touchedCount = collectShared(out);
			for (int t = 0; t < touchedCount; t++) {
				int in = this.touched[t];
				double delta = this.gain[in] + this.shared[in] - loss;
				if (delta > bestDelta || (delta == bestDelta && bestOut == out && in < bestIn)) {
					bestDelta = delta;
					bestOut = out;
					bestIn = in;
				}
			}
			// the best candidate sharing no critical demand with out is the first such in
			// gain order
			for (Integer in : order) {
				if (this.shared[in] == 0) {
					double delta = this.gain[in] - loss;
					if (delta > bestDelta || (delta == bestDelta && bestOut == out && in < bestIn)) {
						bestDelta = delta;
						bestOut = out;
						bestIn = in;
					}
					break;
				}
			}
			for (int t = 0; t < touchedCount; t++) {
				this.shared[this.touched[t]] = 0;
			}
		}
		if (bestOut < 0) {
			return false;
		}
		remove(bestOut);
		add(bestIn);
		return true;
	}

	/**
	 * Sums, per unchosen candidate, the weight of the demand it shares with {@code out}
	 * where {@code out} is critical (the count is exactly the level).
	 * @return how many candidates were touched, listed in {@link #touched}
	 */
	private int collectShared(int out) {
		int touchedCount = 0;
		for (int k = this.lists.candidateStart[out]; k < this.lists.candidateStart[out + 1]; k++) {
			int i = this.lists.demandOf[k];
			if (this.count[i] != this.level || this.weight[i] == 0) {
				continue;
			}
			for (int c = this.lists.demandStart[i]; c < this.lists.demandStart[i + 1]; c++) {
				int in = this.lists.candidateOf[c];
				if (this.chosen[in]) {
					continue;
				}
				if (this.shared[in] == 0) {
					this.touched[touchedCount++] = in;
				}
				this.shared[in] += this.weight[i];
			}
		}
		return touchedCount;
	}

	/**
	 * By submodularity, no p sites can add more to any solution than its p largest single
	 * gains, and adding sites never lowers the objective, so {@code value + top-p gains}
	 * is an upper bound of the optimum wherever it is evaluated (Nemhauser, Wolsey and
	 * Fisher 1978; the "online bound" of Leskovec et al. 2007).
	 */
	private void tightenBound(double base, double[] gains, int size) {
		double[] sorted = Arrays.copyOf(gains, size);
		Arrays.sort(sorted);
		double bound = base;
		for (int t = 0; t < this.p && t < size; t++) {
			bound += sorted[size - 1 - t];
		}
		this.upperBound = Math.min(this.upperBound, bound);
	}

	/**
	 * Swaps {@code strength} random chosen sites for random unchosen candidates that
	 * cover demand still below the level, to leave the current local optimum.
	 */
	void kick(SplittableRandom random, int strength) {
		for (int s = 0; s < strength; s++) {
			int out = this.chosenSites[random.nextInt(this.chosenCount)];
			int in = -1;
			for (int attempt = 0; attempt < 20 && in < 0; attempt++) {
				int j = random.nextInt(this.lists.candidateCount);
				if (!this.chosen[j] && gainOf(j) > 0) {
					in = j;
				}
			}
			if (in < 0) {
				return;
			}
			remove(out);
			add(in);
		}
	}

	/**
	 * Removes {@code strength} random chosen sites and refills greedily without them, a
	 * larger step than random swaps that still lands on sensible sites.
	 */
	void ruinAndRecreate(SplittableRandom random, int strength) {
		int[] removed = new int[Math.min(strength, this.chosenCount)];
		for (int s = 0; s < removed.length; s++) {
			removed[s] = this.chosenSites[random.nextInt(this.chosenCount)];
			remove(removed[s]);
			this.barred[removed[s]] = true;
		}
		fillGreedily();
		for (int j : removed) {
			this.barred[j] = false;
		}
	}

	boolean reachedBound(double value) {
		return this.upperBound - value <= this.tolerance;
	}

	double tolerance() {
		return this.tolerance;
	}

	/**
	 * The demand weight within reach of at least {@code times} facilities, existing or
	 * chosen.
	 */
	double weightCoveredAtLeast(int times) {
		double covered = 0;
		for (int i = 0; i < this.count.length; i++) {
			if (this.count[i] >= times) {
				covered += this.weight[i];
			}
		}
		return covered;
	}

}
