package org.yizhan.onboarding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.LocalTimeRange;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;

import org.springframework.stereotype.Component;

/**
 * Opening hours read back in words, so that a merchant who typed
 * {@code Mo-Fr 08:00-18:00} sees "周一至周五 08:00–18:00" and can tell it is what they meant:
 * an ordinary week (days with the same hours joined) and a public holiday, as the
 * calendar evaluates them. The application form offers a text field with this reading
 * under it until the week editor of issue 21 replaces it.
 */
@Component
public class HoursReading {

	/** A week without holidays or make-up workdays in the bundled calendar. */
	private static final LocalDate ORDINARY_MONDAY = LocalDate.of(2026, 3, 9);

	/** 国庆节, a public holiday on a Thursday. */
	private static final LocalDate HOLIDAY = LocalDate.of(2026, 10, 1);

	private final HolidayCalendar calendar;

	HoursReading(HolidayCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * The lines that read {@code hours}, in the locale's language (Chinese unless
	 * English).
	 */
	public List<String> read(OpeningHours hours, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		OpeningSchedule schedule = OpeningSchedule.compile(hours);
		if (schedule.unsupportedReason().isPresent()) {
			return List.of((english ? "Cannot be read as a week: " : "无法按周解读：") + schedule.unsupportedReason().get());
		}
		if (schedule.isAlwaysOpen()) {
			return List.of(english ? "Open 24 hours, every day" : "全天 24 小时开放");
		}
		List<String> lines = new ArrayList<>();
		int start = 0;
		String previous = null;
		for (int day = 0; day <= 7; day++) {
			String text = (day < 7) ? ranges(schedule.hoursOn(ORDINARY_MONDAY.plusDays(day), calendar), english) : null;
			if (previous != null && !previous.equals(text)) {
				lines.add(days(start, day - 1, english) + " " + previous);
				start = day;
			}
			if (previous == null) {
				start = day;
			}
			previous = text;
		}
		String holiday = ranges(schedule.hoursOn(HOLIDAY, calendar), english);
		String holidayThursday = ranges(schedule.hoursOn(ORDINARY_MONDAY.plusDays(3), calendar), english);
		if (!holiday.equals(holidayThursday)) {
			lines.add((english ? "Public holidays " : "法定节假日 ") + holiday);
		}
		return List.copyOf(lines);
	}

	private static String ranges(List<LocalTimeRange> ranges, boolean english) {
		if (ranges.isEmpty()) {
			return english ? "closed" : "休息";
		}
		List<String> parts = new ArrayList<>();
		for (LocalTimeRange range : ranges) {
			parts.add(range.from() + "–" + range.to() + (range.nextDay() ? (english ? " (next day)" : "（次日）") : ""));
		}
		return String.join(english ? ", " : "、", parts);
	}

	private static String days(int first, int last, boolean english) {
		String from = day(first, english);
		if (first == last) {
			return from;
		}
		return from + (english ? "–" : "至") + day(last, english);
	}

	private static String day(int index, boolean english) {
		DayOfWeek day = DayOfWeek.of(index + 1);
		return english ? day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : "周" + "一二三四五六日".charAt(index);
	}

}
