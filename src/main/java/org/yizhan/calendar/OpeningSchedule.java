package org.yizhan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import ch.poole.openinghoursparser.Rule;

import static org.yizhan.calendar.CompiledRule.CLOSED;
import static org.yizhan.calendar.CompiledRule.DAY;
import static org.yizhan.calendar.CompiledRule.OPEN;
import static org.yizhan.calendar.CompiledRule.TWO_DAYS;
import static org.yizhan.calendar.CompiledRule.UNKNOWN;

/**
 * A station's {@link OpeningHours} compiled for answering "open now?" many times.
 *
 * <p>
 * The finder asks for dozens of candidates per query, so the rules are resolved once, at
 * compile time, into one schedule per kind of day: seven weekdays, each as an ordinary
 * day, a public holiday, or a day whose holiday status is unknown because the calendar
 * does not cover its year. A schedule is a few packed minute ranges; answering is an
 * array look-up and a short scan. Hours that mention dates or years ({@code Dec 24 off})
 * are resolved per date instead, with a small cache because queries cluster on today.
 *
 * <p>
 * Semantics follow the OSM {@code opening_hours} specification:
 * <ul>
 * <li>Rules apply in order; a normal ({@code ;}) rule replaces what earlier rules said
 * about the days it selects, an additional ({@code ,}) rule adds to it, and a fallback
 * ({@code ||}) rule applies to every time the rules before it leave closed (not only to
 * days no earlier rule selected), as the specification and opening_hours.js read it. A
 * closing with times ({@code We 12:00-14:00 off}) cuts those times out instead of
 * replacing the day.</li>
 * <li>A range past midnight ({@code 22:00-06:00}) belongs to the day it starts on: the
 * following day's rules do not cut it short.</li>
 * <li>{@code PH} matches the {@link HolidayCalendar}'s days off; a holiday the rules do
 * not mention follows its weekday's rules. We have no school-holiday calendar (and
 * provinces now add spring and autumn breaks), so any date may be a school holiday: where
 * an {@code SH} rule would change the answer, it is {@link OpenStatus#UNKNOWN}.</li>
 * <li>A make-up workday (调休上班), a Saturday or Sunday that is a working day, is both: open
 * wherever its own weekday's rules open it (a place open every weekend, such as
 * {@code Tu-Su 11:00-19:00}, does not close because offices work) and wherever a working
 * day's rules do, a working day being the hours most of Monday to Friday share. So
 * {@code Mo-Fr 08:00-18:00; Sa 09:00-12:00} opens 08:00-18:00 on a worked Saturday. The
 * State Council's notices say the day is worked but not whose timetable it follows;
 * Monday's, used before, is the closed day of many places.</li>
 * <li>Where the calendar does not cover a year, a day whose hours would differ between
 * holiday and not is {@link OpenStatus#UNKNOWN} rather than a guess.</li>
 * <li>Comments, {@code unknown}, open ends ({@code 18:00+}) give
 * {@link OpenStatus#UNKNOWN} for their times; an open end from 17:00 stays unknown ten
 * hours, from 22:00 eight, past midnight (opening_hours.js's span); sunrise and sunset,
 * week numbers, nth weekdays, movable dates and offsets make the whole schedule unknown
 * ({@link #unsupportedReason()}).</li>
 * </ul>
 *
 * <p>
 * Times are local to Asia/Shanghai (China has no daylight saving), to the minute.
 * Instances are immutable apart from the cache and safe to share between threads.
 */
public final class OpeningSchedule {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** How far ahead (and back) {@link #stateAt} looks for a change. */
	private static final int HORIZON_DAYS = 8;

	/** Day schedules are shared between stations: most use a handful of timetables. */
	private static final ConcurrentHashMap<DaySchedule, DaySchedule> INTERNED = new ConcurrentHashMap<>();

	private static final int ORDINARY = 0;

	private static final int HOLIDAY = 1;

	private static final int UNCERTAIN = 2;

	/** A Saturday or Sunday made a working day (调休上班). */
	private static final int MAKE_UP = 3;

	private static final int KINDS = 4 * 7;

	private static final OpeningSchedule UNKNOWN_SCHEDULE = new OpeningSchedule("", "no opening hours");

	private final String hours;

	private final String unsupportedReason;

	private final CompiledRule[] rules;

	private final boolean usesPublicHolidays;

