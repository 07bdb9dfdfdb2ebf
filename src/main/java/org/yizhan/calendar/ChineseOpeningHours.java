package org.yizhan.calendar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours as people in China write them on a door or in a ledger, read into an OSM
 * {@code opening_hours} value: "周一至周五 8:30-18:00" is {@code Mo-Fr 08:30-18:00}, "工作日
 * 上午8:30-12:00，下午2:00-5:30；节假日休息" is {@code Mo-Fr 08:30-12:00,14:00-17:30; PH off},
 * "全天24小时" is {@code 24/7}.
 *
 * <p>
 * Only the common forms are read, and a text is read whole or not at all: a phrase left
 * over means {@link Optional#empty()}, never a value that drops part of what was written.
 * Understood: weekdays ({@code 周一}, {@code 星期一}, {@code 礼拜一}, ranges with 至/到/-/~, lists
 * with 、), 工作日, 周末/双休日, 每天/每日/全天, (法定)节假日; times {@code 8:30}, {@code 8点30分},
 * {@code 8点半}, with 上午/下午/晚上 and 次日 (a range ending before it starts runs past midnight);
 * 24小时; 休息/闭馆/不开放 (closed), 开放/照常 (open). Phrases are separated by ，,；; or a new line; a
 * phrase with times but no days keeps the days of the phrase before it ("周一至周五
 * 上午8:30-12:00，下午14:00-17:30").
 */
public final class ChineseOpeningHours {

	private static final String[] OSM_DAYS = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };

	private static final int ALL_DAYS = 0b1111111;

	private static final String DAY_CHARS = "一二三四五六日天七";

	private static final Pattern LABEL = Pattern.compile("^(?:开放时间|营业时间|服务时间|办公时间|时间)[:：]?");

	private static final String DAY = "(?:周|星期|礼拜)([" + DAY_CHARS + "])";

	private static final Pattern DAY_RANGE = Pattern
		.compile("^" + DAY + "(?:(?:至|到|-|~)(?:周|星期|礼拜)?([" + DAY_CHARS + "]))?");

	private static final Pattern CLOCK = Pattern
		.compile("^(上午|早上|早晨|中午|下午|傍晚|晚上|夜间|凌晨|次日)?(\\d{1,2})(?:(?::|点|时)(?:(\\d{1,2})分?|(半))?)?");

	private static final Pattern TO = Pattern.compile("^(?:-|~|至|到)");

	private static final Pattern CLOSED = Pattern.compile("^(?:休息|闭馆|不开放|关闭|闭店|歇业|不营业|停止服务|暂停服务|休馆)");

	private static final Pattern OPEN = Pattern.compile("^(?:照常开放|正常开放|照常营业|正常营业|照常|开放|营业)");

	private static final Pattern ALL_DAY = Pattern.compile("^(?:24小时(?:开放|营业|服务)?|全天开放|通宵)");

	private ChineseOpeningHours() {
	}

	/**
	 * The OSM value of {@code text}, or empty when some part of it is not one of the
	 * forms read.
	 */
	public static Optional<OpeningHours> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String normal = normalise(text);
		List<Phrase> phrases = new ArrayList<>();
		int previousDays = ALL_DAYS;
		boolean previousHolidays = false;
		// Days written alone, waiting for the phrase that says their hours ("周六，周日
		// 9:00-12:00").
		int pendingDays = 0;
		boolean pendingHolidays = false;
		for (String part : normal.split("[，,；;。\\n]+")) {
			String rest = LABEL.matcher(part).replaceFirst("");
			if (rest.isEmpty()) {
				continue;
			}
			Phrase phrase = new Phrase();
			rest = days(rest, phrase);
			boolean namedDays = phrase.days != 0 || phrase.holidays;
			if (namedDays && rest.isEmpty()) {
				pendingDays |= phrase.days;
				pendingHolidays |= phrase.holidays;
				continue;
			}
			if (namedDays || pendingDays != 0 || pendingHolidays) {
				phrase.days |= pendingDays;
				phrase.holidays |= pendingHolidays;
			}
			else {
				phrase.days = previousDays;
				phrase.holidays = previousHolidays;
			}
			pendingDays = 0;
			pendingHolidays = false;
			if (!what(rest, phrase)) {
				return Optional.empty();
			}
			previousDays = phrase.days;
			previousHolidays = phrase.holidays;
			phrases.add(phrase);
		}
		if (pendingDays != 0 || pendingHolidays) {
			return Optional.empty();
		}
		if (phrases.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OpeningHours.parse(osm(phrases)));
		}
		catch (InvalidOpeningHoursException ex) {
			return Optional.empty();
		}
	}

	/** Full-width digits, colons and tildes to ASCII, every dash to '-', no spaces. */
	private static String normalise(String text) {
		String out = Normalizer.normalize(text, Normalizer.Form.NFKC);
		out = out.replaceAll("[\\u2010-\\u2015\\u2212\\u301C\\u30FC]", "-");
		out = out.replaceAll("[\\r\\n]+", "；").replaceAll("\\s+", "").replace("星期天", "星期日").replace("周天", "周日");
		// "周二至周日 9:00-17:00 周一闭馆": a new phrase starts where days follow a time.
		return out.replaceAll("(?<=[0-9分半])(?=(?:周|星期|礼拜)[" + DAY_CHARS + "]|工作日|周末|双休日|每天|每日|法定|节假日)", "；");
	}

	private static String days(String text, Phrase phrase) {
		String rest = text;
		while (!rest.isEmpty()) {
			Matcher range = DAY_RANGE.matcher(rest);
			if (range.find()) {
				int start = dayIndex(range.group(1));
				int end = (range.group(2) != null) ? dayIndex(range.group(2)) : start;
				for (int day = start;; day = (day + 1) % 7) {
					phrase.days |= 1 << day;
					if (day == end) {
						break;
					}
				}
				rest = rest.substring(range.end());
			}
			else if (rest.startsWith("工作日")) {
				phrase.days |= 0b0011111;
				rest = rest.substring(3);
			}
			else if (rest.startsWith("周末") || rest.startsWith("双休日")) {
				phrase.days |= 0b1100000;
				rest = rest.substring(rest.startsWith("周末") ? 2 : 3);
			}
			else if (rest.matches("^(?:每天|每日|天天|全年|全周).*")) {
				phrase.days |= ALL_DAYS;
				rest = rest.substring(2);
			}
			else if (rest.startsWith("全天") && !rest.startsWith("全天开放")) {
				phrase.days |= ALL_DAYS;
				rest = rest.substring(2);
			}
			else if (rest.matches("^(?:法定节假日|法定假日|节假日|公众假期|节日).*")) {
				phrase.holidays = true;
				rest = rest.replaceFirst("^(?:法定节假日|法定假日|节假日|公众假期|节日)", "");
			}
			else {
				break;
			}
			rest = rest.replaceFirst("^(?:、|和|及|与|/)", "");
		}
		return rest;
	}

	/** Reads what the phrase says of its days; false when something is left over. */
	private static boolean what(String text, Phrase phrase) {
		if (text.isEmpty()) {
			return false;
		}
		String rest = text;
		while (!rest.isEmpty()) {
			Matcher closed = CLOSED.matcher(rest);
			Matcher open = OPEN.matcher(rest);
			Matcher allDay = ALL_DAY.matcher(rest);
			if (closed.find()) {
				phrase.closed = true;
				rest = rest.substring(closed.end());
			}
			else if (allDay.find()) {
				phrase.ranges.add(new int[] { 0, 24 * 60 });
				rest = rest.substring(allDay.end());
			}
			else if (open.find()) {
				phrase.open = true;
				rest = rest.substring(open.end());
			}
			else {
				int[] range = new int[2];
				String after = range(rest, range);
				if (after == null) {
					return false;
				}
				phrase.ranges.add(range);
				rest = after;
			}
			rest = rest.replaceFirst("^(?:、|和|/|&)", "");
		}
		return !(phrase.closed && !phrase.ranges.isEmpty());
	}

	private static String range(String text, int[] out) {
		Matcher from = CLOCK.matcher(text);
		if (!from.find()) {
			return null;
		}
		String rest = text.substring(from.end());
		Matcher to = TO.matcher(rest);
		if (!to.find()) {
			return null;
		}
		rest = rest.substring(to.end());
		Matcher until = CLOCK.matcher(rest);
		if (!until.find()) {
			return null;
		}
		int start = minutes(from, null);
		int end = minutes(until, from.group(1));
		if (start < 0 || end < 0) {
			return null;
		}
		out[0] = start;
		out[1] = end;
		return rest.substring(until.end());
	}

	/**
	 * Minutes after midnight; {@code -1} when not a time. An end without its own 上午/下午
	 * takes the start's afternoon ("下午2:00-5:30" ends at 17:30).
	 */
	private static int minutes(Matcher clock, String startPart) {
		int hour = Integer.parseInt(clock.group(2));
		int minute = (clock.group(3) != null) ? Integer.parseInt(clock.group(3)) : (clock.group(4) != null) ? 30 : 0;
		if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
			return -1;
		}
		String part = (clock.group(1) != null) ? clock.group(1) : (startPart != null ? startPart : "");
		boolean afternoon = part.equals("下午") || part.equals("傍晚") || part.equals("晚上")
				|| (part.equals("中午") && hour < 6) || (part.equals("夜间") && hour >= 6);
		if (afternoon && hour < 12) {
			hour += 12;
		}
		return hour * 60 + minute;
	}

	private static int dayIndex(String day) {
		int index = DAY_CHARS.indexOf(day);
		return (index >= 6) ? 6 : index;
	}

	/** Rules in the order written, holidays last: {@code PH off} must come after. */
	private static String osm(List<Phrase> phrases) {
		List<Phrase> merged = new ArrayList<>();
		for (Phrase phrase : phrases) {
			Phrase last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.days == phrase.days && last.holidays == phrase.holidays && !last.closed
					&& !phrase.closed) {
				last.ranges.addAll(phrase.ranges);
				last.open |= phrase.open;
			}
			else {
				merged.add(phrase);
			}
		}
		if (merged.size() == 1 && merged.get(0).days == ALL_DAYS && !merged.get(0).holidays
				&& merged.get(0).ranges.size() == 1 && merged.get(0).ranges.get(0)[0] == 0
				&& merged.get(0).ranges.get(0)[1] == 24 * 60) {
			return "24/7";
		}
		List<String> rules = new ArrayList<>();
		List<String> holidayRules = new ArrayList<>();
		for (Phrase phrase : merged) {
			String what = phrase.closed ? "off"
					: phrase.ranges.isEmpty() ? "open" : String.join(",", phrase.ranges.stream()
						// "10:00-0:00" closes at midnight; an end before the start
						// runs past midnight, which the lenient OSM parser reads.
						.map(r -> clock(r[0]) + "-" + clock((r[1] == 0) ? 24 * 60 : r[1]))
						.toList());
			if (phrase.days != 0) {
				rules.add(osmDays(phrase.days) + " " + what);
			}
			if (phrase.holidays) {
				holidayRules.add("PH " + what);
			}
		}
		rules.addAll(holidayRules);
		return String.join("; ", rules);
	}

	private static String osmDays(int mask) {
		List<String> runs = new ArrayList<>();
		int day = 0;
		while (day < 7) {
			if ((mask & (1 << day)) == 0) {
				day++;
				continue;
			}
			int end = day;
			while (end + 1 < 7 && (mask & (1 << (end + 1))) != 0) {
				end++;
			}
			runs.add(end == day ? OSM_DAYS[day] : OSM_DAYS[day] + ((end == day + 1) ? "," : "-") + OSM_DAYS[end]);
			day = end + 1;
		}
		return String.join(",", runs);
	}

	private static String clock(int minutes) {
		return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
	}

	private static final class Phrase {

		int days;

		boolean holidays;

		boolean closed;

		boolean open;

		final List<int[]> ranges = new ArrayList<>();

	}

}
