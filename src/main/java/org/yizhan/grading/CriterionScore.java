package org.yizhan.grading;

import java.math.BigDecimal;

/**
 * One line of a proposal's explanation: the criterion's evidence value ({@code null}: no
 * evidence in the period), the rule that judged it, the share of full marks it earned and
 * the points (of 100) it contributed and lost.
 */
public record CriterionScore(CriterionRule rule, BigDecimal value, BigDecimal fraction, BigDecimal points,
		BigDecimal lostPoints) {

	public Criterion criterion() {
		return this.rule.criterion();
	}

}
