package org.yizhan.grading;

import java.math.BigDecimal;

import org.yizhan.station.StationLevel;

/**
 * What an assessment read about one station for its period, each figure from the module
 * that keeps it (see {@link Criterion}); {@code null} where there was nothing to read (no
 * judgement, no inspection, no counted rating).
 *
 * @param satisfiedPct the share (%) of counted ratings of four stars or more
 * @param priorPct the same share in the twelve months before the period
 */
public record StationEvidence(long stationId, String code, String name, String districtCode, StationLevel currentLevel,
		int currentStars, Boolean checklistMet, BigDecimal inspectionScore, int inspections, int rated,
		BigDecimal satisfiedPct, BigDecimal priorPct, int silentMonths, int openCases, int overdueCases, long visits) {

	/** The evidence value of one criterion, as the rule judges it. */
	public BigDecimal value(Criterion criterion) {
		return switch (criterion) {
			case CHECKLIST -> this.checklistMet == null ? null : (this.checklistMet ? BigDecimal.ONE : BigDecimal.ZERO);
			case INSPECTION -> this.inspectionScore;
			case SATISFACTION -> this.satisfiedPct;
			case SATISFACTION_TREND ->
				(this.satisfiedPct == null || this.priorPct == null) ? null : this.satisfiedPct.subtract(this.priorPct);
			case SILENT_MONTHS -> BigDecimal.valueOf(this.silentMonths);
			case OPEN_CASES -> BigDecimal.valueOf(this.openCases);
			case OVERDUE_CASES -> BigDecimal.valueOf(this.overdueCases);
			case VISITS -> BigDecimal.valueOf(this.visits);
		};
	}

}
