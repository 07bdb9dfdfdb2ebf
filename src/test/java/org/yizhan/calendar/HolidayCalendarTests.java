package org.yizhan.calendar;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HolidayCalendarTests {

	private final HolidayCalendar bundled = HolidayCalendar.bundled();

	@Test
	void bundledCalendarKnowsNationalDayAndItsMakeUpWorkdays() {
		// The data file is the product here: a wrong row shows a station closed on a
		// workday.
		assertThat(this.bundled.isPublicHoliday(LocalDate.of(2025, 10, 1))).isTrue();
		assertThat(this.bundled.holidayName(LocalDate.of(2025, 10, 1))).contains("国庆节、中秋节");
		assertThat(this.bundled.isMakeUpWorkday(LocalDate.of(2025, 9, 28))).isTrue();
		assertThat(this.bundled.isPublicHoliday(LocalDate.of(2025, 9, 28))).isFalse();
		assertThat(this.bundled.isMakeUpWorkday(LocalDate.of(2026, 1, 4))).isTrue();
	}

	@Test
	void anOrdinaryWeekendIsNeitherHolidayNorMakeUpWorkday() {
		// Weekends are rest days by the ordinary week, not by the data; PH must not match
		// them.
		LocalDate saturday = LocalDate.of(2025, 3, 8);

		assertThat(this.bundled.isPublicHoliday(saturday)).isFalse();
		assertThat(this.bundled.isMakeUpWorkday(saturday)).isFalse();
		assertThat(this.bundled.holidayName(saturday)).isEmpty();
	}

	@Test
	void coversOnlyTheYearsWhoseNoticeIsInTheData() {
		// 2027's notice is not out: the evaluator must know it cannot answer PH for 2027.
		assertThat(this.bundled.years()).containsExactly(2025, 2026);
		assertThat(this.bundled.covers(2026)).isTrue();
		assertThat(this.bundled.covers(2027)).isFalse();
		assertThat(this.bundled.covers(2024)).isFalse();
	}

	@Test
	void laterSourcesOverrideEarlierRowsForTheSameDate() {
		// A corrected notice must win over the bundled row without a release.
		HolidayCalendar calendar = HolidayCalendar.load(csv("date,kind,name\n2025-10-01,HOLIDAY,国庆节\n"),
				csv("date,kind,name\n2025-10-01,ORDINARY,\n2025-10-02,HOLIDAY,国庆节\n"));

		assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 10, 1))).isFalse();
		assertThat(calendar.holidayName(LocalDate.of(2025, 10, 1))).isEmpty();
		assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 10, 2))).isTrue();
	}

	@Test
	void aFolderOfOverridesAddsANewYearToTheBundledData(@TempDir Path folder) throws Exception {
		// This is how operators add 2027 once the notice is out (the dates here are made
		// up for the test).
		Files.writeString(folder.resolve("2027.csv"), "date,kind,name\n2027-03-01,HOLIDAY,测试假日\n");
		Files.writeString(folder.resolve("notes.txt"), "not a csv, ignored");

		HolidayCalendar calendar = this.bundled.withOverrides(folder);

		assertThat(calendar.covers(2027)).isTrue();
		assertThat(calendar.isPublicHoliday(LocalDate.of(2027, 3, 1))).isTrue();
		assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 10, 1))).as("bundled rows stay").isTrue();
		assertThat(this.bundled.covers(2027)).as("the original is unchanged").isFalse();
	}

	@Test
	void aMissingOverrideFolderStopsStartUpInsteadOfBeingIgnored(@TempDir Path folder) {
		// A typo in yizhan.calendar.holidays-dir would silently drop a year of holidays.
		assertThatIllegalArgumentException().isThrownBy(() -> this.bundled.withOverrides(folder.resolve("nope")))
			.withMessageContaining("nope");
	}

	@Test
	void aByteOrderMarkFromASpreadsheetIsAccepted() {
		// Excel saves UTF-8 CSVs with a BOM, which would otherwise break the header.
		HolidayCalendar calendar = HolidayCalendar.load(csv("\uFEFFdate,kind,name\n2025-05-01,HOLIDAY,劳动节\n"));

		assertThat(calendar.isPublicHoliday(LocalDate.of(2025, 5, 1))).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2025-13-01,HOLIDAY,x         | line 3: '2025-13-01' is not a date
			2025-10-01,HOLIDY,国庆节     | line 3: unknown kind 'HOLIDY'
			2025-10-01                   | line 3: expected date,kind,name
			2025-10-01,HOLIDAY,          | line 3: a HOLIDAY row needs the holiday's name
			2025-10-09,WORKDAY,国庆节    | line 3: 2025-10-09 is a THURSDAY
			2025-05-01,HOLIDAY,劳动节    | line 3: 2025-05-01 is already on line 2
			""")
	void rejectsAMalformedRowNamingItsLine(String row, String message) {
		// Operators edit these files by hand; the message must lead them to the line.
		String text = "date,kind,name\n2025-05-01,HOLIDAY,劳动节\n" + row + "\n";

		assertThatIllegalArgumentException().isThrownBy(() -> HolidayCalendar.load(csv(text)))
			.withMessageStartingWith("Holiday calendar source 1 ")
			.withMessageContaining(message);
	}

	@Test
	void rejectsAFileWithoutTheHeader() {
		// Without the header a file of another shape (say, date,name,kind) would load
		// wrongly.
		assertThatIllegalArgumentException().isThrownBy(() -> HolidayCalendar.load(csv("2025-05-01,HOLIDAY,劳动节\n")))
			.withMessageContaining("line 1: expected the header 'date,kind,name'");
	}

	private static InputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
