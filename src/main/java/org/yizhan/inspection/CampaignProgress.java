package org.yizhan.inspection;

import java.util.List;

import org.yizhan.ticket.RectificationTally;

/**
 * How far a campaign has come: the whole sample and one row per union directly below the
 * campaign's union (the district itself for a district's campaign).
 */
public record CampaignProgress(Campaign campaign, Counts total, List<UnionCounts> unions) {

	public CampaignProgress {
		unions = List.copyOf(unions);
	}

	/**
	 * @param planned stations sampled
	 * @param visited of them, inspected
	 * @param passed inspected and passed
	 * @param failed inspected and failed
	 * @param rectification the rectification cases (整改) their failed items opened: open,
	 * overdue, waiting for the re-check, rectified (closed by a passed re-check)
	 */
	public record Counts(long planned, long visited, long passed, long failed, RectificationTally rectification) {

		public static final Counts NONE = new Counts(0, 0, 0, 0, RectificationTally.NONE);

		Counts plus(Counts other) {
			return new Counts(planned + other.planned, visited + other.visited, passed + other.passed,
					failed + other.failed, rectification.plus(other.rectification));
		}

		Counts with(RectificationTally cases) {
			return new Counts(planned, visited, passed, failed, rectification.plus(cases));
		}

		public int visitedPercent() {
			return planned == 0 ? 0 : (int) (visited * 100 / planned);
		}

	}

	public record UnionCounts(String code, String name, Counts counts) {
	}

}
