package org.yizhan.grading;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.platform.YizhanTime;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national assessment run (docs/benchmarks.md, "Grading"): 186,000 listed stations
 * spread over every district of the country, written straight into the table, with a year
 * of evidence (ratings per month for half of them and the year before, visits served per
 * month, a judgement each, open cases for one in fifty); then the national run through
 * {@link Assessments#run} (evidence read, assessed, 186,000 proposals written, one
 * transaction) and the national at-risk list. Not part of the build:
 * {@code ./mvnw -o test -Dtest=GradingBenchmark -Dyizhan.bench.grading=true -Dyizhan.fuzz.skip=true}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.grading", matches = "true")
class GradingBenchmark {

	static final int STATIONS = Integer.getInteger("yizhan.bench.grading.stations", 186_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Assessments assessments;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void runsANationalAssessment() {
		long listed = this.jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single();
		if (listed < STATIONS) {
			insertStations((int) (STATIONS - listed));
		}
		int year = LocalDate.now(YizhanTime.ZONE).getYear() - 1;
		long start = System.nanoTime();
		insertEvidence(year);
		System.out.printf(Locale.ROOT,
				"BENCH evidence written in %d ms: %d rating months, %d visit days, %d judgements%n",
				(System.nanoTime() - start) / 1_000_000, count("rating_station_month"), count("visit_day"),
				count("station_judgement"));
		for (String table : new String[] { "station", "rating_station_month", "visit_day", "station_judgement",
				"problem_ticket" }) {
			this.jdbc.sql("analyze " + table).update();
		}
		ActingAsNationalAdmin.signIn();
		long[] proposed = { 0 };
		report("national run (" + year + ")", 3, () -> {
			GradingRun run = this.assessments.run("100000", year);
			proposed[0] = run.stations();
			return run;
		});
		System.out.printf(Locale.ROOT, "BENCH proposals per run: %d%n", proposed[0]);
		assertThat(proposed[0]).isGreaterThanOrEqualTo(STATIONS);
		report("national at-risk list", 3, () -> this.assessments.atRisk("100000", 200));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * A year of evidence (and the year before, for the trend) for the benchmark's
	 * stations, once: the judgement rows mark it done.
	 */
	private void insertEvidence(int year) {
		boolean done = this.jdbc
			.sql("select exists (select 1 from station_judgement where judged_by = 'grading-benchmark')")
			.query(Boolean.class)
			.single();
		if (done) {
			return;
		}
		this.jdbc.sql("""
				insert into rating_station_month (station_id, month, counted_through, stars_through, satisfied_through)
				select s.id, make_date(:year - y, m, 1), array_fill(10 + s.id % 7, array[31]),
				  array_fill(45 + s.id % 7, array[31]), array_fill(8 + s.id % 3, array[31])
				from station s, generate_series(1, 12) m, generate_series(0, 1) y
				where s.code like 'B%' and s.id % 2 = 0 and (s.id + m) % 5 <> 0""").param("year", year).update();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins)
				select s.id, make_date(:year, m, 15), s.district_code, 100 + s.id % 300
				from station s, generate_series(1, 12) m where s.code like 'B%'""").param("year", year).update();
		this.jdbc.sql("""
				insert into station_judgement (station_id, checklist_version_id, purpose, met, judged_at, judged_by)
				select s.id, (select min(id) from checklist_version), 'RECORDED', s.id % 4 <> 0,
				  make_timestamptz(:year, 3, 1, 0, 0, 0, 'Asia/Shanghai'), 'grading-benchmark'
				from station s where s.code like 'B%'""").param("year", year).update();
	}

	private void insertStations(int count) {
		this.jdbc.sql("""
				with d as (select array_agg(code order by code) as codes from organization where kind = 'DISTRICT')
				insert into station (code, name, address, district_code, host_name, host_type, lat, lon, status,
				  status_changed_at, created_at, updated_at, version)
				select 'B' || lpad(g::text, 9, '0'), '基准驿站' || g, '基准路 ' || g || ' 号',
				  d.codes[1 + (g % array_length(d.codes, 1))], '基准单位', 'OTHER',
				  30 + (g % 1000) / 1000.0, 110 + (g % 997) / 100.0, 'LISTED', now(), now(), now(), 1
				from generate_series(1, :n) g, d""").param("n", count).update();
	}

	private static void report(String what, int runs, Supplier<?> work) {
		long[] millis = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "BENCH %s: median %d ms, min %d ms, max %d ms over %d runs %s%n", what,
				sorted[runs / 2], sorted[0], sorted[runs - 1], runs, Arrays.toString(millis));
	}

}