	private final boolean usesSchoolHolidays;

	private final boolean dateDependent;

	/** Whether some range runs past midnight, so the day before must be consulted. */
	private final boolean spills;

	private final boolean alwaysOpen;

	/**
	 * Index {@code holidayState * 7 + weekday}, holiday kinds only when the rules mention
	 * {@code PH}; {@code null} when date dependent.
	 */
	private final DaySchedule[] byKind;

	private final CachedDay[] cache;

	private OpeningSchedule(String hours, String unsupportedReason) {
		this.hours = hours;
		this.unsupportedReason = unsupportedReason;
		this.rules = new CompiledRule[0];
		this.usesPublicHolidays = false;
		this.usesSchoolHolidays = false;
		this.dateDependent = false;
		this.spills = false;
		this.alwaysOpen = false;
		this.byKind = null;
		this.cache = null;
	}

	private OpeningSchedule(String hours, CompiledRule[] rules) {
		this.hours = hours;
		this.unsupportedReason = null;
		this.rules = rules;
		boolean ph = false;
		boolean sh = false;
		boolean dated = false;
		boolean overnight = false;
		for (CompiledRule rule : rules) {
			ph |= rule.usesPublicHolidays();
			sh |= rule.usesSchoolHolidays();
			dated |= rule.isDateDependent();
			for (int i = 0; i < rule.spans.length; i += 3) {
				overnight |= rule.spans[i + 1] > DAY;
			}
		}
		this.usesPublicHolidays = ph;
		this.usesSchoolHolidays = sh;
		this.dateDependent = dated;
		this.spills = overnight;
		if (dated) {
			this.byKind = null;
			this.cache = new CachedDay[8];
			this.alwaysOpen = false;
		}
		else {
			this.byKind = new DaySchedule[KINDS];
			boolean always = true;
			for (int kind = 0; kind < KINDS; kind++) {
				int holidayState = kind / 7;
				if (!ph && (holidayState == HOLIDAY || holidayState == UNCERTAIN)) {
					continue;
				}
				this.byKind[kind] = resolve(null, kind % 7, holidayState);
				always &= this.byKind[kind].isWholeDayOpen();
			}
			this.alwaysOpen = always;
			this.cache = null;
		}
	}

	/**
	 * Compiles validated hours. Never fails: what cannot be evaluated compiles to a
	 * schedule that answers {@link OpenStatus#UNKNOWN}.
	 */
	public static OpeningSchedule compile(OpeningHours hours) {
		List<Rule> parsed = hours.rules();
		CompiledRule[] rules = new CompiledRule[parsed.size()];
		try {
			for (int i = 0; i < rules.length; i++) {
				rules[i] = CompiledRule.of(parsed.get(i));
			}
		}
		catch (CompiledRule.UnsupportedHours ex) {
			return new OpeningSchedule(hours.value(), "unsupported: " + ex.getMessage());
		}
		return new OpeningSchedule(hours.value(), rules);
	}

	/**
	 * Compiles hours as stations and imports supply them: missing or unparseable text
	 * gives the unknown schedule instead of an exception, so one bad value never hides a
	 * station from the finder.
	 */
	public static OpeningSchedule compileOrUnknown(String text) {
		if (text == null || text.isBlank()) {
			return UNKNOWN_SCHEDULE;
		}
		try {
			return compile(OpeningHours.parse(text));
		}
		catch (InvalidOpeningHoursException ex) {
			return new OpeningSchedule(text, "unparseable: " + ex.getMessage());
		}
	}

	/** The schedule of a station without hours: always {@link OpenStatus#UNKNOWN}. */
	public static OpeningSchedule unknown() {
		return UNKNOWN_SCHEDULE;
	}

	/** Whether the station is open at a local time in Asia/Shanghai. */
	public OpenStatus statusAt(LocalDateTime at, HolidayCalendar calendar) {
		if (this.alwaysOpen) {
			return OpenStatus.OPEN;
		}
		if (this.unsupportedReason != null) {
			return OpenStatus.UNKNOWN;
		}
		LocalDate date = at.toLocalDate();
		int minute = at.getHour() * 60 + at.getMinute();
		int today = dayOf(date, calendar).stateAt(minute);
		if (today == OPEN || !this.spills) {
			return status(today);
		}
		return status(combine(today, dayOf(date.minusDays(1), calendar).stateAt(minute + DAY)));
	}

