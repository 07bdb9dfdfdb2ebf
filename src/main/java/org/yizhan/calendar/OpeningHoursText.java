package org.yizhan.calendar;

import java.util.ArrayList;
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
 * Opening hours written for the person who reads them: {@code Mo-Fr 08:30-17:30; PH off}
 * reads "周一至周五 08:30–17:30，法定节假日休息" in Chinese and "Mon–Fri 08:30–17:30; closed on public
 * holidays" in English, {@code 24/7} "全天 24 小时" / "Open 24 hours".
 *
 * <p>
 * The text follows the rules as written, one phrase per rule in their order, so what a
 * clerk typed and what a worker reads say the same thing. What makes an answer unknown is
 * said, not hidden: a comment is quoted ("（注：ring the bell）"), an open end reads "17:00
 * 起，关门时间未注明", {@code unknown} "时间未定", school holidays are named. Hours the evaluator
 * refuses ({@link OpeningSchedule#isUnknown()}: sunrise, week numbers, …) or that do not
 * parse are not paraphrased, as a paraphrase could only guess: the text says they could
 * not be read and quotes them.
 */
public final class OpeningHoursText {

	private static final String[] ZH_DAYS = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

	private static final String[] EN_DAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	private static final String[] EN_MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	private static final int DAY = 24 * 60;

	private OpeningHoursText() {
	}

	/**
	 * The hours in {@code locale}'s words (English for an English locale, Chinese
	 * otherwise); missing or unreadable text is said to be so.
	 */
	public static String describe(String hours, Locale locale) {
		boolean en = isEnglish(locale);
		if (hours == null || hours.isBlank()) {
			return en ? "Opening hours not given" : "未提供开放时间";
		}
		OpeningHours parsed;
		try {
			parsed = OpeningHours.parse(hours);
		}
		catch (InvalidOpeningHoursException ex) {
			return unreadable(hours.strip(), en);
		}
		return describe(parsed, locale);
	}

	/** The hours in {@code locale}'s words; see {@link #describe(String, Locale)}. */
	public static String describe(OpeningHours hours, Locale locale) {
		boolean en = isEnglish(locale);
		OpeningSchedule schedule = OpeningSchedule.compile(hours);
		if (schedule.isUnknown()) {
			return unreadable(hours.value(), en);
		}
		List<Rule> rules = hours.rules();
		if (schedule.isAlwaysOpen() && !schedule.hasUnknownTimes()) {
			return en ? "Open 24 hours" : "全天 24 小时";
		}
		StringBuilder text = new StringBuilder();
		for (Rule rule : rules) {
			String phrase = rule(rule, en);
			if (phrase.isEmpty()) {
				continue;
			}
			if (!text.isEmpty()) {
				text.append(en ? "; " : "，");
			}
			if (rule.isFallBack()) {
				text.append(en ? "otherwise: " : "其他时间：");
			}
			text.append(phrase);
		}
		String result = text.toString();
		return en && !result.isEmpty() ? Character.toUpperCase(result.charAt(0)) + result.substring(1) : result;
	}

	private static String unreadable(String hours, boolean en) {
		return en ? "Hours as given: " + hours : "开放时间（原文）：" + hours;
	}

	static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	private static String rule(Rule rule, boolean en) {
		String when = when(rule, en);
		RuleModifier modifier = rule.getModifier();
		RuleModifier.Modifier kind = (modifier != null) ? modifier.getModifier() : null;
		String comment = (rule.getComment() != null) ? rule.getComment()
				: (modifier != null) ? modifier.getComment() : null;
		List<TimeSpan> times = nullToEmpty(rule.getTimes());
		String clock = times.isEmpty() ? "" : times(times, en);
		StringBuilder out = new StringBuilder();
		if (kind == RuleModifier.Modifier.CLOSED || kind == RuleModifier.Modifier.OFF) {
			if (en) {
				out.append(when.isEmpty() ? "closed" : "closed " + onDays(when));
				if (!clock.isEmpty()) {
					out.append(' ').append(clock);
				}
			}
			else {
				out.append(when).append(clock.isEmpty() ? "" : (when.isEmpty() ? "" : " ") + clock).append("休息");
			}
		}
		else if (kind == RuleModifier.Modifier.UNKNOWN) {
			out.append(join(when, clock)).append(en ? (out.isEmpty() ? "hours unknown" : ": hours unknown") : "时间未定");
		}
		else if (rule.isTwentyfourseven() || (times.isEmpty() && (!when.isEmpty() || kind != null))) {
			out.append(
					when.isEmpty() ? (en ? "open 24 hours" : "全天 24 小时") : en ? join(when, "all day") : when + "全天开放");
		}
		else {
			out.append(join(when, clock));
		}
		if (comment != null) {
			if (out.isEmpty()) {
				// "|| \"by appointment\"" reads "其他时间：“by appointment”".
				out.append(rule.isFallBack() ? "" : en ? "note: " : "备注：").append('“').append(comment).append('”');
			}
			else {
				out.append(en ? " (note: " + comment + ")" : "（注：" + comment + "）");
			}
		}
		return out.toString();
	}

	private static String onDays(String when) {
		return when.startsWith("every day") ? when : "on " + when;
	}

	private static String join(String when, String what) {
		if (when.isEmpty()) {
			return what;
		}
		return what.isEmpty() ? when : when + " " + what;
	}

	/** The days a rule selects: years, dates, weekdays and holidays. */
	private static String when(Rule rule, boolean en) {
		List<String> parts = new ArrayList<>();
		for (YearRange year : nullToEmpty(rule.getYears())) {
			parts.add(year(year, en));
		}
		List<String> dates = new ArrayList<>();
		for (DateRange range : nullToEmpty(rule.getDates())) {
			dates.add(dateRange(range, en));
		}
		if (!dates.isEmpty()) {
			parts.add(String.join(en ? ", " : "、", dates));
		}
		String weekdays = weekdays(nullToEmpty(rule.getDays()), en);
		List<String> holidays = new ArrayList<>();
		boolean or = true;
		for (Holiday holiday : nullToEmpty(rule.getHolidays())) {
			holidays.add(holiday.getType() == Holiday.Type.PH ? (en ? "public holidays" : "法定节假日")
					: (en ? "school holidays (dates not known)" : "学校假期（日期未知）"));
			or = holiday.getUseAsWeekDay();
		}
		String holidayText = String.join(en ? " and " : "和", holidays);
		if (holidayText.isEmpty()) {
			if (!weekdays.isEmpty()) {
				parts.add(weekdays);
			}
			else if (!parts.isEmpty() || !nullToEmpty(rule.getTimes()).isEmpty()) {
				parts.add(parts.isEmpty() ? (en ? "every day" : "每天") : "");
			}
		}
		else if (weekdays.isEmpty()) {
			parts.add(holidayText);
		}
		else if (or) {
			parts.add(weekdays + (en ? " and " : "和") + holidayText);
		}
		else {
			parts.add(en ? holidayText + " falling on " + weekdays : "逢" + weekdays + "的" + holidayText);
		}
		parts.removeIf(String::isEmpty);
		return String.join(en ? " " : "", parts);
	}

	private static String weekdays(List<WeekDayRange> ranges, boolean en) {
		if (ranges.isEmpty()) {
			return "";
		}
		List<String> out = new ArrayList<>();
		boolean[] covered = new boolean[7];
		for (WeekDayRange range : ranges) {
			int start = range.getStartDay().ordinal();
			int end = (range.getEndDay() != null) ? range.getEndDay().ordinal() : start;
			for (int day = start;; day = (day + 1) % 7) {
				covered[day] = true;
				if (day == end) {
					break;
				}
			}
		}
		int count = 0;
		for (boolean day : covered) {
			count += day ? 1 : 0;
		}
		if (count == 7) {
			return en ? "every day" : "每天";
		}
		String[] names = en ? EN_DAYS : ZH_DAYS;
		for (WeekDayRange range : ranges) {
			int start = range.getStartDay().ordinal();
			int end = (range.getEndDay() != null) ? range.getEndDay().ordinal() : start;
			int length = Math.floorMod(end - start, 7) + 1;
			if (length == 1) {
				out.add(names[start]);
			}
			else if (length == 2) {
				out.add(names[start] + (en ? ", " : "、") + names[end]);
			}
			else {
				out.add(names[start] + (en ? "–" : "至") + names[end]);
			}
		}
		return String.join(en ? ", " : "、", out);
	}

	private static String year(YearRange year, boolean en) {
		String first = en ? String.valueOf(year.getStartYear()) : year.getStartYear() + "年";
		if (year.isOpenEnded()) {
			return en ? "from " + first : first + "起";
		}
		if (year.getEndYear() == YearRange.UNDEFINED_YEAR || year.getEndYear() == year.getStartYear()) {
			return first;
		}
		return en ? first + "–" + year.getEndYear() : first + "至" + year.getEndYear() + "年";
	}

	private static String dateRange(DateRange range, boolean en) {
		DateWithOffset start = range.getStartDate();
		DateWithOffset end = range.getEndDate();
		String from = date(start, en, null);
		if (end == null) {
			return from;
		}
		return from + (en ? "–" : "至") + date(end, en, start);
	}

	private static String date(DateWithOffset date, boolean en, DateWithOffset after) {
		int month = (date.getMonth() != null) ? date.getMonth().ordinal()
				: (after != null && after.getMonth() != null) ? after.getMonth().ordinal() : 0;
		boolean sameMonth = after != null && (date.getMonth() == null || date.getMonth() == after.getMonth());
		StringBuilder out = new StringBuilder();
		if (!date.undefinedYear()) {
			out.append(date.getYear()).append(en ? " " : "年");
		}
		if (en) {
			out.append(EN_MONTHS[month]);
			if (!date.undefinedDay()) {
				out.append(' ').append(date.getDay());
			}
			return (sameMonth && !date.undefinedDay() && date.undefinedYear()) ? String.valueOf(date.getDay())
					: out.toString();
		}
		if (!(sameMonth && !date.undefinedDay() && date.undefinedYear())) {
			out.append(month + 1).append('月');
		}
		if (!date.undefinedDay()) {
			out.append(date.getDay()).append('日');
		}
		return out.toString();
	}

	private static String times(List<TimeSpan> spans, boolean en) {
		List<String> out = new ArrayList<>();
		for (TimeSpan span : spans) {
			int start = span.getStart();
			int end = span.getEnd();
			if (span.isOpenEnded()) {
				out.add(en ? "from " + clock(start) + ", closing time not given" : clock(start) + " 起，关门时间未注明");
			}
			else if (end == TimeSpan.UNDEFINED_TIME) {
				out.add(clock(start));
			}
			else if (start == 0 && end == DAY) {
				out.add(en ? "all day" : "全天");
			}
			else if (end > DAY || end <= start) {
				int next = (end > DAY) ? end - DAY : end;
				out.add(en ? clock(start) + "–" + clock(next) + " (next day)" : clock(start) + "–次日 " + clock(next));
			}
			else {
				out.add(clock(start) + "–" + clock(end));
			}
		}
		return String.join(en ? ", " : "、", out);
	}

	private static String clock(int minutes) {
		return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
