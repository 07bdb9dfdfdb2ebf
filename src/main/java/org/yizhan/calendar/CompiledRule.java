package org.yizhan.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.YearRange;

/**
 * One OpeningHoursParser {@link Rule} reduced to what {@link OpeningSchedule} evaluates:
 * bit masks and integer keys instead of the parser's object graph, so that a day's
 * schedule is resolved without allocation. Constructs we cannot evaluate faithfully are
 * refused with {@link UnsupportedHours} at compile time, so a station shows "unknown"
 * instead of a guess.
 */
final class CompiledRule {

	static final byte CLOSED = 0;

	static final byte OPEN = 1;

	static final byte UNKNOWN = 2;

	static final int DAY = 24 * 60;

	/** The parser stores times past midnight as minutes up to 48:00. */
	static final int TWO_DAYS = 2 * DAY;

	private static final int ANY_YEAR = 0;

	final boolean additive;

	final boolean fallback;

	/**
	 * Whether the rule replaces what earlier rules said about the days it selects. A
	 * closing with explicit times ({@code We 12:00-14:00 off}) only cuts those times out,
	 * as opening_hours.js does: it is how people write a lunch break on one day.
	 */
	final boolean replacesDay;

	/** Triples of start minute, end minute (exclusive, up to 48:00), state. */
	final int[] spans;

	/**
	 * Why each span is unknown, in words a person can read ({@code null} for a span that
	 * is open or closed), one per triple of {@link #spans}.
	 */
	final String[] unknownReasons;

	/** Bit 0 is Monday; 0 means no weekday selector. */
	private final int weekdays;

	private final boolean hasHolidays;

	private final boolean publicHoliday;

	private final boolean schoolHoliday;

	/**
	 * {@code PH,Sa} selects holidays or Saturdays; {@code PH Sa} (no comma) selects
	 * holidays that fall on a Saturday.
	 */
	private final boolean holidaysOrWeekdays;

	/** Triples of first year, last year (inclusive), step (0 for every year). */
	private final int[] years;

	/** Quadruples of start year, start key, end year, end key (see {@link #key}). */
	private final int[] dates;

	private CompiledRule(Rule rule) {
		if (!nullToEmpty(rule.getWeeks()).isEmpty()) {
			throw new UnsupportedHours("week numbers");
		}
		this.additive = rule.isAdditive();
		this.fallback = rule.isFallBack();
		this.weekdays = weekdays(rule.getDays());
		this.hasHolidays = !nullToEmpty(rule.getHolidays()).isEmpty();
		boolean ph = false;
		boolean sh = false;
		boolean or = true;
		for (Holiday holiday : nullToEmpty(rule.getHolidays())) {
			if (holiday.getOffset() != 0) {
				throw new UnsupportedHours("days before or after a holiday");
			}
			ph |= holiday.getType() == Holiday.Type.PH;
			sh |= holiday.getType() == Holiday.Type.SH;
			or = holiday.getUseAsWeekDay();
		}
		this.publicHoliday = ph;
		this.schoolHoliday = sh;
		this.holidaysOrWeekdays = or;
		this.years = years(nullToEmpty(rule.getYears()));
		this.dates = dates(nullToEmpty(rule.getDates()));
		byte state = state(rule);
		this.spans = spans(rule, state);
		this.unknownReasons = unknownReasons(rule, state, this.spans);
		boolean timedClosing = state == CLOSED && !nullToEmpty(rule.getTimes()).isEmpty();
		this.replacesDay = !this.additive && !timedClosing;
	}

	static CompiledRule of(Rule rule) {
		return new CompiledRule(rule);
	}

	boolean usesPublicHolidays() {
		return this.publicHoliday;
	}

	/**
	 * Whether the rule selects school holidays ({@code SH}), which no calendar of ours
	 * knows: the schedule evaluates such a day both ways.
	 */
	boolean usesSchoolHolidays() {
		return this.schoolHoliday;
	}

	/**
	 * Whether some span of the rule is unknown: a comment, {@code unknown}, an open end.
	 */
	boolean hasUnknownSpans() {
		for (int i = 2; i < this.spans.length; i += 3) {
			if (this.spans[i] == UNKNOWN) {
				return true;
			}
		}
		return false;
	}

	/** Whether the rule's answer depends on the date and not only the kind of day. */
	boolean isDateDependent() {
		return this.years.length > 0 || this.dates.length > 0;
	}

