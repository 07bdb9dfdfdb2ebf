package org.yizhan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningScheduleTests {

	private static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

	private static final String OFFICE = "Mo-Fr 08:30-17:30";

	@ParameterizedTest(name = "{0} at {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Mo-Su 22:00-06:00 | 2025-03-09T23:00 | OPEN
			Mo-Su 22:00-06:00 | 2025-03-10T05:00 | OPEN
			Mo-Su 22:00-06:00 | 2025-03-10T05:59 | OPEN
			Mo-Su 22:00-06:00 | 2025-03-10T06:00 | CLOSED
			Mo-Su 22:00-06:00 | 2025-03-10T21:59 | CLOSED
			Mo-Su 22:00-24:00 | 2025-03-10T23:59 | OPEN
			Mo-Su 22:00-24:00 | 2025-03-11T00:00 | CLOSED
			""")
	void nightStationsStayOpenPastMidnight(String hours, LocalDateTime at, OpenStatus expected) {
		// Night stations (Sunday 23:00 into Monday 05:00) are the reason the lenient
		// parser is used at all.
		assertThat(status(hours, at)).isEqualTo(expected);
	}

	@Test
	void theHoursAfterMidnightBelongToTheDayTheyStartedOn() {
		// Per OSM, Tuesday's "off" does not cut Monday night short: the worker inside
		// must not be told it closed.
		String hours = "Mo 20:00-02:00; Tu off";

		assertThat(status(hours, "2025-03-11T01:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-11T02:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-11T21:00")).isEqualTo(OpenStatus.CLOSED);
	}

	@Test
	void twentyFourSevenIsAlwaysOpenWithNoEnd() {
		// Smart 24-hour stations: "open until" must read "always", not a made-up time
		// eight days out.
		OpeningSchedule schedule = schedule("24/7");

		assertThat(schedule.isAlwaysOpen()).isTrue();
		assertThat(schedule.statusAt(LocalDateTime.parse("2025-10-01T03:00"), CALENDAR)).isEqualTo(OpenStatus.OPEN);
		assertThat(schedule.stateAt(LocalDateTime.parse("2025-10-01T03:00"), CALENDAR))
			.isEqualTo(new OpenState(OpenStatus.OPEN, null, null, null));
	}

	@Test
	void hoursThatCoverEveryMinuteAreAlwaysOpenToo() {
		// Volunteers write 24/7 as Mo-Su 00:00-24:00; the "24 h" filter chip must still
		// find it.
		assertThat(schedule("Mo-Su 00:00-24:00").isAlwaysOpen()).isTrue();
		assertThat(schedule("Mo-Su 00:00-24:00; PH off").isAlwaysOpen()).isFalse();
		assertThat(schedule("Mo-Sa 00:00-24:00").isAlwaysOpen()).isFalse();
	}

	@Test
	void offIsNeverOpenAndHasNoNextOpening() {
		// A closed-for-good station must not advertise a next opening.
		OpeningSchedule schedule = schedule("off");

		assertThat(schedule.statusAt(LocalDateTime.parse("2025-03-12T10:00"), CALENDAR)).isEqualTo(OpenStatus.CLOSED);
		assertThat(schedule.stateAt(LocalDateTime.parse("2025-03-12T10:00"), CALENDAR))
			.isEqualTo(new OpenState(OpenStatus.CLOSED, null, null, null));
		assertThat(schedule.isUnknown()).isFalse();
	}

	@Test
	void aLaterRuleReplacesEarlierOnesForTheDaysItSelects() {
		// "Mo-Su ...; Su off" is the commonest way to write a day off; adding instead
		// would keep Sunday open.
		String hours = "Mo-Su 08:00-20:00; Su off";

		assertThat(status(hours, "2025-03-09T10:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-08T10:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aLaterRuleWithOtherHoursReplacesTheWholeDay() {
		// Saturday's short hours replace the weekday hours, they do not extend them.
		String hours = "Mo-Su 08:00-20:00; Sa 10:00-12:00";

		assertThat(status(hours, "2025-03-08T09:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-08T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-08T13:00")).isEqualTo(OpenStatus.CLOSED);
	}

	@Test
	void aClosingWithTimesOnlyCutsThoseTimesOut() {
		// A lunch break on one day ("We 12:00-14:00 off") must not close the whole
		// Wednesday.
		String hours = "Mo-Su 08:00-20:00; We 12:00-14:00 off";

		assertThat(status(hours, "2025-03-12T10:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-12T13:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-12T15:00")).isEqualTo(OpenStatus.OPEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mo-Fr 08:00-12:00, Mo-Fr 14:00-18:00", "Mo-Fr 08:00-12:00,14:00-18:00" })
	void additionalRulesAndRangesAddToTheDay(String hours) {
		// With a "," rule read as an override, the morning would vanish.
		assertThat(status(hours, "2025-03-12T09:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-12T13:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-12T15:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void weekdayRangesWrapOverTheEndOfTheWeek() {
		// Sa-Mo is Saturday, Sunday and Monday, not an empty range.
		String hours = "Sa-Mo 10:00-12:00";

		assertThat(status(hours, "2025-03-09T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-10T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-11T11:00")).isEqualTo(OpenStatus.CLOSED);
	}

	@ParameterizedTest(name = "{0} at {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Jan 10:00-18:00                          | 2025-01-31T11:00 | OPEN
			Jan 10:00-18:00                          | 2025-02-01T11:00 | CLOSED
			Jan 22:00-02:00                          | 2025-02-01T01:00 | OPEN
			Jan 22:00-02:00                          | 2025-02-01T22:30 | CLOSED
			Mo-Su 08:00-20:00; Dec 25-Jan 01 off     | 2025-12-31T10:00 | CLOSED
			Mo-Su 08:00-20:00; Dec 25-Jan 01 off     | 2026-01-01T10:00 | CLOSED
			Mo-Su 08:00-20:00; Dec 25-Jan 01 off     | 2026-01-02T10:00 | OPEN
			Mo-Su 08:00-20:00; Dec 25-Jan 01 off     | 2025-12-24T10:00 | OPEN
			Mo-Su 08:00-20:00; Feb 29 10:00-12:00    | 2028-02-29T09:00 | CLOSED
			Mo-Su 08:00-20:00; Feb 29 10:00-12:00    | 2028-02-29T11:00 | OPEN
			Mo-Su 08:00-20:00; Feb 29 10:00-12:00    | 2028-02-28T09:00 | OPEN
			Mo-Su 08:00-20:00; Feb 29 10:00-12:00    | 2028-03-01T09:00 | OPEN
			Feb 10:00-12:00                          | 2028-02-29T11:00 | OPEN
			Jan-Mar 10:00-12:00                      | 2025-03-31T11:00 | OPEN
			Jan-Mar 10:00-12:00                      | 2025-04-01T11:00 | CLOSED
			2025 Dec 24 10:00-12:00                  | 2025-12-24T11:00 | OPEN
			2025 Dec 24 10:00-12:00                  | 2026-12-24T11:00 | CLOSED
			""")
	void monthsAndDateRangesHoldToTheirEdges(String hours, LocalDateTime at, OpenStatus expected) {
		// Month ends, the new year and leap day are where day arithmetic goes wrong.
		assertThat(status(hours, at)).isEqualTo(expected);
	}

	@Test
	void phOffClosesNationalDay() {
		// 2025-10-01 is a Wednesday: without PH the weekday hours would show the station
		// open.
		String hours = "Mo-Fr 08:30-17:30; PH off";

		assertThat(status(hours, "2025-10-01T10:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-09-30T10:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void phHoursReplaceTheWeekdayHoursOnAHoliday() {
		// Holiday hours are shorter; the station page must show them, not the usual ones.
		String hours = "Mo-Fr 08:00-18:00; PH 10:00-16:00";

		assertThat(status(hours, "2025-10-01T09:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-10-01T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-10-04T11:00")).as("a Saturday holiday gets PH hours too")
			.isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-09-30T09:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aHolidayTheHoursDoNotMentionFollowsItsWeekday() {
		// OSM semantics: no PH rule means the station did not say it closes.
		assertThat(status(OFFICE, "2025-10-01T10:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aMovedRestDayOnAWeekdayIsClosedByPhOff() {
		// 2025-10-08 is a Wednesday made a rest day by 调休; it is a holiday like the
		// others.
		assertThat(status(OFFICE + "; PH off", "2025-10-08T10:00")).isEqualTo(OpenStatus.CLOSED);
	}

	@Test
	void aMakeUpWorkdayIsAWorkingDayAndStillItsOwnWeekday() {
		// 2025-01-26 is a Sunday worked for the Spring Festival: offices open, and a
		// place open on Sundays by its own rules opens too.
		assertThat(status(OFFICE, "2025-01-26T10:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status("Sa,Su 10:00-16:00", "2025-01-26T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status("Sa,Su 10:00-16:00", "2025-01-26T09:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(OFFICE, "2025-01-19T10:00")).as("an ordinary Sunday").isEqualTo(OpenStatus.CLOSED);
	}

	@Test
	void aMakeUpWorkdayHasTheHoursMostWorkingDaysShareNotMondays() {
		// Monday is the short or closed day of many places (museums, barbers, Tu-Su
		// restaurants); the working day is the one most of Monday to Friday look like.
		String hours = "Mo 08:00-12:00; Tu-Fr 08:00-18:00";

		assertThat(status(hours, "2025-01-26T14:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-01-26T18:30")).isEqualTo(OpenStatus.CLOSED);
	}

	@ParameterizedTest(name = "make-up workday {0}")
	@ValueSource(strings = { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" })
	void aPlaceClosedOnMondaysOpensOnEveryMakeUpWorkdayOf2026(LocalDate day) {
		// A real Hangzhou value: read as a Monday, every 调休 weekend showed it shut all
		// day, though it opens every weekend.
		String hours = "Tu-Su 11:00-19:00";

		assertThat(schedule(hours).hoursOn(day, CALENDAR)).containsExactly(range("11:00", "19:00", false));
		assertThat(status(hours, day.atTime(12, 0))).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, day.atTime(10, 0))).isEqualTo(OpenStatus.CLOSED);
	}

	@ParameterizedTest(name = "make-up workday {0}")
	@ValueSource(strings = { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" })
	void anOfficeOpensWithItsWorkingDayHoursOnEveryMakeUpWorkdayOf2026(LocalDate day) {
		// The day is worked: an office closed at weekends (and on holidays) opens as on
		// any weekday.
		String hours = "Mo-Fr 08:00-18:00; PH off";

		assertThat(schedule(hours).hoursOn(day, CALENDAR)).containsExactly(range("08:00", "18:00", false));
		assertThat(status(hours, day.atTime(9, 0))).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, day.atTime(18, 30))).isEqualTo(OpenStatus.CLOSED);
	}

	@ParameterizedTest(name = "make-up workday {0}")
	@ValueSource(strings = { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" })
	void aPlaceWithShortSaturdayHoursWorksFullHoursOnEveryMakeUpWorkdayOf2026(LocalDate day) {
		// On a worked Saturday the working-day hours apply, and its own Saturday morning
		// lies inside them; on an ordinary Saturday only the morning is open.
		String hours = "Mo-Fr 08:00-18:00; Sa 09:00-12:00";

		assertThat(schedule(hours).hoursOn(day, CALENDAR)).containsExactly(range("08:00", "18:00", false));
		assertThat(status(hours, day.atTime(8, 30))).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, day.atTime(15, 0))).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, day.atTime(18, 30))).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2026-03-07T15:00")).as("an ordinary Saturday").isEqualTo(OpenStatus.CLOSED);
	}

	@Test
	void whereTheCalendarHasNoDataPhHoursAreUnknownOnlyWhenTheyWouldMatter() {
		// 2027's notice is not in the data: a weekday may or may not be a holiday, a
		// Saturday is closed either way.
		String hours = OFFICE + "; PH off";

		assertThat(status(hours, "2027-03-01T10:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status(hours, "2027-03-01T20:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2027-03-06T10:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(OFFICE, "2027-03-01T10:00")).as("hours without PH do not depend on the calendar")
			.isEqualTo(OpenStatus.OPEN);
	}

	@ParameterizedTest(name = "{0} at {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Mo-Fr 08:00-18:00; SH off            | 2026-01-20T10:00 | UNKNOWN
			Mo-Fr 08:00-18:00; SH off            | 2026-02-10T10:00 | UNKNOWN
			Mo-Fr 08:00-18:00; SH off            | 2026-07-15T10:00 | UNKNOWN
			Mo-Fr 08:00-18:00; SH off            | 2026-08-18T10:00 | UNKNOWN
			Mo-Fr 08:00-18:00; SH off            | 2026-07-15T20:00 | CLOSED
			Mo-Fr 08:00-18:00; SH off            | 2026-07-18T10:00 | CLOSED
			Mo-Fr 08:00-18:00; SH 09:00-12:00    | 2026-07-15T10:00 | OPEN
			Mo-Fr 08:00-18:00; SH 09:00-12:00    | 2026-07-15T15:00 | UNKNOWN
			Mo-Fr 08:00-18:00; PH,SH off         | 2026-10-01T10:00 | CLOSED
			Mo-Fr 08:00-18:00; PH,SH off         | 2026-03-10T10:00 | UNKNOWN
			""")
	void schoolHolidayRulesMakeTheTimesTheyWouldChangeUnknown(String hours, LocalDateTime at, OpenStatus expected) {
		// We have no Chinese school-holiday calendar, and provinces now add spring and
		// autumn breaks: any date may be one, so we say "unknown" where SH would change
		// the answer and nowhere else.
		assertThat(status(hours, at)).isEqualTo(expected);
	}

	@Test
	void commentsAndUnknownModifiersMakeTheirTimesUnknown() {
		// "By appointment" is not "open": sending a worker there at 10:00 could find a
		// locked door.
		assertThat(status("Mo-Fr 08:00-18:00 \"by appointment\"", "2025-03-10T10:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status("Mo-Fr 08:00-18:00 \"by appointment\"", "2025-03-10T20:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status("Mo-Fr 08:00-18:00 unknown", "2025-03-10T10:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status("\"ask the guard\"", "2025-03-10T03:00")).isEqualTo(OpenStatus.UNKNOWN);
	}

	@Test
	void anOpenEndIsUnknownAfterItStarts() {
		// "18:00+" says when it opens but not when it closes.
		assertThat(status("Mo-Fr 18:00+", "2025-03-10T17:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status("Mo-Fr 18:00+", "2025-03-10T19:00")).isEqualTo(OpenStatus.UNKNOWN);
	}

	@Test
	void anOpenEndInTheEveningIsUnknownPastMidnight() {
		// A bar that opens "17:00+" may well be serving at 01:00; telling a worker it is
		// closed is a guess. Like opening_hours.js we stop guessing ten hours after an
		// evening start (eight after 22:00), and an opening the next day still wins.
		assertThat(status("Mo-Su 17:00+", "2025-03-11T01:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status("Mo-Su 17:00+", "2025-03-11T02:59")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status("Mo-Su 17:00+", "2025-03-11T03:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status("Mo-Su 22:30+", "2025-03-11T06:29")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status("Mo-Su 10:00+", "2025-03-11T01:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status("Mo 17:00+; Tu 00:00-12:00", "2025-03-11T01:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aFallbackRuleCoversEveryTimeTheOtherRulesLeaveClosed() {
		// "|| by appointment" is the specification's "otherwise": at Monday 20:00 the
		// weekday rule has closed, so a worker may still be seen by appointment.
		String hours = "Mo-Fr 08:00-18:00 || \"by appointment\"";

		assertThat(status(hours, "2025-03-10T20:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status(hours, "2025-03-08T10:00")).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(status(hours, "2025-03-10T10:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aLaterFallbackDoesNotWipeOutAnEarlierOneThatApplied() {
		// Saturday 11:00 is open by the first fallback; the closing fallback after it
		// only
		// speaks for what is still closed.
		String hours = "Mo-Fr 09:00-17:00 || Sa-Su 10:00-14:00 || closed";

		assertThat(status(hours, "2025-03-08T11:00")).isEqualTo(OpenStatus.OPEN);
		assertThat(status(hours, "2025-03-08T15:00")).isEqualTo(OpenStatus.CLOSED);
		assertThat(status(hours, "2025-03-10T10:00")).isEqualTo(OpenStatus.OPEN);
	}

	@Test
	void aNormalRuleAfterAFallbackStillReplacesTheDay() {
		// "...; PH off" written after a fallback closes the holiday outright, as in
		// opening_hours.js.
		String hours = "Mo-Fr 08:00-18:00 || \"by appointment\"; PH off";

		assertThat(status(hours, "2025-10-01T10:00")).isEqualTo(OpenStatus.CLOSED);
	}

	@ParameterizedTest(name = "{0} at {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'',
			textBlock = """
					Mo-Fr 08:00-18:00 unknown            | 2025-03-10T10:00 | the hours say unknown
					Mo-Su 17:00+                         | 2025-03-11T01:00 | open end: opens at 17:00, closing time not given
					Mo-Fr 08:00-18:00; SH off            | 2026-07-15T10:00 | school holidays not known
					Mo-Fr 08:30-17:30; PH off            | 2027-03-01T10:00 | public holidays of 2027 not yet in the calendar
					Tu-Su 11:00-19:00 "call first"       | 2026-01-04T12:00 | the hours say "call first"
					Mo 10:00                             | 2025-03-10T11:00 | unsupported: a point in time instead of a range (10:00)
					sunrise-sunset                       | 2025-03-10T11:00 | unsupported: sunrise, sunset, dawn or dusk
					""")
	void anUnknownStatusSaysWhyInWordsAPersonCanRead(String hours, LocalDateTime at, String reason) {
		// "Unknown" alone sends a worker nowhere; the station page says what is not
		// known.
		assertThat(schedule(hours).unknownReasonAt(at, CALENDAR)).contains(reason);
	}

	@Test
	void anUnknownFallbackGivesItsCommentAsTheReason() {
		assertThat(
				schedule("Mo-Fr 08:00-18:00 || \"by appointment\"").unknownReasonAt(at("2025-03-10T20:00"), CALENDAR))
			.contains("the hours say \"by appointment\"");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			Mo-Fr 08:00-18:00; PH off            | false
			Mo-Su 22:00-06:00                    | false
			Tu-Su 11:00-19:00                    | false
			off                                  | false
			Mo-Fr 08:00-18:00 "ring the bell"    | true
			Mo-Fr 08:00-18:00 unknown            | true
			Mo-Su 17:00+                         | true
			Mo-Fr 08:00-18:00; SH off            | true
			sunrise-sunset                       | true
			""")
	void hoursSayWhetherSomeOfTheirTimesAreUnknown(String hours, boolean unknownTimes) {
		// The hours editor must only write values that answer open or closed at every
		// time; PH is not held against a value, the calendar's missing years are ours.
		assertThat(schedule(hours).hasUnknownTimes()).isEqualTo(unknownTimes);
	}

	@Test
	void anOpenOrClosedStatusHasNoUnknownReason() {
		assertThat(schedule(OFFICE).unknownReasonAt(at("2025-03-10T10:00"), CALENDAR)).isEmpty();
		assertThat(schedule(OFFICE).unknownReasonAt(at("2025-03-10T20:00"), CALENDAR)).isEmpty();
		assertThat(OpeningSchedule.unknown().unknownReasonAt(at("2025-03-10T20:00"), CALENDAR))
			.contains("no opening hours");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sunrise-sunset", "Mo[1] 10:00-12:00", "week 01-10 Mo 10:00-11:00", "easter off",
			"PH +1 day off", "Mo 10:00", "Mo-Fr 09:00-17:00/30" })
	void constructsWeDoNotEvaluateMakeTheWholeScheduleUnknown(String hours) {
		// A guess about sunset in Harbin or "the first Monday" is worse than saying we do
		// not know.
		OpeningSchedule schedule = schedule(hours);

		assertThat(schedule.isUnknown()).isTrue();
		assertThat(schedule.unsupportedReason())
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("unsupported"));
		assertThat(schedule.statusAt(LocalDateTime.parse("2025-03-10T11:00"), CALENDAR)).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(schedule.stateAt(LocalDateTime.parse("2025-03-10T11:00"), CALENDAR))
			.isEqualTo(new OpenState(OpenStatus.UNKNOWN, null, null, null));
		assertThat(schedule.hoursOn(LocalDate.parse("2025-03-10"), CALENDAR)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "周一至周五 8:00-18:00", "Mo-Fr 25:00-26:00" })
	void unparseableHoursAreUnknownRatherThanAnError(String text) {
		// Imported stations carry free text; one bad value must not take the finder down
		// or hide the station.
		OpeningSchedule schedule = OpeningSchedule.compileOrUnknown(text);

		assertThat(schedule.isUnknown()).isTrue();
		assertThat(schedule.unsupportedReason())
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("unparseable"));
		assertThat(schedule.statusAt(LocalDateTime.parse("2025-03-10T11:00"), CALENDAR)).isEqualTo(OpenStatus.UNKNOWN);
		assertThat(OpeningSchedule.compileOrUnknown(null).isUnknown()).isTrue();
	}

	@Test
	void openBeforeClosingSaysUntilWhenAndSinceWhen() {
		// "Open until 17:30" decides whether a rider detours there at 17:00.
		OpenState state = state(OFFICE, "2025-03-14T17:00");

		assertThat(state)
			.isEqualTo(new OpenState(OpenStatus.OPEN, at("2025-03-14T08:30"), at("2025-03-14T17:30"), null));
	}

	@Test
	void closedOnFridayEveningOpensNextOnMonday() {
		// The next opening must jump the weekend, not stop at Saturday 00:00.
		OpenState state = state(OFFICE, "2025-03-14T18:00");

		assertThat(state).isEqualTo(new OpenState(OpenStatus.CLOSED, at("2025-03-14T17:30"), at("2025-03-17T08:30"),
				at("2025-03-17T08:30")));
	}

	@Test
	void theNextOpeningSkipsAHolidayThatIsOff() {
		// Qingming 2025 is Friday 4 April to Sunday 6 April: from Thursday evening the
		// next opening is Monday.
		OpenState state = state(OFFICE + "; PH off", "2025-04-03T18:00");

		assertThat(state.nextOpen()).isEqualTo(at("2025-04-07T08:30"));
	}

	@Test
	void theNextOpeningCanBeAMakeUpSaturday() {
		// 2025-10-11 is a Saturday worked after Golden Week: offices open that morning.
		OpenState state = state(OFFICE + "; PH off", "2025-10-10T18:00");

		assertThat(state.nextOpen()).isEqualTo(at("2025-10-11T08:30"));
	}

	@Test
	void noNextOpeningIsPromisedBeyondEightDays() {
		// Golden Week plus a weekend closes an office for more than eight days; we say
		// nothing rather than search on.
		OpenState state = state(OFFICE + "; PH off", "2025-09-30T18:00");

		assertThat(state.status()).isEqualTo(OpenStatus.CLOSED);
		assertThat(state.nextOpen()).isNull();
		assertThat(state.until()).isNull();
	}

	@Test
	void aNightRangeEndsTheNextMorning() {
		// At 23:00 on Sunday the worker needs "until 06:00" (Monday), not "until
		// midnight".
		OpenState state = state("Mo-Su 22:00-06:00", "2025-03-09T23:00");

		assertThat(state)
			.isEqualTo(new OpenState(OpenStatus.OPEN, at("2025-03-09T22:00"), at("2025-03-10T06:00"), null));
	}

	@Test
	void adjoiningRangesOverMidnightAreOneOpening() {
		// 22:00-24:00 followed by 00:00-06:00 the next day must not report a close at
		// midnight.
		OpenState state = state("Mo-Su 00:00-06:00,22:00-24:00", "2025-03-09T23:00");

		assertThat(state.until()).isEqualTo(at("2025-03-10T06:00"));
		assertThat(state.since()).isEqualTo(at("2025-03-09T22:00"));
	}

	@Test
	void instantsAreReadInShanghaiTime() {
		// 10:00 UTC is 18:00 in Shanghai: read as UTC, the office would look open after
		// closing.
		Instant tenUtc = Instant.parse("2025-03-14T10:00:00Z");

		assertThat(schedule(OFFICE).statusAt(tenUtc, CALENDAR)).isEqualTo(OpenStatus.CLOSED);
		assertThat(schedule(OFFICE).stateAt(tenUtc, CALENDAR).since()).isEqualTo(at("2025-03-14T17:30"));
	}

	@Test
	void hoursOnGivesTheWeekTableWithNightRangesOnTheirFirstDay() {
		// The station page's week table: Saturday night shows as 22:00-02:00 on Saturday,
		// and Sunday stays empty.
		OpeningSchedule schedule = schedule("Mo-Fr 08:30-11:30,14:00-17:30; Sa 22:00-02:00; Su off");
		LocalDate monday = LocalDate.parse("2025-03-10");

		assertThat(schedule.hoursOn(monday, CALENDAR)).containsExactly(range("08:30", "11:30", false),
				range("14:00", "17:30", false));
		assertThat(schedule.hoursOn(monday.plusDays(4), CALENDAR)).hasSize(2);
		assertThat(schedule.hoursOn(monday.plusDays(5), CALENDAR)).containsExactly(range("22:00", "02:00", true));
		assertThat(schedule.hoursOn(monday.plusDays(6), CALENDAR)).isEmpty();
	}

	@Test
	void hoursOnShowsHolidaysAsTheyAreAndMidnightAsTheNextDay() {
		// On National Day the table must show the closure, and 24:00 cannot be a
		// LocalTime.
		assertThat(schedule(OFFICE + "; PH off").hoursOn(LocalDate.parse("2025-10-01"), CALENDAR)).isEmpty();
		assertThat(schedule("24/7").hoursOn(LocalDate.parse("2025-10-01"), CALENDAR))
			.containsExactly(range("00:00", "00:00", true));
		assertThat(schedule(OFFICE).hoursOn(LocalDate.parse("2025-01-26"), CALENDAR)).as("make-up Sunday")
			.containsExactly(range("08:30", "17:30", false));
	}

	private static OpeningSchedule schedule(String hours) {
		return OpeningSchedule.compile(OpeningHours.parse(hours));
	}

	private static OpenStatus status(String hours, String at) {
		return status(hours, at(at));
	}

	private static OpenStatus status(String hours, LocalDateTime at) {
		return schedule(hours).statusAt(at, CALENDAR);
	}

	private static OpenState state(String hours, String at) {
		return schedule(hours).stateAt(at(at), CALENDAR);
	}

	private static LocalDateTime at(String text) {
		return LocalDateTime.parse(text);
	}

	private static LocalTimeRange range(String from, String to, boolean nextDay) {
		return new LocalTimeRange(LocalTime.parse(from), LocalTime.parse(to), nextDay);
	}

}
