package org.yizhan.calendar;

import java.time.LocalDateTime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the {@code opening_hours} parser and the schedule compiled from it: any text a
 * host, an import or the API sends is either refused with
 * {@link InvalidOpeningHoursException} (a 400 naming the field) or evaluated without a
 * crash at any moment. Runs its seed inputs in every build; {@code JAZZER_FUZZ=1}
 * explores (docs/benchmarks.md, "Fuzzing").
 */
class OpeningHoursFuzzTests {

	private static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

	@FuzzTest(maxDuration = "60s")
	void anyTextIsRefusedOrEvaluated(FuzzedDataProvider data) {
		int minuteOfYear = data.consumeInt(0, 366 * 24 * 60);
		String text = data.consumeRemainingAsString();
		OpeningHours hours;
		try {
			hours = OpeningHours.parse(text);
		}
		catch (InvalidOpeningHoursException refused) {
			assertThat(refused.getMessage()).isNotBlank();
			return;
		}
		OpeningSchedule schedule = OpeningSchedule.compile(hours);
		LocalDateTime at = LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(minuteOfYear);
		assertThat(schedule.statusAt(at, CALENDAR)).isNotNull();
		assertThat(schedule.stateAt(at, CALENDAR)).isNotNull();
		assertThat(OpeningSchedule.compileOrUnknown(text)).isNotNull();
	}

}