	public OpenStatus statusAt(Instant at, HolidayCalendar calendar) {
		return statusAt(LocalDateTime.ofInstant(at, ZONE), calendar);
	}

	/**
	 * The status at {@code at} and when it began and ends, found by jumping between the
	 * boundaries of the days' ranges, at most eight days each way.
	 */
	public OpenState stateAt(LocalDateTime at, HolidayCalendar calendar) {
		if (this.alwaysOpen) {
			return OpenState.ALWAYS_OPEN;
		}
		if (this.unsupportedReason != null) {
			return OpenState.UNKNOWN;
		}
		LocalDateTime minuteAt = at.withSecond(0).withNano(0);
		LocalDate date = minuteAt.toLocalDate();
		int minute = minuteAt.getHour() * 60 + minuteAt.getMinute();
		int[] todays = effective(date, calendar);
		int current = stateAt(todays, minute);
		LocalDateTime since = findBackward(date, minute, todays, current, calendar);
		LocalDateTime until = findForward(date, minute, todays, (state) -> state != current, calendar);
		LocalDateTime nextOpen = (current != CLOSED) ? null
				: findForward(date, minute, todays, (state) -> state == OPEN, calendar);
		return new OpenState(status(current), since, until, nextOpen);
	}

	public OpenState stateAt(Instant at, HolidayCalendar calendar) {
		return stateAt(LocalDateTime.ofInstant(at, ZONE), calendar);
	}

	/**
	 * The ranges the station opens on {@code day}, for the week table: each range shows
	 * on the day it starts, so the early hours of a night station's Tuesday appear as the
	 * end of Monday's {@code 22:00–06:00}. Ranges of unknown status are left out; check
	 * {@link #isUnknown()} for hours that cannot be shown at all.
	 */
	public List<LocalTimeRange> hoursOn(LocalDate day, HolidayCalendar calendar) {
		if (this.unsupportedReason != null) {
			return List.of();
		}
		int[] segments = dayOf(day, calendar).segments;
		List<LocalTimeRange> ranges = new ArrayList<>(segments.length);
		for (int segment : segments) {
			int start = DaySchedule.start(segment);
			int end = DaySchedule.end(segment);
			if (DaySchedule.state(segment) == OPEN && start < DAY) {
				ranges.add(new LocalTimeRange(time(start), time(end % DAY), end >= DAY));
			}
		}
		return List.copyOf(ranges);
	}

	/**
	 * Why the station's status at {@code at} is {@link OpenStatus#UNKNOWN}, in words a
	 * person can read ("the hours say \"by appointment\"", "open end: opens at 17:00,
	 * closing time not given", "school holidays not known", "public holidays of 2027 not
	 * yet in the calendar", or the {@link #unsupportedReason()}); empty when the status
	 * is open or closed. Not for the finder's hot path: it evaluates the day again.
	 */
	public Optional<String> unknownReasonAt(LocalDateTime at, HolidayCalendar calendar) {
		if (this.unsupportedReason != null) {
			return Optional.of(this.unsupportedReason);
		}
		if (statusAt(at, calendar) != OpenStatus.UNKNOWN) {
			return Optional.empty();
		}
		LocalDate date = at.toLocalDate();
		int minute = at.getHour() * 60 + at.getMinute();
		String today = reasonsOn(date, calendar)[minute];
		if (today != null || !this.spills) {
			return Optional.ofNullable(today);
		}
		return Optional.ofNullable(reasonsOn(date.minusDays(1), calendar)[minute + DAY]);
	}

	private String[] reasonsOn(LocalDate date, HolidayCalendar calendar) {
		String[] why = new String[TWO_DAYS];
		minutes(date, date.getDayOfWeek().ordinal(), holidayState(date, calendar), why);
		return why;
	}

	/** Whether the station never closes ({@code 24/7}, or hours that amount to it). */
	public boolean isAlwaysOpen() {
		return this.alwaysOpen;
	}

	/**
	 * Whether every answer is {@link OpenStatus#UNKNOWN}: no hours, or ones we cannot
	 * evaluate.
	 */
	public boolean isUnknown() {
		return this.unsupportedReason != null;
	}

