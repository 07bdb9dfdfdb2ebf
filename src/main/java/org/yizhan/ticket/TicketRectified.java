package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.StationId;

/**
 * The station side marked an inspection's case rectified, with an "after" photo: it waits
 * for its re-check, and no deadline runs meanwhile.
 *
 * @param ticketId the case's id
 * @param number the case's number
 * @param station the station concerned
 * @param level the level that held it
 * @param rectifiedBy the account that marked it
 * @param rectifiedAt when
 */
@DomainEvent
public record TicketRectified(long ticketId, String number, StationId station, ResponsibleLevel level, long rectifiedBy,
		Instant rectifiedAt) {
}
