package org.yizhan.coverage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Solution quality on the São José dos Campos instances against the optima proven with
 * HiGHS. The instances are CC BY-NC-SA and live outside the repository, in
 * {@code ../shared/data/mclp}; a fresh clone skips this test. Time is measured by
 * {@code bench/site-selection.sh}, not here.
 */
class SjcOptimaTests {

	@Test
	void staysWithinHalfAPercentOnAverageAndOnePercentAtWorstOfEveryProvenOptimum() {
		assumeTrue(SjcInstances.present(SjcInstances.DEFAULT_FOLDER),
				"skipped: the SJC instances are not in " + SjcInstances.DEFAULT_FOLDER.toAbsolutePath().normalize()
						+ " (they are CC BY-NC-SA and not part of the repository)");
		List<SjcInstances.Setting> settings = SjcInstances.settings(SjcInstances.DEFAULT_FOLDER);
		assertThat(settings).hasSize(170);

		double sumGap = 0;
		double worstGap = 0;
		String worst = "";
		for (SjcInstances.Setting setting : settings) {
			SiteSelectionResult result = SiteSelection.standard().select(setting.problem());
			double gap = setting.gap(result.coveredWeight());
			sumGap += gap;
			if (gap > worstGap) {
				worstGap = gap;
				worst = setting.instance() + " S=" + setting.radiusMeters() + " p=" + setting.p();
			}
			assertThat(result.totalWeight()).isEqualTo(setting.totalDemand());
			// the listed optima are proven (or within a 0.005 % MIP gap), so neither the
			// solution nor the bound may contradict them beyond that
			assertThat(result.coveredWeight()).as(setting.instance())
				.isLessThanOrEqualTo(setting.optimum() * (1 + setting.mipGap() + 1e-9));
			assertThat(result.upperBound()).isGreaterThanOrEqualTo(setting.optimum() - 1e-6);
		}
		assertThat(sumGap / settings.size()).as("mean gap").isLessThanOrEqualTo(0.005);
		assertThat(worstGap).as("worst gap (%s)", worst).isLessThanOrEqualTo(0.01);
	}

}