	/**
	 * Whether some times of these hours evaluate to {@link OpenStatus#UNKNOWN} whatever
	 * the holiday calendar holds: a construct we do not evaluate, or a rule that says
	 * {@code unknown}, carries a comment, has an open end or names school holidays. An
	 * hours editor that promises a definite answer writes only hours for which this is
	 * false.
	 */
	public boolean hasUnknownTimes() {
		if (this.unsupportedReason != null || this.usesSchoolHolidays) {
			return true;
		}
		for (CompiledRule rule : this.rules) {
			if (rule.hasUnknownSpans()) {
				return true;
			}
		}
		return false;
	}

	/** Why the schedule is unknown, for logs and the operator console. */
	public Optional<String> unsupportedReason() {
		return Optional.ofNullable(this.unsupportedReason);
	}

	@Override
	public String toString() {
		return this.hours;
	}

	private DaySchedule dayOf(LocalDate date, HolidayCalendar calendar) {
		int weekday = date.getDayOfWeek().ordinal();
		int holidayState = holidayState(date, calendar);
		if (!this.dateDependent) {
			return this.byKind[holidayState * 7 + weekday];
		}
		long epochDay = date.toEpochDay();
		int slot = (int) (epochDay & (this.cache.length - 1));
		CachedDay cached = this.cache[slot];
		if (cached != null && cached.epochDay == epochDay && cached.calendar == calendar) {
			return cached.day;
		}
		DaySchedule day = resolve(date, weekday, holidayState);
		this.cache[slot] = new CachedDay(epochDay, calendar, day);
		return day;
	}

	private int holidayState(LocalDate date, HolidayCalendar calendar) {
		if (calendar.isMakeUpWorkday(date)) {
			return MAKE_UP;
		}
		if (!this.usesPublicHolidays) {
			return ORDINARY;
		}
		if (!calendar.covers(date.getYear())) {
			return UNCERTAIN;
		}
		return calendar.isPublicHoliday(date) ? HOLIDAY : ORDINARY;
	}

	private DaySchedule resolve(LocalDate date, int weekday, int holidayState) {
		return DaySchedule.of(minutes(date, weekday, holidayState, null));
	}

	/**
	 * The day's minutes, and into {@code why} (when not {@code null}) the reason for each
	 * unknown minute: the slow path behind {@link #unknownReasonAt}.
	 */
	private byte[] minutes(LocalDate date, int weekday, int holidayState, String[] why) {
		if (holidayState != MAKE_UP) {
			return paintEveryWay(date, weekday, holidayState, why);
		}
		byte[] minutes = paintEveryWay(date, weekday, ORDINARY, why);
		String[] workingWhy = (why != null) ? new String[TWO_DAYS] : null;
		byte[] workingDay = workingDay(date, workingWhy);
		for (int minute = 0; minute < minutes.length; minute++) {
			int state = combine(minutes[minute], workingDay[minute]);
			if (why != null && state == UNKNOWN && minutes[minute] != UNKNOWN) {
				why[minute] = workingWhy[minute];
			}
			minutes[minute] = (byte) state;
		}
		return minutes;
	}

