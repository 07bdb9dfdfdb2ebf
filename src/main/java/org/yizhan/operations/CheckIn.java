package org.yizhan.operations;

import java.time.Instant;

/**
 * What a worker's check-in came to: counted, or already counted for this phone at this
 * station within the period (the earlier check-in stands, and the next one counts from
 * {@link #nextFrom}). Nothing in it names the phone.
 *
 * @param counted whether this check-in added a visit
 * @param stationCode the station's code, as its poster shows it
 * @param stationName the station's name
 * @param checkedInAt when the visit that counts was checked in: now, or the earlier one
 * @param nextFrom from when this phone's next check-in at the station counts
 */
public record CheckIn(boolean counted, String stationCode, String stationName, Instant checkedInAt, Instant nextFrom) {

}
