package org.yizhan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

/**
 * The months a report covers: one calendar month ({@code 2026-11}) or one calendar year
 * ({@code 2026}), Asia/Shanghai.
 *
 * @param kind monthly or yearly
 * @param first the first month covered
 * @param last the last month covered
 */
public record ReportPeriod(Kind kind, YearMonth first, YearMonth last) {

	/** A monthly report (月报) or a yearly one (年报). */
	public enum Kind {

		MONTH, YEAR

	}

	public static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(Kind.MONTH, month, month);
	}

	public static ReportPeriod year(int year) {
		return new ReportPeriod(Kind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

	/**
	 * The period a form or a stored row names ({@code kind} {@code MONTH} with
	 * {@code 2026-11}, {@code YEAR} with {@code 2026}), begun no later than
	 * {@code today}: a period not over yet is reported so far, a future one has nothing
	 * to report.
	 * @throws InvalidInputException naming {@code kind} or {@code period}
	 */
	public static ReportPeriod parse(String kind, String period, LocalDate today) {
		String k = (kind == null) ? "" : kind.strip().toUpperCase(Locale.ROOT);
		String p = (period == null) ? "" : period.strip();
		Kind parsed;
		try {
			parsed = Kind.valueOf(k);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(Violation.of("kind", "validation.unknownValue", k, "MONTH, YEAR"));
		}
		if (p.isEmpty()) {
			throw new InvalidInputException(Violation.of("period", "validation.required"));
		}
		ReportPeriod result;
		try {
			result = (parsed == Kind.MONTH) ? month(YearMonth.parse(p))
					: year(Integer.parseInt(p.matches("\\d{4}") ? p : "x"));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("period",
					(parsed == Kind.MONTH) ? "reporting.report.period.month" : "reporting.report.period.year", p));
		}
		if (result.first.atDay(1).isAfter(today) || result.first.getYear() < 2000) {
			throw new InvalidInputException(Violation.of("period", "reporting.report.period.range", p, today));
		}
		return result;
	}

	/** As forms and stored rows write it: {@code 2026-11} or {@code 2026}. */
	public String text() {
		return (this.kind == Kind.MONTH) ? this.first.toString() : Integer.toString(this.first.getYear());
	}

	/** As a reader names it: 2026年11月 or 2026年 (2026-11 or 2026 in English). */
	public String label(Locale locale) {
		if ("en".equals(locale.getLanguage())) {
			return text();
		}
		return (this.kind == Kind.MONTH) ? this.first.getYear() + "年" + this.first.getMonthValue() + "月"
				: this.first.getYear() + "年";
	}

	/** Whether the period has ended before {@code today}. */
	public boolean endedBefore(LocalDate today) {
		return this.last.atEndOfMonth().isBefore(today);
	}

}