	/**
	 * Whether the rule selects {@code date}, treated as weekday {@code dayOfWeek} (0 is
	 * Monday), a public holiday or not, a school holiday or not. {@code date} may be
	 * {@code null} for rules that are not date dependent.
	 */
	boolean selects(LocalDate date, int dayOfWeek, boolean holiday, boolean schoolHoliday) {
		if (this.years.length > 0 && !inYears(date.getYear())) {
			return false;
		}
		if (this.dates.length > 0 && !inDates(date)) {
			return false;
		}
		boolean weekday = (this.weekdays & (1 << dayOfWeek)) != 0;
		if (!this.hasHolidays) {
			return this.weekdays == 0 || weekday;
		}
		boolean holidayMatch = (this.publicHoliday && holiday) || (this.schoolHoliday && schoolHoliday);
		if (this.holidaysOrWeekdays) {
			return holidayMatch || weekday;
		}
		return holidayMatch && (this.weekdays == 0 || weekday);
	}

	private boolean inYears(int year) {
		for (int i = 0; i < this.years.length; i += 3) {
			int first = this.years[i];
			if (year >= first && year <= this.years[i + 1]
					&& (this.years[i + 2] == 0 || (year - first) % this.years[i + 2] == 0)) {
				return true;
			}
		}
		return false;
	}

	private boolean inDates(LocalDate date) {
		int key = key(date.getMonthValue(), date.getDayOfMonth());
		for (int i = 0; i < this.dates.length; i += 4) {
			int startYear = this.dates[i];
			int start = this.dates[i + 1];
			int end = this.dates[i + 3];
			if (startYear == ANY_YEAR) {
				// Dec 24-Jan 02 wraps over the new year.
				boolean in = (start <= end) ? (key >= start && key <= end) : (key >= start || key <= end);
				if (in) {
					return true;
				}
			}
			else {
				long value = (long) date.getYear() * 512 + key;
				if (value >= (long) startYear * 512 + start && value <= (long) this.dates[i + 2] * 512 + end) {
					return true;
				}
			}
		}
		return false;
	}

	/** Month and day as one comparable number; day 31 stands for "end of month". */
	private static int key(int month, int day) {
		return month * 32 + day;
	}

	private static int weekdays(List<WeekDayRange> ranges) {
		int mask = 0;
		for (WeekDayRange range : nullToEmpty(ranges)) {
			if (!nullToEmpty(range.getNths()).isEmpty()) {
				throw new UnsupportedHours("nth weekday of the month (" + range + ")");
			}
			if (range.getOffset() != 0) {
				throw new UnsupportedHours("weekday offsets (" + range + ")");
			}
			int start = range.getStartDay().ordinal();
			int end = (range.getEndDay() != null) ? range.getEndDay().ordinal() : start;
			// Sa-Mo wraps over the end of the week.
			for (int day = start;; day = (day + 1) % 7) {
				mask |= 1 << day;
				if (day == end) {
					break;
				}
			}
		}
		return mask;
	}

	private static int[] years(List<YearRange> ranges) {
		int[] out = new int[ranges.size() * 3];
		int i = 0;
		for (YearRange range : ranges) {
			int first = range.getStartYear();
			int last = range.isOpenEnded() ? Integer.MAX_VALUE
					: (range.getEndYear() == YearRange.UNDEFINED_YEAR) ? first : range.getEndYear();
			out[i++] = first;
			out[i++] = last;
			out[i++] = Math.max(0, range.getInterval());
		}
		return out;
	}

	private static int[] dates(List<DateRange> ranges) {
		int[] out = new int[ranges.size() * 4];
		int i = 0;
		for (DateRange range : ranges) {
			if (range.getInterval() != 0) {
				throw new UnsupportedHours("date ranges with an interval");
			}
			DateWithOffset start = checked(range.getStartDate());
			DateWithOffset end = (range.getEndDate() != null) ? checked(range.getEndDate()) : null;
			if (start.getMonth() == null) {
				throw new UnsupportedHours("a date without a month");
			}
			int startMonth = start.getMonth().ordinal() + 1;
			int startYear = start.undefinedYear() ? ANY_YEAR : start.getYear();
			int startKey = key(startMonth, start.undefinedDay() ? 1 : start.getDay());
			int endKey;
			int endYear;
			if (end == null) {
				// "Jan" is the whole month, "Jan 05" the one day.
				endKey = key(startMonth, start.undefinedDay() ? 31 : start.getDay());
				endYear = startYear;
			}
			else {
				// "Jan 01-15": the parser leaves the end's month empty.
				int endMonth = (end.getMonth() != null) ? end.getMonth().ordinal() + 1 : startMonth;
				endKey = key(endMonth, end.undefinedDay() ? 31 : end.getDay());
				if (!end.undefinedYear()) {
					if (startYear == ANY_YEAR) {
						throw new UnsupportedHours("a date range with a year only at its end");
					}
					endYear = end.getYear();
				}
				else {
					endYear = (startYear == ANY_YEAR) ? ANY_YEAR : startYear + ((endKey < startKey) ? 1 : 0);
				}
			}
			out[i++] = startYear;
			out[i++] = startKey;
			out[i++] = endYear;
			out[i++] = endKey;
		}
		return out;
	}

