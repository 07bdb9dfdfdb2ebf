package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.StationId;

/**
 * An open ticket was found to report the same problem as another open ticket of its
 * station and merged into it: it is closed (resolved as a duplicate) and its reports now
 * count on the surviving ticket, which its reporter is pointed to. Not a
 * {@link TicketResolved}: nothing was done about the problem yet.
 *
 * @param ticketId the merged ticket's id
 * @param number the merged ticket's number
 * @param into the surviving ticket's number
 * @param station the station concerned
 * @param problem what the merged ticket reported
 * @param level the level that held the merged ticket
 * @param mergedBy the account that merged it
 * @param mergedAt when
 */
@DomainEvent
public record TicketMerged(long ticketId, String number, String into, StationId station, ProblemType problem,
		ResponsibleLevel level, long mergedBy, Instant mergedAt) {
}
