package org.yizhan.coverage;

import java.util.List;

/**
 * The sites a selection chose and what they achieve.
 * <p>
 * Objective values and gains are in the objective's units (see
 * {@link CoverageObjective}): covered weight for single coverage, covered weight counted
 * up to twice per point for cross coverage. The covered weights include what the existing
 * facilities already cover.
 *
 * @param objective what was maximised
 * @param selected the chosen candidates' indexes, in pick order: each site is the one of
 * the selection that adds most to those before it
 * @param selectedIds the chosen candidates' ids, in the same order
 * @param gains what each chosen site adds to the objective, in pick order; they sum to
 * {@code objectiveValue - existingValue}
 * @param objectiveValue the objective with the existing and the chosen sites
 * @param existingValue the objective with the existing facilities alone
 * @param upperBound no choice of p sites can reach more than this (a submodularity bound,
 * not the optimum)
 * @param coveredOnceWeight demand weight within reach of at least one facility
 * @param coveredTwiceWeight demand weight within reach of at least two facilities
 * @param totalWeight all demand weight
 * @param millis wall time of the selection, including building the coverage lists
 */
public record SiteSelectionResult(CoverageObjective objective, List<Integer> selected, List<String> selectedIds,
		List<Double> gains, double objectiveValue, double existingValue, double upperBound, double coveredOnceWeight,
		double coveredTwiceWeight, double totalWeight, long millis) {

	public SiteSelectionResult {
		selected = List.copyOf(selected);
		selectedIds = List.copyOf(selectedIds);
		gains = List.copyOf(gains);
	}

	/**
	 * The weight that meets the objective's coverage level: once for single, twice for
	 * cross coverage.
	 * @return the covered demand weight
	 */
	public double coveredWeight() {
		return (this.objective == CoverageObjective.SINGLE) ? this.coveredOnceWeight : this.coveredTwiceWeight;
	}

}