	private static DateWithOffset checked(DateWithOffset date) {
		if (date.getVarDate() != null) {
			throw new UnsupportedHours("movable dates (" + date + ")");
		}
		if (date.getNthWeekDay() != null || date.getWeekDayOffset() != null || date.getDayOffset() != 0) {
			throw new UnsupportedHours("dates relative to weekdays or with offsets (" + date + ")");
		}
		if (date.isOpenEnded()) {
			throw new UnsupportedHours("open-ended dates (" + date + ")");
		}
		return date;
	}

	/**
	 * A comment may qualify an opening ("by appointment", "ring the bell"), so an opening
	 * with a comment is unknown unless it says {@code open} explicitly. The parser keeps
	 * comments on the {@link RuleModifier}, not in {@link Rule#getComment()}.
	 */
	private static byte state(Rule rule) {
		RuleModifier modifier = rule.getModifier();
		boolean commented = rule.getComment() != null || (modifier != null && modifier.getComment() != null);
		RuleModifier.Modifier kind = (modifier != null) ? modifier.getModifier() : null;
		if (kind == null) {
			return commented ? UNKNOWN : OPEN;
		}
		return switch (kind) {
			case OPEN -> OPEN;
			case CLOSED, OFF -> CLOSED;
			case UNKNOWN -> UNKNOWN;
		};
	}

	private static String[] unknownReasons(Rule rule, byte state, int[] spans) {
		String[] reasons = new String[spans.length / 3];
		String said = said(rule);
		for (int i = 0; i < reasons.length; i++) {
			if (spans[3 * i + 2] != UNKNOWN) {
				continue;
			}
			int start = spans[3 * i];
			reasons[i] = (state == UNKNOWN) ? said : String.format(Locale.ROOT,
					"open end: opens at %02d:%02d, closing time not given", start / 60 % 24, start % 60);
		}
		return reasons;
	}

	/** What the hours say about an unknown opening: the comment, or "unknown". */
	private static String said(Rule rule) {
		RuleModifier modifier = rule.getModifier();
		String comment = (rule.getComment() != null) ? rule.getComment()
				: (modifier != null) ? modifier.getComment() : null;
		return (comment != null) ? "the hours say \"" + comment + "\"" : "the hours say unknown";
	}

	private static int[] spans(Rule rule, byte state) {
		List<TimeSpan> times = nullToEmpty(rule.getTimes());
		if (rule.isTwentyfourseven() || times.isEmpty()) {
			return new int[] { 0, DAY, state };
		}
		int[] out = new int[times.size() * 3];
		int i = 0;
		for (TimeSpan time : times) {
			if (time.getStartEvent() != null || time.getEndEvent() != null) {
				throw new UnsupportedHours("sunrise, sunset, dawn or dusk");
			}
			if (time.getInterval() > 0) {
				throw new UnsupportedHours("times repeating at an interval");
			}
			int start = time.getStart();
			int end = time.getEnd();
			if (start == TimeSpan.UNDEFINED_TIME) {
				throw new UnsupportedHours("a time without a start");
			}
			byte spanState = state;
			if (time.isOpenEnded()) {
				// 18:00+ says it opens at 18:00 and nobody knows when it closes. An
				// evening
				// start may run past midnight: unknown for ten hours (eight from 22:00),
				// the span opening_hours.js assumes, and to midnight for a daytime start.
				if (end != TimeSpan.UNDEFINED_TIME) {
					throw new UnsupportedHours("open-ended time ranges with an end");
				}
				end = openEnd(start);
				spanState = (state == CLOSED) ? CLOSED : UNKNOWN;
			}
			else if (end == TimeSpan.UNDEFINED_TIME) {
				throw new UnsupportedHours("a point in time instead of a range (" + time + ")");
			}
			if (end <= start) {
				// The lenient parser already adds a day to 22:00-06:00; this covers
				// 10:00-10:00.
				end += DAY;
			}
			out[i++] = start;
			out[i++] = Math.min(end, TWO_DAYS);
			out[i++] = spanState;
		}
		return out;
	}

	/** Where the unknown of an open end ({@code 17:00+}) stops. */
	static int openEnd(int start) {
		if (start >= 22 * 60) {
			return start + 8 * 60;
		}
		return (start >= 17 * 60) ? start + 10 * 60 : Math.max(DAY, start + 1);
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	/** A construct the evaluator refuses to guess about. */
	static final class UnsupportedHours extends RuntimeException {

		UnsupportedHours(String construct) {
			super(construct, null, false, false);
		}

	}

}
