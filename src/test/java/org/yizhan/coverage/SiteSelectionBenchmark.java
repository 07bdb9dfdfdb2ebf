package org.yizhan.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs every SJC setting once in a fresh JVM and prints the gap to the proven optimum and
 * the wall time per instance, then the mean and worst gap and the slowest instance. Not a
 * test: timings belong here, not in assertions. Run by {@code bench/site-selection.sh}.
 */
public final class SiteSelectionBenchmark {

	private SiteSelectionBenchmark() {
	}

	public static void main(String[] args) {
		Path folder = (args.length > 0) ? Path.of(args[0]) : SjcInstances.DEFAULT_FOLDER;
		if (!SjcInstances.present(folder)) {
			System.err.println("no SJC instances in " + folder.toAbsolutePath().normalize());
			System.exit(2);
		}
		SiteSelection selection = (args.length > 1) ? SiteSelection.withRounds(Integer.parseInt(args[1]))
				: SiteSelection.standard();
		SiteSelection greedy = SiteSelection.greedyOnly();
		List<SjcInstances.Setting> settings = SjcInstances.settings(folder);
		System.out
			.println("instance      n      S   p    optimum    covered    gap%  greedy-gap%  bound-gap%   millis");
		double sumGap = 0;
		double worstGap = 0;
		double sumGreedyGap = 0;
		long maxMillis = 0;
		long totalMillis = 0;
		String slowest = "";
		for (SjcInstances.Setting setting : settings) {
			SiteSelectionProblem problem = setting.problem();
			SiteSelectionResult result = selection.select(problem);
			SiteSelectionResult greedyResult = greedy.select(problem);
			double gap = setting.gap(result.coveredWeight());
			double greedyGap = setting.gap(greedyResult.coveredWeight());
			double boundGap = (result.upperBound() - result.coveredWeight()) / result.upperBound();
			System.out.printf(Locale.ROOT, "%-9s %5d %6.0f %3d %10.0f %10.0f %7.3f %12.3f %11.3f %8d%n",
					setting.instance(), setting.nodes().length, setting.radiusMeters(), setting.p(), setting.optimum(),
					result.coveredWeight(), 100 * gap, 100 * greedyGap, 100 * boundGap, result.millis());
			sumGap += gap;
			sumGreedyGap += greedyGap;
			worstGap = Math.max(worstGap, gap);
			totalMillis += result.millis();
			if (result.millis() >= maxMillis) {
				maxMillis = result.millis();
				slowest = setting.instance() + " S=" + (int) setting.radiusMeters() + " p=" + setting.p();
			}
		}
		System.out.printf(Locale.ROOT,
				"%d settings: mean gap %.3f%%, worst gap %.3f%% (greedy alone: mean %.3f%%); max %d ms (%s), total %d ms%n",
				settings.size(), 100 * sumGap / settings.size(), 100 * worstGap, 100 * sumGreedyGap / settings.size(),
				maxMillis, slowest, totalMillis);
	}

}
