package org.yizhan.grading;

import java.util.List;
import java.util.Map;

/**
 * A rule as a union admin sends it, every number still as typed so that each mistake is
 * named by its field: {@code weight.<CRITERION>}, {@code fullAt.<CRITERION>},
 * {@code zeroAt.<CRITERION>}, {@code stars1}…{@code stars5}, {@code levelCITY},
 * {@code levelPROVINCIAL}, {@code levelNATIONAL}.
 *
 * @param starThresholds the lowest score for 1 to 5 stars
 * @param levelThresholds the lowest score for the city, provincial and national level
 */
public record GradingRuleInput(String union, Map<Criterion, Weighing> criteria, List<String> starThresholds,
		List<String> levelThresholds) {

	/** One criterion's weight and ends as typed. */
	public record Weighing(String weight, String fullAt, String zeroAt) {
	}

}
