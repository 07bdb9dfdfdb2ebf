package org.yizhan.onboarding;

import java.util.List;

/**
 * Where a programme stands: its counts for the whole subtree against the target, and per
 * union directly below the programme's union (a district programme has its own row only).
 * Rows are limited to the unions the caller sees.
 */
public record ProgrammeProgress(Programme programme, Counts total, List<UnionCounts> unions) {

	/** Submitted in the period; approved; built (the station created); listed now. */
	public record Counts(long applied, long approved, long built, long listed) {

		/** The share of the target listed, in whole percent, at most 100. */
		public int listedPercent(int target) {
			return (int) Math.min(100, this.listed * 100 / Math.max(1, target));
		}

	}

	public record UnionCounts(String code, String name, Counts counts) {
	}

}
