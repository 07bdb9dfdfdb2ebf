package org.yizhan.operations;

/**
 * A smart station's self-service entry went out of order (every door device silent) or
 * came back (a device called in again). This module hears it itself after the commit and
 * tells the finder, which stops or resumes saying "available now" (ADR 0029).
 *
 * @param stationId the station
 * @param available whether self-service entry works again
 */
@org.jmolecules.event.annotation.DomainEvent
public record SelfServiceEntryChanged(long stationId, boolean available) {

}
