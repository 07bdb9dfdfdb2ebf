package org.yizhan.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.yizhan.station.StationLevel;

/**
 * A union's rule for grading its stations, one saved version of it: the criteria with
 * their weights and ends, and the lowest score for each number of stars and each level. A
 * station's score is the weighted share of full marks of its criteria, out of 100; it
 * earns every star and the highest level whose threshold it reaches. Versions are never
 * changed once saved, so a run's proposals can always be explained by the rule it used.
 *
 * @param id {@code null} for the default rule a union has before it saves one
 * @param starThresholds the lowest score for 1 to 5 stars, strictly rising
 * @param levelThresholds the lowest score for the city, provincial and national level,
 * strictly rising
 */
public record GradingRule(Long id, String ownerCode, int version, List<CriterionRule> criteria,
		List<BigDecimal> starThresholds, List<BigDecimal> levelThresholds, Instant createdAt, String createdBy) {

	/** The levels the level thresholds stand for, in their order. */
	public static final List<StationLevel> LEVELS = List.of(StationLevel.CITY, StationLevel.PROVINCIAL,
			StationLevel.NATIONAL);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public GradingRule {
		criteria = List.copyOf(criteria);
		starThresholds = List.copyOf(starThresholds);
		levelThresholds = List.copyOf(levelThresholds);
	}

	/** What a union grades by before it saves a rule of its own. */
	public static GradingRule defaults(String ownerCode) {
		return new GradingRule(null, ownerCode, 0,
				Arrays.stream(Criterion.values()).map(Criterion::defaultRule).toList(),
				decimals("40", "55", "70", "80", "90"), decimals("60", "80", "92"), null, null);
	}

	/**
	 * The station's score, stars and level under this rule, with each criterion's part.
	 */
	public Assessment assess(StationEvidence evidence) {
		int total = this.criteria.stream().mapToInt(CriterionRule::weight).sum();
		List<CriterionScore> scores = new ArrayList<>(this.criteria.size());
		BigDecimal score = BigDecimal.ZERO;
		for (CriterionRule rule : this.criteria) {
			BigDecimal value = evidence.value(rule.criterion());
			BigDecimal fraction = rule.fraction(value);
			BigDecimal worth = (total == 0) ? BigDecimal.ZERO
					: BigDecimal.valueOf(rule.weight())
						.multiply(HUNDRED)
						.divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
			BigDecimal points = worth.multiply(fraction).setScale(2, RoundingMode.HALF_UP);
			scores.add(new CriterionScore(rule, value, fraction, points,
					worth.setScale(2, RoundingMode.HALF_UP).subtract(points)));
			score = score.add(points);
		}
		score = score.setScale(1, RoundingMode.HALF_UP);
		int stars = 0;
		for (BigDecimal threshold : this.starThresholds) {
			if (score.compareTo(threshold) >= 0) {
				stars++;
			}
		}
		StationLevel level = StationLevel.NONE;
		for (int i = 0; i < LEVELS.size(); i++) {
			if (score.compareTo(this.levelThresholds.get(i)) >= 0) {
				level = LEVELS.get(i);
			}
		}
		return new Assessment(score, level, stars, scores);
	}

	private static List<BigDecimal> decimals(String... values) {
		return Arrays.stream(values).map(BigDecimal::new).toList();
	}

}
