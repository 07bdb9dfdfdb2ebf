package org.yizhan.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one criterion counts in a rule: its weight, and the evidence value worth full marks
 * and the one worth none; in between the points fall linearly, beyond them they stay at
 * full or none. Either end may be the larger (more visits is better, more open cases
 * worse).
 */
public record CriterionRule(Criterion criterion, int weight, BigDecimal fullAt, BigDecimal zeroAt) {

	/**
	 * The share of full marks (0–1, four decimals) that {@code value} earns; no evidence
	 * earns none.
	 */
	public BigDecimal fraction(BigDecimal value) {
		if (value == null) {
			return BigDecimal.ZERO;
		}
		BigDecimal share = value.subtract(this.zeroAt)
			.divide(this.fullAt.subtract(this.zeroAt), 4, RoundingMode.HALF_UP);
		return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
	}

}
