package org.yizhan.calendar;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The holiday calendar every module evaluates opening hours with: the bundled State
 * Council dates, extended or corrected by the CSV files in
 * {@code yizhan.calendar.holidays-dir} when it is set, so a new year's notice needs no
 * release.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	HolidayCalendar holidayCalendar(@Value("${yizhan.calendar.holidays-dir:}") String holidaysDir) {
		HolidayCalendar bundled = HolidayCalendar.bundled();
		return holidaysDir.isBlank() ? bundled : bundled.withOverrides(Path.of(holidaysDir));
	}

}
