package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;
import org.yizhan.station.ResponsibleLevel;

/**
 * An open ticket passed its deadline and moved one level up the station's responsibility
 * chain (levels without anyone in them skipped), with a new deadline.
 *
 * @param ticketId the ticket's id
 * @param number the ticket's number
 * @param station the station concerned
 * @param problem what was reported
 * @param from the level that let the deadline pass
 * @param to the level that holds it now
 * @param assigneeId the account holding it now, {@code null} when a union holds it
 * @param unionCode the union holding it now, {@code null} when a person holds it
 * @param dueAt the new deadline
 * @param escalatedAt when it moved
 */
@DomainEvent
public record TicketEscalated(long ticketId, String number, StationId station, ProblemType problem,
		ResponsibleLevel from, ResponsibleLevel to, Long assigneeId, String unionCode, Instant dueAt,
		Instant escalatedAt) {
}
