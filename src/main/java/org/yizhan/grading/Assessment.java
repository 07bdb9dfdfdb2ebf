package org.yizhan.grading;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.yizhan.station.StationLevel;

/**
 * What a rule makes of one station's evidence: the score (0–100), the level and stars it
 * earns, and the explanation, criterion by criterion.
 */
public record Assessment(BigDecimal score, StationLevel level, int stars, List<CriterionScore> criteria) {

	public Assessment {
		criteria = List.copyOf(criteria);
	}

	/** The criteria that lost points, the costliest first: why a station falls short. */
	public List<CriterionScore> shortfalls() {
		return this.criteria.stream()
			.filter(c -> c.lostPoints().signum() > 0)
			.sorted(Comparator.comparing(CriterionScore::lostPoints).reversed())
			.toList();
	}

}
