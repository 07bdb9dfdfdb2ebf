package org.yizhan.operations;

import java.time.LocalDate;

/**
 * An activity coming up at a station near a worker, for the public list.
 *
 * @param activityId the activity
 * @param kind what kind
 * @param title its title
 * @param union the union holding it
 * @param startsOn its first day
 * @param endsOn its last day
 * @param stationId the station
 * @param stationCode its code
 * @param stationName its name
 * @param distanceMeters how far from the worker
 */
public record NearbyActivity(long activityId, ActivityKind kind, String title, String union, LocalDate startsOn,
		LocalDate endsOn, long stationId, String stationCode, String stationName, long distanceMeters) {

}
