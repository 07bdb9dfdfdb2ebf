package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;
import org.yizhan.station.ResponsibleLevel;

/**
 * A case was opened for a problem of a station (a worker's report, a self-check, union
 * staff or an inspection's failed item), held by the lowest level of the station's
 * responsibility chain that has someone in it.
 *
 * @param ticketId the ticket's id
 * @param number the ticket's number (the reporter's key to its status page)
 * @param station the station concerned
 * @param problem what was reported
 * @param level the level that holds the ticket
 * @param assigneeId the account holding it, {@code null} when a union holds it
 * @param unionCode the union holding it, {@code null} when a person holds it
 * @param dueAt when it escalates if not resolved
 * @param reportedAt when it was reported
 * @param source how it was opened
 */
@DomainEvent
public record ProblemReported(long ticketId, String number, StationId station, ProblemType problem,
		ResponsibleLevel level, Long assigneeId, String unionCode, Instant dueAt, Instant reportedAt,
		TicketSource source) {
}
