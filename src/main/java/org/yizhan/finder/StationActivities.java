package org.yizhan.finder;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a module that publishes activities at stations tells the finder's station page:
 * the activities coming up at one station. Declared here and implemented elsewhere as a
 * bean, as {@link EntryOutages} is, so that the finder knows nothing of activities. Asked
 * by the station's page only (one query per page, which already reads the registry),
 * never by the in-memory searches.
 */
public interface StationActivities {

	/**
	 * The activities at the station that end on or after {@code today}, soonest first.
	 */
	List<UpcomingActivity> upcomingAt(long stationId, LocalDate today, Locale locale);

}