	/**
	 * A working day's hours: those most of Monday to Friday share (the earliest such
	 * weekday on a tie). Not Monday's: Monday is the short or closed day of many places.
	 */
	private byte[] workingDay(LocalDate date, String[] why) {
		byte[][] weekdays = new byte[5][];
		String[][] reasons = new String[5][];
		for (int weekday = 0; weekday < 5; weekday++) {
			reasons[weekday] = (why != null) ? new String[TWO_DAYS] : null;
			weekdays[weekday] = paintEveryWay(date, weekday, ORDINARY, reasons[weekday]);
		}
		int best = 0;
		int bestCount = 0;
		for (int candidate = 0; candidate < 5; candidate++) {
			int count = 0;
			for (byte[] other : weekdays) {
				if (Arrays.equals(other, weekdays[candidate])) {
					count++;
				}
			}
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		if (why != null) {
			System.arraycopy(reasons[best], 0, why, 0, TWO_DAYS);
		}
		return weekdays[best];
	}

	/**
	 * The day painted every way we cannot rule out: as a holiday and not where the
	 * calendar lacks the year, as a school holiday and not when the rules mention
	 * {@code SH}. Minutes on which the ways disagree are unknown.
	 */
	private byte[] paintEveryWay(LocalDate date, int weekday, int holidayState, String[] why) {
		byte[] minutes = null;
		for (int holiday = 0; holiday < 2; holiday++) {
			if ((holidayState == ORDINARY && holiday == 1) || (holidayState == HOLIDAY && holiday == 0)) {
				continue;
			}
			for (int school = 0; school < (this.usesSchoolHolidays ? 2 : 1); school++) {
				if (minutes == null) {
					minutes = paint(date, weekday, holiday == 1, school == 1, why);
					continue;
				}
				byte[] way = paint(date, weekday, holiday == 1, school == 1, null);
				for (int minute = 0; minute < minutes.length; minute++) {
					if (minutes[minute] != way[minute]) {
						minutes[minute] = UNKNOWN;
						if (why != null) {
							why[minute] = (school == 1) ? "school holidays not known" : "public holidays of "
									+ date.plusDays(minute / DAY).getYear() + " not yet in the calendar";
						}
					}
				}
			}
		}
		return minutes;
	}

	/**
	 * Applies the rules to one day, minute by minute: run at compile time or once per
	 * cached date.
	 */
	private byte[] paint(LocalDate date, int weekday, boolean holiday, boolean schoolHoliday, String[] why) {
		byte[] minutes = new byte[TWO_DAYS];
		for (CompiledRule rule : this.rules) {
			if (!rule.selects(date, weekday, holiday, schoolHoliday)) {
				continue;
			}
			if (rule.fallback) {
				// "Otherwise": the fallback speaks for each minute still closed, and only
				// for those, so a later fallback cannot undo an earlier one.
				for (int i = 0; i < rule.spans.length; i += 3) {
					for (int minute = rule.spans[i]; minute < rule.spans[i + 1]; minute++) {
						if (minutes[minute] == CLOSED) {
							minutes[minute] = (byte) rule.spans[i + 2];
							if (why != null) {
								why[minute] = rule.unknownReasons[i / 3];
							}
						}
					}
				}
				continue;
			}
			if (rule.replacesDay) {
				Arrays.fill(minutes, CLOSED);
				if (why != null) {
					Arrays.fill(why, null);
				}
			}
			for (int i = 0; i < rule.spans.length; i += 3) {
				Arrays.fill(minutes, rule.spans[i], rule.spans[i + 1], (byte) rule.spans[i + 2]);
				if (why != null) {
					Arrays.fill(why, rule.spans[i], rule.spans[i + 1], rule.unknownReasons[i / 3]);
				}
			}
		}
		return minutes;
	}

	/**
	 * The day's states over its own 24 hours, combining its ranges with those the day
	 * before runs past midnight: packed segments covering 00:00-24:00 with closed gaps.
	 */
	private int[] effective(LocalDate date, HolidayCalendar calendar) {
		DaySchedule today = dayOf(date, calendar);
		DaySchedule yesterday = this.spills ? dayOf(date.minusDays(1), calendar) : null;
		int[] points = new int[2 + 2 * today.segments.length + 2 * (yesterday != null ? yesterday.segments.length : 0)];
		int n = 0;
		points[n++] = 0;
		points[n++] = DAY;
		for (int segment : today.segments) {
			points[n++] = Math.min(DaySchedule.start(segment), DAY);
			points[n++] = Math.min(DaySchedule.end(segment), DAY);
		}
		if (yesterday != null) {
			for (int segment : yesterday.segments) {
				points[n++] = Math.max(DaySchedule.start(segment) - DAY, 0);
				points[n++] = Math.max(DaySchedule.end(segment) - DAY, 0);
			}
		}
		Arrays.sort(points, 0, n);
		int[] out = new int[n];
		int count = 0;
		for (int i = 0; i + 1 < n; i++) {
			int from = points[i];
			int to = points[i + 1];
			if (from == to) {
				continue;
			}
			int state = today.stateAt(from);
			if (yesterday != null) {
				state = combine(state, yesterday.stateAt(from + DAY));
			}
			if (count > 0 && DaySchedule.state(out[count - 1]) == state) {
				out[count - 1] = DaySchedule.pack(DaySchedule.start(out[count - 1]), to, state);
			}
			else {
				out[count++] = DaySchedule.pack(from, to, state);
			}
		}
		return Arrays.copyOf(out, count);
	}

	private LocalDateTime findForward(LocalDate date, int minute, int[] todays, IntPredicate wanted,
			HolidayCalendar calendar) {
		for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
			LocalDate day = date.plusDays(offset);
			int[] segments = (offset == 0) ? todays : effective(day, calendar);
			for (int segment : segments) {
				if (offset == 0 && DaySchedule.end(segment) <= minute) {
					continue;
				}
				if (wanted.test(DaySchedule.state(segment))) {
					int start = (offset == 0) ? Math.max(DaySchedule.start(segment), minute)
							: DaySchedule.start(segment);
					return (offset == HORIZON_DAYS && start > minute) ? null : day.atTime(time(start));
				}
			}
		}
		return null;
	}

