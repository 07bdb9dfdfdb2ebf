package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.StationId;

/**
 * The worker who reported a case reopened it from its status page within seven days of
 * its resolution: it is open again at the lowest level of the chain that has someone in
 * it, with its first deadline counted anew.
 *
 * @param ticketId the case's id
 * @param number the case's number
 * @param station the station concerned
 * @param problem what it is about
 * @param level the level that holds it now
 * @param assigneeId the account holding it, {@code null} when a union does
 * @param unionCode the union holding it, {@code null} when a person does
 * @param dueAt its new deadline
 * @param reopenedAt when
 * @param reopenCount how often it has been reopened, this time included
 */
@DomainEvent
public record TicketReopened(long ticketId, String number, StationId station, ProblemType problem,
		ResponsibleLevel level, Long assigneeId, String unionCode, Instant dueAt, Instant reopenedAt, int reopenCount) {
}
