package org.yizhan.station;

import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A listed station closed for a time (暂停服务), expected to reopen on
 * {@code expectedReopening}.
 */
@DomainEvent
public record StationSuspended(StationId stationId, String code, String reason, LocalDate expectedReopening) {

}
