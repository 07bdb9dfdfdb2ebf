package org.yizhan.rating;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import org.yizhan.station.Labelled;

/**
 * The periods satisfaction figures are counted in: calendar days, ISO weeks (Monday to
 * Sunday, numbered in their week-based year, so 30 Dec 2024 starts 2025-W01) and calendar
 * months, all of rating days, which are dates in Asia/Shanghai. Qingdao's loop speaks in
 * exactly these: daily supervision, weekly rectification, monthly improvement.
 */
public enum FiguresPeriod implements Labelled {

	DAY("日", "Day", 30), WEEK("周", "Week", 12), MONTH("月", "Month", 6);

	private final Label label;

	private final int defaultCount;

	FiguresPeriod(String labelZh, String labelEn, int defaultCount) {
		this.label = new Label(labelZh, labelEn);
		this.defaultCount = defaultCount;
	}

	@Override
	public Label label() {
		return label;
	}

	/** How many periods, up to the current one, are shown when no range is asked for. */
	public int defaultCount() {
		return defaultCount;
	}

	/** The first day of the period that contains {@code day}. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/** The first day of the period after the one starting on {@code start}. */
	public LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
		};
	}

	/** The first day of the period before the one starting on {@code start}. */
	public LocalDate previous(LocalDate start) {
		return switch (this) {
			case DAY -> start.minusDays(1);
			case WEEK -> start.minusWeeks(1);
			case MONTH -> start.minusMonths(1);
		};
	}

	/** The last day of the period that starts on {@code start}. */
	public LocalDate end(LocalDate start) {
		return next(start).minusDays(1);
	}

	/**
	 * How the period starting on {@code start} is named: {@code 2025-01-31},
	 * {@code 2025-W01}, {@code 2025-01}.
	 */
	public String nameOf(LocalDate start) {
		return switch (this) {
			case DAY -> start.toString();
			case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
					start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> start.toString().substring(0, 7);
		};
	}

	/** The unit of PostgreSQL's {@code date_trunc} that starts the same periods. */
	public String sqlUnit() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * How a person reads the period starting on {@code start}: the days it covers rather
	 * than its ISO name ({@code 2026-W39} means nothing to a clerk). Chinese:
	 * {@code 9月28日 周一}, {@code 9月21日–9月27日}, {@code 2026年9月}; English:
	 * {@code Mon 28 Sep}, {@code 21 Sep – 27 Sep}, {@code Sep 2026}.
	 */
	public String readableName(LocalDate start, Locale locale) {
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		return switch (this) {
			case DAY -> english
					? start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + DAY_EN.format(start)
					: DAY_ZH.format(start) + " " + WEEKDAYS_ZH[start.getDayOfWeek().ordinal()];
			case WEEK -> english ? DAY_EN.format(start) + " – " + DAY_EN.format(end(start))
					: DAY_ZH.format(start) + "–" + DAY_ZH.format(end(start));
			case MONTH -> english ? MONTH_EN.format(start) : MONTH_ZH.format(start);
		};
	}

	private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");

	private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH_ZH = DateTimeFormatter.ofPattern("yyyy年M月");

	private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private static final String[] WEEKDAYS_ZH = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

}
