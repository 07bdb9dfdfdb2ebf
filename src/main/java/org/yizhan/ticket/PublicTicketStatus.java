package org.yizhan.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * What the reporter sees of a ticket by its number: never who handles it, the reporter's
 * own description or the photo; the resolution note is public, since staff write it for
 * the reporter.
 *
 * @param number the ticket's number
 * @param stationCode the station's code
 * @param stationName the station's name
 * @param problem what was reported
 * @param status open or resolved
 * @param createdAt when it was reported
 * @param dueAt when its current holder's time is up
 * @param resolvedAt when it was resolved, or {@code null}
 * @param resolutionNote the note for the reporter, or {@code null}
 * @param mergedInto the ticket this one was merged into, which the reporter follows
 * instead, or {@code null}
 * @param source how it was opened
 * @param reopenCount how often its reporter reopened it
 */
public record PublicTicketStatus(TicketNumber number, String stationCode, String stationName, ProblemType problem,
		TicketStatus status, Instant createdAt, Instant dueAt, Instant resolvedAt, String resolutionNote,
		TicketNumber mergedInto, TicketSource source, int reopenCount) {

	/**
	 * How long after its resolution a worker may reopen a case: long enough to pass the
	 * station again on a round, short enough that an old case is not revived for a new
	 * problem (which is a new report).
	 */
	public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

	/** Why a case cannot be reopened, or {@link #REOPENABLE}. */
	public enum Reopening {

		REOPENABLE,
		/** Not resolved: there is nothing to reopen. */
		NOT_RESOLVED,
		/** Merged into another case, which the reporter follows instead. */
		MERGED,
		/** Opened by staff, a station or an inspection: no worker reported it. */
		NOT_REPORTED_BY_A_WORKER,
		/** Resolved longer than {@link #REOPEN_WINDOW} ago. */
		TOO_LATE

	}

	/** Whether the reporter may reopen it at {@code now}, or why not. */
	public Reopening reopeningAt(Instant now) {
		if (this.status != TicketStatus.RESOLVED) {
			return Reopening.NOT_RESOLVED;
		}
		if (isMerged()) {
			return Reopening.MERGED;
		}
		if (!this.source.reportedByWorker()) {
			return Reopening.NOT_REPORTED_BY_A_WORKER;
		}
		return now.isBefore(reopenableUntil()) ? Reopening.REOPENABLE : Reopening.TOO_LATE;
	}

	/** Until when a resolved case may be reopened, or {@code null} while it is not. */
	public Instant reopenableUntil() {
		return (this.resolvedAt != null) ? this.resolvedAt.plus(REOPEN_WINDOW) : null;
	}

	/** Closed as a duplicate of {@link #mergedInto()}. */
	public boolean isMerged() {
		return this.mergedInto != null;
	}

}
