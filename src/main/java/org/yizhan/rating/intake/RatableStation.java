package org.yizhan.rating.intake;

import java.time.Instant;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.GeoPoint;
import org.yizhan.rating.RatingStation;

/**
 * What the intake needs of a station for every rating, kept in memory: what the page
 * shows, where the station is (for the 300 m check) and when it opens.
 *
 * @param unattended the hours a smart station can be entered without staff, or
 * {@code null}
 */
public record RatableStation(RatingStation summary, GeoPoint location, OpeningSchedule hours,
		OpeningSchedule unattended) {

	/**
	 * Whether the station was certainly closed at {@code at}: neither its hours nor its
	 * unattended entry say it was open. Unknown hours are never "closed".
	 */
	public boolean certainlyClosedAt(Instant at, HolidayCalendar calendar) {
		if (hours.statusAt(at, calendar) != OpenStatus.CLOSED) {
			return false;
		}
		return unattended == null || unattended.statusAt(at, calendar) == OpenStatus.CLOSED;
	}

}
