package org.yizhan.ticket;

/**
 * How far the rectification cases of some inspections have come, as a campaign's progress
 * and report count them.
 *
 * @param cases cases opened
 * @param open open and within the deadline they now run against
 * @param overdue open past that deadline (the ticket list's "overdue")
 * @param awaitingRecheck marked rectified by the station side, waiting for the re-check
 * (回头看)
 * @param rectified closed by a re-check that passed
 */
public record RectificationTally(long cases, long open, long overdue, long awaitingRecheck, long rectified) {

	public static final RectificationTally NONE = new RectificationTally(0, 0, 0, 0, 0);

	public RectificationTally plus(RectificationTally other) {
		return new RectificationTally(cases + other.cases, open + other.open, overdue + other.overdue,
				awaitingRecheck + other.awaitingRecheck, rectified + other.rectified);
	}

}
