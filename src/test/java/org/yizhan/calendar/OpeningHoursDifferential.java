package org.yizhan.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our side of the differential test against opening_hours.js
 * ({@code bench/opening-hours-diff.sh}, docs/calendar.md): {@code times} prints the
 * Asia/Shanghai times both sides evaluate; {@code compare <js results> <differences>}
 * evaluates every value and time of the reference's results with {@link OpeningSchedule},
 * prints the agreement and exits 1 on any open-versus-closed contradiction whose kind is
 * not in the committed list of documented differences. Not a test: it needs node and the
 * npm registry.
 *
 * <p>
 * A contradiction is put down to a documented kind only when the kind explains it:
 * {@code china-holidays} when we are open on a make-up workday because it is one, or the
 * hours mention {@code PH} and the two sides disagree whether the date is a public
 * holiday; {@code overnight} when we are open in a range the day before started and
 * opening_hours.js let a rule of the day cut short. Anything else is {@code undocumented}
 * and fails.
 */
public final class OpeningHoursDifferential {

	/**
	 * An ordinary week, ordinary days of the school-holiday months, the public holidays
	 * and make-up workdays of 2026 and the days after holidays.
	 */
	private static final List<String> DATES = List.of("2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12",
			"2026-03-13", "2026-03-14", "2026-03-15", "2026-01-20", "2026-07-15", "2026-08-22", "2026-01-01",
			"2026-01-02", "2026-02-17", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-05", "2026-06-19",
			"2026-09-25", "2026-10-01", "2026-10-07", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
			"2026-09-20", "2026-10-10", "2026-10-08", "2026-02-24", "2026-12-31");

	private static final List<String> TIMES = List.of("00:00", "00:30", "01:00", "02:00", "03:00", "05:00", "06:00",
			"07:00", "07:30", "08:00", "08:30", "09:00", "10:00", "11:00", "12:00", "12:30", "13:00", "14:00", "15:00",
			"16:00", "17:00", "17:30", "18:00", "19:00", "20:00", "22:00", "23:30");

