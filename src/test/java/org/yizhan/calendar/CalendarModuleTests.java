package org.yizhan.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.yizhan.support.ModuleBeans;
import org.yizhan.support.NoAccounts;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar depends on no module. Its context also holds the platform, which every
 * context needs for the database the auto-configuration expects, with {@link NoAccounts}
 * in place of the accounts platform's security asks for.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@Import(NoAccounts.class)
class CalendarModuleTests {

	private final ApplicationContext context;

	private final HolidayCalendar holidays;

	CalendarModuleTests(ApplicationContext context, HolidayCalendar holidays) {
		this.context = context;
		this.holidays = holidays;
	}

	@Test
	void startsWithNoOtherModuleButTheInfrastructure() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("calendar", "platform");
	}

	@Test
	void knowsTheBundledHolidaysAndMakeUpWorkdays() {
		assertThat(holidays.isPublicHoliday(LocalDate.of(2026, 10, 1))).isTrue();
		assertThat(holidays.holidayName(LocalDate.of(2026, 10, 1))).contains("国庆节");
		// a Sunday worked for the New Year holiday
		assertThat(holidays.isMakeUpWorkday(LocalDate.of(2026, 1, 4))).isTrue();
		assertThat(holidays.isPublicHoliday(LocalDate.of(2026, 10, 9))).isFalse();
	}

}
