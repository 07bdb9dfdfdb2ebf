package org.yizhan.finder;

import java.time.LocalDate;

/**
 * An activity coming up at a station (送清凉, a health check, …), as the station's public
 * page shows it.
 *
 * @param kind what kind of activity, in the page's language
 * @param title its title
 * @param union the union holding it
 * @param startsOn its first day (Asia/Shanghai)
 * @param endsOn its last day
 */
public record UpcomingActivity(String kind, String title, String union, LocalDate startsOn, LocalDate endsOn) {

}
