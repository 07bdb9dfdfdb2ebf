package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SiteSelectionTests {

	@ParameterizedTest
	@EnumSource(CoverageObjective.class)
	void findsTheBruteForceOptimumOnSmallRandomInstances(CoverageObjective objective) {
		for (int seed = 0; seed < 40; seed++) {
			Random random = new Random(seed);
			int p = 1 + seed % 4;
			RandomInstance instance = RandomInstance.of(random, 60, 12, seed % 3, 1000, 260);
			SiteSelectionProblem problem = instance.problem(objective, p);

			SiteSelectionResult result = SiteSelection.standard().select(problem);
			double optimum = instance.bruteForceOptimum(objective.level(), p);

			assertThat(result.objectiveValue()).as("seed %d, p %d", seed, p).isCloseTo(optimum, within(1e-9));
			assertThat(instance.value(objective.level(), result.selected())).isCloseTo(result.objectiveValue(),
					within(1e-9));
			assertThat(result.upperBound()).isGreaterThanOrEqualTo(optimum - 1e-9);
			assertThat(result.selected()).hasSize(p).doesNotHaveDuplicates();
			assertThat(result.gains().stream().mapToDouble(Double::doubleValue).sum())
				.isCloseTo(result.objectiveValue() - result.existingValue(), within(1e-9));
		}
	}

	@Test
	void swapsRepairWhatGreedyGetsWrong() {
		// a b c d on a line, weight 3 each; M also covers e (weight 1), so greedy takes M
		// first and can then add only one of a or d: 10, where L and R together cover 12
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.radiusMeters(6)
			.p(2)
			.demand(0, 0, 3)
			.demand(10, 0, 3)
			.demand(20, 0, 3)
			.demand(30, 0, 3)
			.demand(15, 0, 1)
			.candidate("L", 5, 0)
			.candidate("M", 15, 0)
			.candidate("R", 25, 0)
			.build();

		SiteSelectionResult greedy = SiteSelection.greedyOnly().select(problem);
		SiteSelectionResult swapped = SiteSelection.greedyWithSwaps().select(problem);

		assertThat(greedy.selectedIds()).containsExactly("M", "L");
		assertThat(greedy.coveredWeight()).isEqualTo(10);
		assertThat(swapped.selectedIds()).containsExactly("L", "R");
		assertThat(swapped.gains()).containsExactly(6.0, 6.0);
		assertThat(swapped.coveredWeight()).isEqualTo(12);
		assertThat(swapped.upperBound()).isGreaterThanOrEqualTo(12).isLessThanOrEqualTo(13);
	}

	@Test
	void greedyAloneKeepsItsPickOrderAndGains() {
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.radiusMeters(6)
			.p(2)
			.demand(0, 0, 3)
			.demand(10, 0, 3)
			.demand(20, 0, 3)
			.demand(30, 0, 3)
			.demand(15, 0, 1)
			.candidate("L", 5, 0)
			.candidate("M", 15, 0)
			.candidate("R", 25, 0)
			.build();

		SiteSelectionResult greedy = SiteSelection.greedyOnly().select(problem);

		// L and R tie at 3 after M; the lower candidate index wins
		assertThat(greedy.gains()).containsExactly(7.0, 3.0);
	}

	@Test
	void existingFacilitiesCountAsAlreadyCovering() {
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.radiusMeters(5)
			.p(1)
			.demand(0, 0, 10)
			.demand(100, 0, 4)
			.candidate("near-existing", 1, 0)
			.candidate("far", 100, 1)
			.existing(0, 1)
			.build();

		SiteSelectionResult result = SiteSelection.standard().select(problem);

		assertThat(result.selectedIds()).containsExactly("far");
		assertThat(result.gains()).containsExactly(4.0);
		assertThat(result.existingValue()).isEqualTo(10);
		assertThat(result.coveredWeight()).isEqualTo(14);
		assertThat(result.totalWeight()).isEqualTo(14);
	}

	@Test
	void crossCoverageGainsFullWeightForASecondStation() {
		// the heavy point has one existing station; the light one has none
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.objective(CoverageObjective.DOUBLE)
			.radiusMeters(5)
			.p(1)
			.demand(0, 0, 10)
			.demand(100, 0, 4)
			.candidate("second-for-heavy", 1, 0)
			.candidate("first-for-light", 100, 1)
			.existing(0, 1)
			.build();

		SiteSelectionResult cross = SiteSelection.standard().select(problem);

		assertThat(cross.selectedIds()).containsExactly("second-for-heavy");
		assertThat(cross.gains()).containsExactly(10.0);
		assertThat(cross.objectiveValue()).isEqualTo(20);
		assertThat(cross.coveredTwiceWeight()).isEqualTo(10);
		assertThat(cross.coveredWeight()).isEqualTo(10);
		assertThat(cross.coveredOnceWeight()).isEqualTo(10);
	}

	@Test
	void crossCoverageIgnoresAThirdStation() {
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.objective(CoverageObjective.DOUBLE)
			.radiusMeters(5)
			.p(1)
			.demand(0, 0, 10)
			.demand(100, 0, 4)
			.candidate("third-for-heavy", 1, 0)
			.candidate("first-for-light", 100, 1)
			.existing(0, 1)
			.existing(1, 1)
			.build();

		SiteSelectionResult cross = SiteSelection.standard().select(problem);

		assertThat(cross.selectedIds()).containsExactly("first-for-light");
		assertThat(cross.gains()).containsExactly(4.0);
	}

	@Test
	void sameProblemGetsTheSameAnswerEveryTime() {
		RandomInstance instance = RandomInstance.of(new Random(7), 3000, 400, 20, 20_000, 900);
		SiteSelectionProblem problem = instance.problem(CoverageObjective.DOUBLE, 25);

		SiteSelectionResult first = SiteSelection.standard().select(problem);
		SiteSelectionResult second = SiteSelection.standard().select(problem);

		assertThat(second.selected()).isEqualTo(first.selected());
		assertThat(second.gains()).isEqualTo(first.gains());
		assertThat(second.objectiveValue()).isEqualTo(first.objectiveValue());
		assertThat(second.upperBound()).isEqualTo(first.upperBound());
	}

	@Test
	void iteratedSearchNeverEndsBelowTheFirstLocalOptimum() {
		for (int seed = 100; seed < 110; seed++) {
			RandomInstance instance = RandomInstance.of(new Random(seed), 1500, 300, 5, 10_000, 500);
			SiteSelectionProblem problem = instance.problem(CoverageObjective.SINGLE, 15);

			SiteSelectionResult greedy = SiteSelection.greedyOnly().select(problem);
			SiteSelectionResult local = SiteSelection.greedyWithSwaps().select(problem);
			SiteSelectionResult full = SiteSelection.standard().select(problem);

			assertThat(local.objectiveValue()).isGreaterThanOrEqualTo(greedy.objectiveValue());
			assertThat(full.objectiveValue()).isGreaterThanOrEqualTo(local.objectiveValue());
			assertThat(full.upperBound()).isGreaterThanOrEqualTo(full.objectiveValue());
			assertThat(instance.value(1, full.selected())).isCloseTo(full.objectiveValue(), within(1e-6));
		}
	}

	@Test
	void swapSearchStopsOnlyWhereNoSingleSwapImproves() {
		RandomInstance instance = RandomInstance.of(new Random(3), 200, 30, 2, 3000, 450);
		SiteSelectionProblem problem = instance.problem(CoverageObjective.DOUBLE, 5);

		SiteSelectionResult local = SiteSelection.greedyWithSwaps().select(problem);

		List<Integer> chosen = local.selected();
		for (int out : chosen) {
			for (int in = 0; in < 30; in++) {
				if (!chosen.contains(in)) {
					List<Integer> swapped = new ArrayList<>(chosen);
					swapped.set(swapped.indexOf(out), in);
					assertThat(instance.value(2, swapped)).isLessThanOrEqualTo(local.objectiveValue() + 1e-9);
				}
			}
		}
	}

	/** Random planar points with brute-force evaluation straight from the distances. */
	record RandomInstance(double[][] demand, double[][] candidates, double[][] existing, double radius) {

		static RandomInstance of(Random random, int demandCount, int candidateCount, int existingCount, double side,
				double radius) {
			return new RandomInstance(points(random, demandCount, side, true),
					points(random, candidateCount, side, false), points(random, existingCount, side, false), radius);
		}

		private static double[][] points(Random random, int count, double side, boolean weighted) {
			double[][] points = new double[count][];
			for (int i = 0; i < count; i++) {
				points[i] = new double[] { random.nextDouble() * side, random.nextDouble() * side,
						weighted ? random.nextInt(10) : 0 };
			}
			return points;
		}

		SiteSelectionProblem problem(CoverageObjective objective, int p) {
			SiteSelectionProblem.Builder builder = SiteSelectionProblem.onPlane()
				.objective(objective)
				.radiusMeters(this.radius)
				.p(p);
			for (double[] d : this.demand) {
				builder.demand(d[0], d[1], d[2]);
			}
			for (double[] c : this.candidates) {
				builder.candidate(c[0], c[1]);
			}
			for (double[] e : this.existing) {
				builder.existing(e[0], e[1]);
			}
			return builder.build();
		}

		double value(int level, List<Integer> sites) {
			double value = 0;
			for (double[] d : this.demand) {
				int count = 0;
				for (double[] e : this.existing) {
					count += covers(e, d) ? 1 : 0;
				}
				for (int j : sites) {
					count += covers(this.candidates[j], d) ? 1 : 0;
				}
				value += d[2] * Math.min(count, level);
			}
			return value;
		}

		private boolean covers(double[] site, double[] point) {
			return Math.hypot(site[0] - point[0], site[1] - point[1]) <= this.radius;
		}

		double bruteForceOptimum(int level, int p) {
			return best(level, p, 0, new ArrayList<>());
		}

		private double best(int level, int p, int from, List<Integer> chosen) {
			if (chosen.size() == p) {
				return value(level, chosen);
			}
			double best = Double.NEGATIVE_INFINITY;
			for (int j = from; j < this.candidates.length; j++) {
				chosen.add(j);
				best = Math.max(best, best(level, p, j + 1, chosen));
				chosen.remove(chosen.size() - 1);
			}
			return best;
		}

	}

}
