package org.yizhan.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * China's public holidays and make-up working days (调休), as the State Council announces
 * them each year.
 *
 * <p>
 * The arrangement cannot be computed: every November the State Council publishes the next
 * year's days off and the weekend days that become working days, so the calendar is data.
 * The bundled {@code calendar/cn-public-holidays.csv} covers the years known at release;
 * operators add a new year (or correct one) without a release by dropping a CSV of the
 * same shape into a folder and loading it with {@link #withOverrides(Path)}. A row for a
 * date replaces any earlier row for that date, and kind {@code ORDINARY} cancels one.
 *
 * <p>
 * Lookups index an array by epoch day, because the finder asks for every candidate
 * station of every query. Instances are immutable and safe to share.
 */
public final class HolidayCalendar {

	/** What a row says about its date. */
	enum Kind {

		/** A day off: a statutory holiday or a rest day moved by 调休. */
		HOLIDAY,
		/** A Saturday or Sunday that is a working day (调休上班). */
		WORKDAY,
		/**
		 * Only in overrides: cancels an earlier row, the date follows the ordinary week.
		 */
		ORDINARY

	}

	private record Entry(Kind kind, String name) {
	}

	private static final String BUNDLED = "/calendar/cn-public-holidays.csv";

	private static final String HEADER = "date,kind,name";

	private static final byte NONE = 0;

	private static final byte HOLIDAY = 1;

	private static final byte WORKDAY = 2;

	private final Map<LocalDate, Entry> entries;

	private final Set<Integer> years;

	private final int firstYear;

	private final boolean[] covered;

	private final long firstEpochDay;

	private final byte[] kinds;

	private HolidayCalendar(Map<LocalDate, Entry> rows) {
		TreeMap<LocalDate, Entry> sorted = new TreeMap<>(rows);
		this.entries = Collections.unmodifiableMap(sorted);
		TreeSet<Integer> rowYears = new TreeSet<>();
		sorted.keySet().forEach((date) -> rowYears.add(date.getYear()));
		this.years = Collections.unmodifiableSet(rowYears);
		this.firstYear = rowYears.isEmpty() ? 0 : rowYears.first();
		this.covered = new boolean[rowYears.isEmpty() ? 0 : rowYears.last() - this.firstYear + 1];
		rowYears.forEach((year) -> this.covered[year - this.firstYear] = true);
		if (sorted.isEmpty()) {
			this.firstEpochDay = 0;
			this.kinds = new byte[0];
		}
		else {
			this.firstEpochDay = sorted.firstKey().toEpochDay();
			this.kinds = new byte[(int) (sorted.lastKey().toEpochDay() - this.firstEpochDay + 1)];
			sorted.forEach((date,
					entry) -> this.kinds[(int) (date.toEpochDay() - this.firstEpochDay)] = switch (entry.kind()) {
						case HOLIDAY -> HOLIDAY;
						case WORKDAY -> WORKDAY;
						case ORDINARY -> NONE;
					});
		}
	}

	/** A calendar with no holidays at all: every date follows the ordinary week. */
	public static HolidayCalendar empty() {
		return new HolidayCalendar(Map.of());
	}

	/** The calendar shipped with this release. */
	public static HolidayCalendar bundled() {
		InputStream in = HolidayCalendar.class.getResourceAsStream(BUNDLED);
		if (in == null) {
			throw new IllegalStateException("Missing classpath resource " + BUNDLED);
		}
		Map<LocalDate, Entry> rows = new HashMap<>();
		read(rows, "cn-public-holidays.csv", in);
		return new HolidayCalendar(rows);
	}

	/**
	 * Reads {@code date,kind,name} CSVs; a later source's row for a date replaces an
	 * earlier one.
	 * @throws IllegalArgumentException naming the source (by position) and line of the
	 * first malformed row
	 */
	public static HolidayCalendar load(InputStream... csvs) {
		Map<LocalDate, Entry> rows = new HashMap<>();
		for (int i = 0; i < csvs.length; i++) {
			read(rows, "source " + (i + 1), csvs[i]);
		}
		return new HolidayCalendar(rows);
	}

	/**
	 * This calendar with the rows of {@code location} laid over it: a CSV file, or a
	 * folder whose {@code *.csv} files are read in name order. Rows replace ours for the
	 * same date, so a folder can add next year or correct a changed arrangement.
	 * @throws IllegalArgumentException if the location does not exist or a row is
	 * malformed: a misconfigured calendar should stop start-up, not give wrong hours
	 */
	public HolidayCalendar withOverrides(Path location) {
		List<Path> files = new ArrayList<>();
		if (Files.isDirectory(location)) {
			try (Stream<Path> listing = Files.list(location)) {
				listing.filter((p) -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
					.sorted()
					.forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list holiday folder " + location, ex);
			}
		}
		else if (Files.isRegularFile(location)) {
			files.add(location);
		}
		else {
			throw new IllegalArgumentException("Holiday overrides not found: " + location);
		}
		Map<LocalDate, Entry> rows = new HashMap<>(this.entries);
		for (Path file : files) {
			try {
				read(rows, file.toString(), Files.newInputStream(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		return new HolidayCalendar(rows);
	}

	/** Whether {@code date} is a day off by the State Council's arrangement. */
	public boolean isPublicHoliday(LocalDate date) {
		return kindOf(date) == HOLIDAY;
	}

	/** Whether {@code date} is a weekend day made a working day (调休上班). */
	public boolean isMakeUpWorkday(LocalDate date) {
		return kindOf(date) == WORKDAY;
	}

	/**
	 * The holiday's Chinese name (such as 国庆节) on holidays and make-up workdays, which
	 * are named for the holiday they make up for.
	 */
	public Optional<String> holidayName(LocalDate date) {
		Entry entry = this.entries.get(date);
		return (entry == null || entry.kind() == Kind.ORDINARY) ? Optional.empty() : Optional.of(entry.name());
	}

	/**
	 * Whether the data has rows for {@code year}. A year without rows is not a year
	 * without holidays: its notice has not been loaded, so holiday answers are guesses.
	 */
	public boolean covers(int year) {
		int index = year - this.firstYear;
		return index >= 0 && index < this.covered.length && this.covered[index];
	}

	/** The years the data has rows for, ascending. */
	public Set<Integer> years() {
		return this.years;
	}

	private byte kindOf(LocalDate date) {
		long index = date.toEpochDay() - this.firstEpochDay;
		return (index < 0 || index >= this.kinds.length) ? NONE : this.kinds[(int) index];
	}

	private static void read(Map<LocalDate, Entry> rows, String source, InputStream in) {
		Map<LocalDate, Integer> seen = new HashMap<>();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				BufferedReader lines = new BufferedReader(reader)) {
			String line;
			int number = 0;
			boolean header = false;
			while ((line = lines.readLine()) != null) {
				number++;
				if (number == 1 && line.startsWith("\uFEFF")) {
					// Spreadsheets save UTF-8 CSVs with a byte-order mark.
					line = line.substring(1);
				}
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				if (!header) {
					if (!text.equals(HEADER)) {
						throw malformed(source, number,
								"expected the header '" + HEADER + "' but found '" + text + "'");
					}
					header = true;
					continue;
				}
				String[] fields = text.split(",", 3);
				if (fields.length < 2) {
					throw malformed(source, number, "expected date,kind,name but found '" + text + "'");
				}
				LocalDate date = parseDate(source, number, fields[0].strip());
				Kind kind = parseKind(source, number, fields[1].strip());
				String name = fields.length == 3 ? fields[2].strip() : "";
				if (name.isEmpty() && kind != Kind.ORDINARY) {
					throw malformed(source, number, "a " + kind + " row needs the holiday's name");
				}
				if (kind == Kind.WORKDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY
						&& date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					throw malformed(source, number, date + " is a " + date.getDayOfWeek()
							+ ", already a working day; WORKDAY is for a Saturday or Sunday");
				}
				Integer earlier = seen.putIfAbsent(date, number);
				if (earlier != null) {
					throw malformed(source, number, date + " is already on line " + earlier);
				}
				rows.put(date, new Entry(kind, name));
			}
			if (!header) {
				throw malformed(source, Math.max(1, number), "no header '" + HEADER + "'");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read holidays from " + source, ex);
		}
	}

	private static LocalDate parseDate(String source, int line, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw malformed(source, line, "'" + text + "' is not a date like 2025-10-01");
		}
	}

	private static Kind parseKind(String source, int line, String text) {
		try {
			return Kind.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			throw malformed(source, line, "unknown kind '" + text + "' (expected HOLIDAY, WORKDAY or ORDINARY)");
		}
	}

	private static IllegalArgumentException malformed(String source, int line, String detail) {
		return new IllegalArgumentException("Holiday calendar " + source + " line " + line + ": " + detail);
	}

	@Override
	public String toString() {
		return "HolidayCalendar" + this.years;
	}

}
