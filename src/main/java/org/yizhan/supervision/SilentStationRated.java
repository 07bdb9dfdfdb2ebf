package org.yizhan.supervision;

import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;

import org.yizhan.station.StationId;

/**
 * A rating counted for a station that had an open silent-station case when it was stored:
 * what {@link SilentCaseResolution} passes on, in the rating's transaction, to close the
 * case after the commit.
 *
 * @param ratingId the rating's id
 * @param ratingDay the Asia/Shanghai day it counts for
 * @param stationId the station
 */
@DomainEvent
public record SilentStationRated(long ratingId, LocalDate ratingDay, StationId stationId) {
}
