package org.yizhan.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.StationId;

/**
 * An inspector or union staff re-checked a rectified case (回头看): passed, it is closed;
 * failed, it is open again at its level with a new deadline.
 *
 * @param ticketId the case's id
 * @param number the case's number
 * @param station the station concerned
 * @param reference the inspection or campaign the case came from, or {@code null}
 * @param passed whether the rectification was found done
 * @param level the level holding it
 * @param dueAt the new deadline of a failed re-check, {@code null} when passed
 * @param recheckedBy the account that re-checked it
 * @param recheckedAt when
 */
@DomainEvent
public record TicketRechecked(long ticketId, String number, StationId station, String reference, boolean passed,
		ResponsibleLevel level, Instant dueAt, long recheckedBy, Instant recheckedAt) {
}