	private OpeningHoursDifferential() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 1 && args[0].equals("times")) {
			for (String date : DATES) {
				for (String time : TIMES) {
					System.out.println(date + "T" + time);
				}
			}
			return;
		}
		if (args.length != 3 || !args[0].equals("compare")) {
			System.err.println("usage: OpeningHoursDifferential times | compare <js results> <differences>");
			System.exit(2);
		}
		System.exit(new Comparison(Path.of(args[1])).run(documentedKinds(Path.of(args[2]))));
	}

	/** The kinds of the differences file: "kind<TAB>why" lines, '#' for comments. */
	private static Map<String, String> documentedKinds(Path file) throws IOException {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t", 2);
			kinds.put(fields[0].strip(), (fields.length > 1) ? fields[1].strip() : "");
		}
		return kinds;
	}

	private static final class Comparison {

		private final HolidayCalendar calendar = HolidayCalendar.bundled();

		private final HolidayCalendar noHolidays = HolidayCalendar.empty();

		private final Set<LocalDate> referenceHolidays = new HashSet<>();

		private final Map<String, OpeningSchedule> schedules = new HashMap<>();

		private final Map<String, Tally> byCorpus = new TreeMap<>();

		private final Map<String, Integer> contradictionsByKind = new TreeMap<>();

		private final Map<String, Integer> onlyWeUnknown = new TreeMap<>();

		private final Map<String, Integer> onlyTheyUnknown = new TreeMap<>();

		private final List<String> undocumented = new ArrayList<>();

		private final Map<String, Integer> ordinaryDisagreements = new TreeMap<>();

		private final Map<String, String> refusals = new TreeMap<>();

		private final Map<String, List<String>> examples = new TreeMap<>();

		private final Path results;

		Comparison(Path results) {
			this.results = results;
		}

		int run(Map<String, String> documented) throws IOException {
			List<String[]> rows = new ArrayList<>();
			for (String line : Files.readAllLines(this.results, StandardCharsets.UTF_8)) {
				String[] fields = line.split("\t");
				if (fields[0].equals("#PH")) {
					if (fields[2].equals("true")) {
						this.referenceHolidays.add(LocalDate.parse(fields[1]));
					}
				}
				else if (fields.length == 4) {
					rows.add(fields);
				}
			}
			Tally total = new Tally();
			for (String[] row : rows) {
				Tally tally = this.byCorpus.computeIfAbsent(row[0], (corpus) -> new Tally());
				compare(row[1], LocalDateTime.parse(row[2]), row[3], tally, total);
			}
			Set<String> undocumentedKinds = new HashSet<>(this.contradictionsByKind.keySet());
			undocumentedKinds.removeAll(documented.keySet());
			print(total, documented, undocumentedKinds);
			return undocumentedKinds.isEmpty() ? 0 : 1;
		}

		private void compare(String value, LocalDateTime at, String theirs, Tally tally, Tally total) {
			OpeningSchedule schedule = this.schedules.computeIfAbsent(value, OpeningSchedule::compileOrUnknown);
			tally.count(value);
			total.count(value);
			boolean theyRefuse = theirs.equals("error");
			boolean weRefuse = schedule.isUnknown();
			if (theyRefuse || weRefuse) {
				this.refusals.put(value, (theyRefuse && weRefuse) ? "both refuse"
						: theyRefuse ? "opening_hours.js refuses" : "we refuse");
				tally.refused(theyRefuse, weRefuse);
				total.refused(theyRefuse, weRefuse);
				return;
			}
			String ours = schedule.statusAt(at, this.calendar).name().toLowerCase(Locale.ROOT);
			LocalDate date = at.toLocalDate();
			boolean ordinaryDate = !this.calendar.isPublicHoliday(date) && !this.calendar.isMakeUpWorkday(date)
					&& !this.referenceHolidays.contains(date);
			tally.compared(ours.equals(theirs), ordinaryDate);
			total.compared(ours.equals(theirs), ordinaryDate);
			if (ours.equals(theirs)) {
				return;
			}
			String example = value + " at " + at + ": ours " + ours + ", opening_hours.js " + theirs;
			if (ordinaryDate) {
				this.ordinaryDisagreements.merge(value + " — ours " + ours + ", opening_hours.js " + theirs, 1,
						Integer::sum);
			}
			if (ours.equals("unknown")) {
				String reason = schedule.unknownReasonAt(at, this.calendar)
					.orElse("?")
					.replaceAll("\"[^\"]*\"", "\"…\"");
				this.onlyWeUnknown.merge(reason, 1, Integer::sum);
				this.examples.computeIfAbsent("ours unknown: " + reason, (k) -> new ArrayList<>()).add(example);
				return;
			}
			if (theirs.equals("unknown")) {
				this.onlyTheyUnknown.merge(value, 1, Integer::sum);
				this.examples.computeIfAbsent("theirs unknown: " + value, (k) -> new ArrayList<>()).add(example);
				return;
			}
			String kind = kind(value, schedule, at, ours);
			this.contradictionsByKind.merge(kind, 1, Integer::sum);
			this.examples.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(example);
			tally.contradiction();
			total.contradiction();
			if (kind.equals("undocumented")) {
				this.undocumented.add(example);
			}
		}

		private String kind(String value, OpeningSchedule schedule, LocalDateTime at, String ours) {
			LocalDate date = at.toLocalDate();
			// The day before counts too: its range past midnight runs into this one.
			boolean holidaysDiffer = holidaysDiffer(date) || holidaysDiffer(date.minusDays(1));
			boolean ourCalendarMatters = schedule.statusAt(at, this.noHolidays) != schedule.statusAt(at, this.calendar);
			// A make-up workday adds the working day's hours to its weekday's own, so
			// there
			// we may be open where opening_hours.js (which reads a plain weekend day) is
			// closed, never the reverse.
			boolean makeUpAdds = this.calendar.isMakeUpWorkday(date) && ours.equals("open") && ourCalendarMatters;
			if (makeUpAdds || (holidaysDiffer && value.contains("PH"))) {
				return "china-holidays";
			}

			// Open: the range the day before started runs here, and opening_hours.js let
			// a
			// rule of this day cut it. Closed: the day before was closed by its own rule,
			// and
			// opening_hours.js kept the part of the range it had after midnight.
			int daysBack = ours.equals("open") ? 1 : 7;
			for (int back = 1; back <= daysBack; back++) {
				for (LocalTimeRange range : schedule.hoursOn(date.minusDays(back), this.calendar)) {
					if (range.nextDay() && at.toLocalTime().isBefore(range.to())) {
						return "overnight";
					}
				}
			}
			return "undocumented";
		}

		private boolean holidaysDiffer(LocalDate date) {
			return this.calendar.isPublicHoliday(date) != this.referenceHolidays.contains(date);
		}

		private void print(Tally total, Map<String, String> documented, Set<String> undocumentedKinds) {
			System.out.printf(Locale.ROOT, "%d dates x %d times = %d Asia/Shanghai times per value%n", DATES.size(),
					TIMES.size(), DATES.size() * TIMES.size());
			System.out.println();
			System.out.println(
					"| corpus | values | both evaluate | only opening_hours.js refuses | only we refuse (unknown) | both refuse | comparisons | agree | agreement | on ordinary dates | open/closed contradictions |");
			System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
			this.byCorpus.forEach((corpus, tally) -> tally.print(corpus));
			total.print("all (distinct values)");
			System.out.println();
			System.out.println("Open-versus-closed contradictions by kind:");
			if (this.contradictionsByKind.isEmpty()) {
				System.out.println("  none");
			}
			this.contradictionsByKind.forEach((kind, count) -> {
				String status = documented.containsKey(kind) ? "documented: " + documented.get(kind) : "NOT DOCUMENTED";
				System.out.printf(Locale.ROOT, "  %-15s %6d  (%s)%n", kind, count, status);
				this.examples.get(kind).stream().limit(3).forEach((e) -> System.out.println("      e.g. " + e));
			});
			System.out.println("Unknown on our side only, by reason:");
			this.onlyWeUnknown.forEach((reason, count) -> {
				System.out.printf(Locale.ROOT, "  %6d  %s%n", count, reason);
				this.examples.get("ours unknown: " + reason)
					.stream()
					.limit(1)
					.forEach((e) -> System.out.println("      e.g. " + e));
			});
			System.out.println("Unknown on opening_hours.js's side only, by value:");
			this.onlyTheyUnknown.forEach((value, count) -> {
				System.out.printf(Locale.ROOT, "  %6d  %s%n", count, value);
				this.examples.get("theirs unknown: " + value)
					.stream()
					.limit(1)
					.forEach((e) -> System.out.println("      e.g. " + e));
			});
			System.out.println("Values one side or both refuse (ours: unknown at every time, with the reason):");
			this.refusals.forEach((value, sides) -> System.out.printf(Locale.ROOT, "  %-26s %s%s%n", sides, value,
					this.schedules.get(value).unsupportedReason().map((reason) -> " — " + reason).orElse("")));
			System.out
				.println("Disagreements on ordinary dates (no holiday or make-up workday on either side), by value:");
			this.ordinaryDisagreements
				.forEach((value, count) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", count, value));
			if (!undocumentedKinds.isEmpty()) {
				System.out.println();
				System.out.println(
						"FAILED: " + this.undocumented.size() + " contradictions outside the documented differences:");
				this.undocumented.forEach((e) -> System.out.println("  " + e));
			}
			else {
				System.out.println();
				System.out.println("OK: every open-versus-closed contradiction is a documented difference.");
			}
		}

	}

	private static final class Tally {

		private final Set<String> values = new HashSet<>();

		private final Set<String> bothEvaluate = new HashSet<>();

		private final Set<String> theyRefuse = new HashSet<>();

		private final Set<String> weRefuse = new HashSet<>();

		private final Set<String> bothRefuse = new HashSet<>();

		private String current;

		private long comparisons;

		private long agreements;

		private long ordinaryComparisons;

		private long ordinaryAgreements;

		private long contradictions;

		void count(String value) {
			this.values.add(value);
			this.current = value;
		}

		void refused(boolean they, boolean we) {
			(they && we ? this.bothRefuse : they ? this.theyRefuse : this.weRefuse).add(this.current);
		}

		void compared(boolean agree, boolean ordinaryDate) {
			this.bothEvaluate.add(this.current);
			this.comparisons++;
			if (agree) {
				this.agreements++;
			}
			if (ordinaryDate) {
				this.ordinaryComparisons++;
				if (agree) {
					this.ordinaryAgreements++;
				}
			}
		}

		void contradiction() {
			this.contradictions++;
		}

		void print(String name) {
			System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %,d | %,d | %.2f%% | %.2f%% | %d |%n", name,
					this.values.size(), this.bothEvaluate.size(), this.theyRefuse.size(), this.weRefuse.size(),
					this.bothRefuse.size(), this.comparisons, this.agreements,
					percent(this.agreements, this.comparisons),
					percent(this.ordinaryAgreements, this.ordinaryComparisons), this.contradictions);
		}

		private static double percent(long part, long whole) {
			return (whole == 0) ? 100.0 : 100.0 * part / whole;
		}

	}

}
