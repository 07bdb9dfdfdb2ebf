package org.yizhan.onboarding;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpeningHours;

import static org.assertj.core.api.Assertions.assertThat;

/** Hours read back in words, as the application form shows them under the field. */
class HoursReadingTests {

	private final HoursReading reading = new HoursReading(HolidayCalendar.bundled());

	@Test
	void daysWithTheSameHoursAreJoinedAndAHolidayRuleIsSaid() {
		assertThat(read("Mo-Fr 08:30-17:30; Sa 09:00-12:00; PH off", Locale.SIMPLIFIED_CHINESE))
			.containsExactly("周一至周五 08:30–17:30", "周六 09:00–12:00", "周日 休息", "法定节假日 休息");
		assertThat(read("Mo-Fr 08:30-17:30; Sa 09:00-12:00; PH off", Locale.ENGLISH))
			.containsExactly("Mon–Fri 08:30–17:30", "Sat 09:00–12:00", "Sun closed", "Public holidays closed");
	}

	@Test
	void aNightThatRunsPastMidnightAndSplitHoursReadAsTyped() {
		assertThat(read("Mo-Su 22:00-06:00", Locale.SIMPLIFIED_CHINESE)).containsExactly("周一至周日 22:00–06:00（次日）");
		assertThat(read("Mo-Su 07:00-11:00,14:00-20:00", Locale.SIMPLIFIED_CHINESE))
			.containsExactly("周一至周日 07:00–11:00、14:00–20:00");
	}

	@Test
	void roundTheClockIsSaidSo() {
		assertThat(read("24/7", Locale.SIMPLIFIED_CHINESE)).containsExactly("全天 24 小时开放");
	}

	private String[] read(String hours, Locale locale) {
		return this.reading.read(OpeningHours.parse(hours), locale).toArray(String[]::new);
	}

}
