package org.yizhan.coverage;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the coverage lists and a full selection at the request limit: 200,000 demand
 * points and 20,000 candidates over a city of about 1,000 km² around Hangzhou, radius 1
 * km, on the sphere. Run by {@code bench/site-selection.sh}.
 */
public final class CoverageBuildBenchmark {

	private CoverageBuildBenchmark() {
	}

	public static void main(String[] args) {
		SplittableRandom random = new SplittableRandom(42);
		// 0.29° of latitude and 0.33° of longitude at 30° N are about 32 km each way
		SiteSelectionProblem.Builder builder = SiteSelectionProblem.onSphere()
			.objective(CoverageObjective.DOUBLE)
			.radiusMeters(1000)
			.p(50);
		for (int i = 0; i < 200_000; i++) {
			builder.demand(30.10 + random.nextDouble() * 0.29, 120.00 + random.nextDouble() * 0.33,
					random.nextInt(1, 10));
		}
		for (int j = 0; j < 20_000; j++) {
			builder.candidate(30.10 + random.nextDouble() * 0.29, 120.00 + random.nextDouble() * 0.33);
		}
		for (int e = 0; e < 300; e++) {
			builder.existing(30.10 + random.nextDouble() * 0.29, 120.00 + random.nextDouble() * 0.33);
		}
		SiteSelectionProblem problem = builder.build();
		for (int run = 1; run <= 2; run++) {
			long started = System.nanoTime();
			CoverageLists lists = CoverageLists.of(problem);
			long buildMillis = (System.nanoTime() - started) / 1_000_000;
			SiteSelectionResult greedy = SiteSelection.greedyWithSwaps().select(problem);
			SiteSelectionResult standard = SiteSelection.standard().select(problem);
			System.out.printf(Locale.ROOT,
					"run %d: 200,000 demand x 20,000 candidates, r = 1 km: %,d covering pairs built in %d ms; "
							+ "p = 50 (double): greedy + swaps %d ms, objective %.0f; standard %d ms, objective %.0f; bound %.0f%n",
					run, lists.pairCount(), buildMillis, greedy.millis(), greedy.objectiveValue(), standard.millis(),
					standard.objectiveValue(), standard.upperBound());
		}
	}

}