	private LocalDateTime findBackward(LocalDate date, int minute, int[] todays, int current,
			HolidayCalendar calendar) {
		for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
			LocalDate day = date.minusDays(offset);
			int[] segments = (offset == 0) ? todays : effective(day, calendar);
			for (int i = segments.length - 1; i >= 0; i--) {
				int segment = segments[i];
				if (offset == 0 && DaySchedule.start(segment) > minute) {
					continue;
				}
				if (DaySchedule.state(segment) != current) {
					int end = DaySchedule.end(segment);
					if (offset == HORIZON_DAYS && end < minute) {
						return null;
					}
					return (end == DAY) ? day.plusDays(1).atStartOfDay() : day.atTime(time(end));
				}
			}
		}
		return null;
	}

	private static int stateAt(int[] segments, int minute) {
		for (int segment : segments) {
			if (minute < DaySchedule.end(segment)) {
				return (minute >= DaySchedule.start(segment)) ? DaySchedule.state(segment) : CLOSED;
			}
		}
		return CLOSED;
	}

	/**
	 * Open wins over unknown, unknown over closed, when a day and the one before overlap.
	 */
	private static int combine(int today, int yesterday) {
		if (today == OPEN || yesterday == OPEN) {
			return OPEN;
		}
		return (today == UNKNOWN || yesterday == UNKNOWN) ? UNKNOWN : CLOSED;
	}

	private static OpenStatus status(int state) {
		return switch (state) {
			case OPEN -> OpenStatus.OPEN;
			case UNKNOWN -> OpenStatus.UNKNOWN;
			default -> OpenStatus.CLOSED;
		};
	}

	private static LocalTime time(int minute) {
		return LocalTime.of(minute / 60, minute % 60);
	}

	private record CachedDay(long epochDay, HolidayCalendar calendar, DaySchedule day) {
	}

	/**
	 * One kind of day's opening, as packed {@code start << 14 | end << 2 | state} ints
	 * for its open and unknown ranges in ascending order; minutes run to 48:00 because a
	 * day owns the ranges it starts past midnight.
	 */
	static final class DaySchedule {

		final int[] segments;

		private DaySchedule(int[] segments) {
			this.segments = segments;
		}

		static DaySchedule of(byte[] minutes) {
			int[] out = new int[8];
			int count = 0;
			int minute = 0;
			while (minute < minutes.length) {
				byte state = minutes[minute];
				int end = minute + 1;
				while (end < minutes.length && minutes[end] == state) {
					end++;
				}
				if (state != CLOSED) {
					if (count == out.length) {
						out = Arrays.copyOf(out, count * 2);
					}
					out[count++] = pack(minute, end, state);
				}
				minute = end;
			}
			DaySchedule day = new DaySchedule(Arrays.copyOf(out, count));
			DaySchedule shared = INTERNED.putIfAbsent(day, day);
			return (shared != null) ? shared : day;
		}

		int stateAt(int minute) {
			for (int segment : this.segments) {
				if (minute < end(segment)) {
					return (minute >= start(segment)) ? state(segment) : CLOSED;
				}
			}
			return CLOSED;
		}

		boolean isWholeDayOpen() {
			return this.segments.length > 0 && start(this.segments[0]) == 0 && end(this.segments[0]) >= DAY
					&& state(this.segments[0]) == OPEN;
		}

		static int pack(int start, int end, int state) {
			return (start << 14) | (end << 2) | state;
		}

		static int start(int segment) {
			return segment >>> 14;
		}

		static int end(int segment) {
			return (segment >>> 2) & 0xFFF;
		}

		static int state(int segment) {
			return segment & 3;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof DaySchedule day && Arrays.equals(this.segments, day.segments);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.segments);
		}

	}

}
