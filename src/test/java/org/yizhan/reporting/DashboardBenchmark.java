package org.yizhan.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.platform.YizhanTime;
import org.yizhan.reporting.web.ReportFiles;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The union dashboard at national scale (docs/benchmarks.md): stations written straight
 * into {@code station} up to 186,000 over every district, varied in status, level, stars,
 * host type, hours and smart entry and registered over two years; a year of rating
 * roll-up rows (one per district and day), a visit day per station and month, 60,000
 * cases and 3,000 open silent cases; folds the months' roll-up as its job would; then the
 * national, a province's and a city's dashboard through {@link UnionDashboards#forUnion},
 * one cold call and 21 warm ones, the national page's queries one by one, and a
 * province's monthly report made and drawn as PDF. Not part of the build:
 * {@code ./mvnw -o test -Dtest=DashboardBenchmark -Dyizhan.bench.dashboard=true -Dyizhan.fuzz.skip=true}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.dashboard", matches = "true")
class DashboardBenchmark {

	static final int STATIONS = 186_000;

	@Autowired
	UnionDashboards dashboards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingRollUp rollUp;

	@Autowired
	UnionReports reports;

	@Autowired
	ReportFiles files;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void nationalScale() {
		System.out.printf("BENCH machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		long started = System.nanoTime();
		long present = this.jdbc.sql("select count(*) from station").query(Long.class).single();
		this.jdbc
			.sql("""
					with d as (select array_agg(code order by code) as codes from organization where kind = 'DISTRICT')
					insert into station (code, name, address, district_code, host_name, host_type, lat, lon, status,
					  level, stars, opening_hours, smart_entry_method, status_changed_at, created_at, updated_at, version)
					select d.codes[1 + (g % array_length(d.codes, 1))] || '-' || (5000 + g / array_length(d.codes, 1)),
					  '看板基准驿站' || g, '基准路 ' || g || ' 号',
					  d.codes[1 + (g % array_length(d.codes, 1))], '基准单位',
					  (array['SANITATION_DEPOT','PUBLIC_TOILET','BANK','PETROL_STATION','COMMUNITY_CENTRE','MERCHANT_RESTAURANT','OTHER'])[1 + g % 7],
					  30 + (g % 1000) / 1000.0, 110 + (g % 997) / 100.0,
					  case when g % 20 = 0 then 'SUSPENDED' when g % 33 = 0 then 'DELISTED' when g % 50 = 0 then 'DRAFT' else 'LISTED' end,
					  (array['NONE','NONE','NONE','CITY','CITY','PROVINCIAL','NATIONAL'])[1 + g % 7], g % 6,
					  case when g % 15 = 0 then '24/7' else 'Mo-Su 08:00-20:00' end,
					  case when g % 16 = 0 then 'QR' end,
					  now(), now() - (g % 730) * interval '1 day', now(), 1
					from generate_series(1, :n) g, d""")
			.param("n", Math.max(0, STATIONS - present))
			.update();
		this.jdbc.sql("""
				insert into rating_figures (district_code, rating_day, counted, stars, satisfied)
				select o.code, day, 40, 180, 36
				from organization o, generate_series(current_date - 365, current_date, interval '1 day') day
				where o.kind = 'DISTRICT'""").update();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally)
				select s.id, (date_trunc('month', current_date) - m * interval '1 month')::date, s.district_code,
				       s.id % 40, case when s.id % 3 = 0 then 30 end
				from station s, generate_series(0, 11) m
				where s.name like '看板基准驿站%'
				on conflict do nothing""").update();
		this.jdbc
			.sql("""
					insert into problem_ticket (number, station_id, problem, status, responsible_level, created_at, due_at,
					  resolved_at, version)
					select 'BD' || lpad(g::text, 12, '0'), s.id, 'BROKEN_FACILITY',
					       case when g % 4 = 0 then 'OPEN' else 'RESOLVED' end, 'STATION_MASTER',
					       now() - (g % 200) * interval '1 day', now() - (g % 200) * interval '1 day' + interval '3 days',
					       case when g % 4 <> 0 then now() - (g % 200) * interval '1 day' + (g % 96) * interval '1 hour' end, 1
					from generate_series(1, 60000) g
					join station s on s.name = '看板基准驿站' || (g * 3)""")
			.update();
		this.jdbc
			.sql("""
					insert into silent_station_case (station_id, first_silent_month, last_silent_month, status, opened_at, version)
					select s.id, date_trunc('month', current_date - 90)::date, date_trunc('month', current_date - 30)::date,
					       'OPEN', now(), 1
					from station s where s.name like '看板基准驿站%' and s.id % 62 = 0 and s.status = 'LISTED'
					  and not exists (select 1 from silent_station_case c where c.station_id = s.id and c.status = 'OPEN')""")
			.update();
		long folding = System.nanoTime();
		this.rollUp.fold();
		System.out.printf(Locale.ROOT, "BENCH months' roll-up folded in %.1f s: %,d rows%n",
				(System.nanoTime() - folding) / 1e9,
				this.jdbc.sql("select count(*) from reporting_district_month").query(Long.class).single());
		this.jdbc.sql("analyze").update();
		System.out.printf(Locale.ROOT,
				"BENCH loaded in %.1f s: %,d stations, %,d rating_figures rows, %,d visit days, %,d cases%n",
				(System.nanoTime() - started) / 1e9,
				this.jdbc.sql("select count(*) from station").query(Long.class).single(),
				this.jdbc.sql("select count(*) from rating_figures").query(Long.class).single(),
				this.jdbc.sql("select count(*) from visit_day").query(Long.class).single(),
				this.jdbc.sql("select count(*) from problem_ticket").query(Long.class).single());
		ActingAsNationalAdmin.signIn();
		report("national dashboard (cold: first call)", 1, () -> this.dashboards.forUnion("100000"));
		report("national dashboard (warm)", 21, () -> this.dashboards.forUnion("100000"));
		report("province 330000 (warm)", 21, () -> this.dashboards.forUnion("330000"));
		report("city 330100 (warm)", 21, () -> this.dashboards.forUnion("330100"));
		// where the national page's time goes, query by query
		String nation = "100000";
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		LocalDate from = YearMonth.from(today).minusMonths(UnionDashboards.MONTHS - 1).atDay(1);
		Instant now = Instant.now();
		// the queries as the dashboard reads them, on the primary (a replica is off here)
		DashboardQueries queries = new DashboardQueries(this.jdbc);
		report("query breakdown (national)", 5, () -> queries.breakdown(nation));
		report("query stationsByDistrict (national)", 5, () -> queries.stationsByDistrict(nation));
		report("query registrations (national)", 5, () -> queries.registrations(nation, now));
		report("query monthly (national, roll-up + live)", 5, () -> queries.monthly(nation, from, today));
		// side by side: the same months read the way the page read them before the
		// roll-up, every day's row of the rating roll-up and of the visit days
		report("query monthly, every day read live (before the roll-up)", 5, () -> {
			long rows = this.jdbc
				.sql("""
						select o.path, date_trunc('month', f.rating_day)::date, sum(f.counted), sum(f.stars), sum(f.satisfied)
						from rating_figures f join organization o on o.code = f.district_code
						where (o.path = :path or o.path like :path || '/%') and f.rating_day between :from and :to
						group by 1, 2""")
				.param("path", nation)
				.param("from", from)
				.param("to", today)
				.query()
				.listOfRows()
				.size();
			return rows + this.jdbc.sql("""
					select o.path, date_trunc('month', d.day)::date, sum(d.visits)
					from visit_day d join organization o on o.code = d.district_code
					where (o.path = :path or o.path like :path || '/%') and d.day between :from and :to
					group by 1, 2""")
				.param("path", nation)
				.param("from", from)
				.param("to", today)
				.query()
				.listOfRows()
				.size();
		});
		report("query cases (national)", 5, () -> queries.cases(nation, now));
		report("query closing (national)", 5, () -> queries.closing(nation, now.minus(Duration.ofDays(90))));
		// a province's monthly report, made and drawn as PDF as the console does
		String lastMonth = YearMonth.from(today).minusMonths(1).toString();
		report("province 330000 monthly report made and drawn as PDF", 5, () -> {
			UnionReport made = this.reports.make("330000", "MONTH", lastMonth);
			return this.files.pdf(made.id(), Locale.SIMPLIFIED_CHINESE).bytes().length;
		});
		Dashboard national = this.dashboards.forUnion("100000");
		System.out.printf(Locale.ROOT,
				"BENCH national: %,d stations, %d unions below, %,d ratings, %,d visits, %,d open cases%n",
				national.stations().total(), national.children().size(), national.totals().ratings(),
				national.totals().visits(), national.cases().open());
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
