package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;
import org.yizhan.station.ResponsibleLevel;

/**
 * A ticket was resolved, with a note for the reporter (and a photo where the problem type
 * needs one).
 *
 * @param ticketId the ticket's id
 * @param number the ticket's number
 * @param station the station concerned
 * @param problem what was reported
 * @param level the level that held it when it was resolved
 * @param resolvedBy the account that resolved it
 * @param resolvedAt when
 * @param overdue whether its deadline had passed by then
 */
@DomainEvent
public record TicketResolved(long ticketId, String number, StationId station, ProblemType problem,
		ResponsibleLevel level, long resolvedBy, Instant resolvedAt, boolean overdue) {
}
