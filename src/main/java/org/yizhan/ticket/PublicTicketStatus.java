package org.yizhan.ticket;

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
 */
public record PublicTicketStatus(TicketNumber number, String stationCode, String stationName, ProblemType problem,
		TicketStatus status, Instant createdAt, Instant dueAt, Instant resolvedAt, String resolutionNote,
		TicketNumber mergedInto) {

	/** Closed as a duplicate of {@link #mergedInto()}. */
	public boolean isMerged() {
		return this.mergedInto != null;
	}

}
