package org.yizhan.funding;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Funding at national scale (docs/benchmarks.md, "Funding"): 186,000 listed stations over
 * every district of the country, written straight into the table (the trigger starts
 * their status history), a twentieth of them silent in the month run and a twentieth with
 * an overdue case; a national upkeep rule run for one month (who is owed, one statement),
 * that batch paid (186,000 ledger entries), and the supervision page of the province with
 * the most stations. Not part of the build:
 * {@code ./mvnw -o test -Dtest=FundingBenchmark -Dyizhan.bench.funding=true -Dyizhan.fuzz.skip=true}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.funding", matches = "true")
class FundingBenchmark {

	static final int STATIONS = Integer.getInteger("yizhan.bench.funding.stations", 186_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubsidyRules rules;

	@Autowired
	PaymentRuns runs;

	@Autowired
	FundSupervision supervision;

	@Autowired
	FundingRepository repository;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static void signIn(String username) {
		Actor actor = new Actor(0, username, OrganizationTree.NATIONAL_CODE, OrganizationTree.NATIONAL_CODE,
				Set.of(Role.FINANCE));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
	}

	@Test
	void runsANationalMonthAndAnswersAProvincesSupervision() {
		jdbc.sql("""
				with d as (select array_agg(code order by code) as codes from organization where kind = 'DISTRICT')
				insert into station (code, name, address, district_code, host_name, host_type, lat, lon, status,
				  status_changed_at, created_at, updated_at, version)
				select 'F' || lpad(g::text, 9, '0'), '资金基准驿站' || g, '基准路 ' || g || ' 号',
				  d.codes[1 + (g % array_length(d.codes, 1))], '基准单位', 'OTHER',
				  30 + (g % 1000) / 1000.0, 110 + (g % 997) / 100.0, 'LISTED', timestamptz '2024-12-01 00:00+08',
				  timestamptz '2024-12-01 00:00+08', now(), 1
				from generate_series(1, :n) g, d""").param("n", STATIONS).update();
		jdbc.sql("""
				insert into silent_station_case (station_id, first_silent_month, last_silent_month, status, opened_at,
				  version)
				select id, date '2025-06-01', date '2025-06-01', 'OPEN', now(), 0 from station
				where code like 'F%' and id % 20 = 0""").update();
		jdbc.sql(
				"""
						insert into problem_ticket (number, station_id, problem, status, responsible_level, created_at, due_at,
						  version, source, severity)
						select 'FB' || id, id, 'BROKEN_FACILITY', 'OPEN', 'STATION_MASTER', timestamptz '2025-05-01 00:00+08',
						  timestamptz '2025-05-20 00:00+08', 0, 'STAFF', 'GENERAL' from station where code like 'F%' and id % 20 = 1""")
			.update();
		jdbc.sql("analyze").update();
		System.out.printf(Locale.ROOT, "BENCH listed stations: %d%n",
				jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single());

		signIn("bench-maker");
		SubsidyRule upkeep = rules.create(new RuleInput("100000", "UPKEEP", "全国运维基准", "2025", "200", "500000000"));
		RunResult[] result = new RunResult[1];
		report("national upkeep run, 2025-06 (who is owed, one statement)", 1,
				() -> result[0] = runs.run(upkeep.id(), YearMonth.of(2025, 6)));
		report("national upkeep run, 2025-07", 1, () -> runs.run(upkeep.id(), YearMonth.of(2025, 7)));
		report("the same month again (finds its batch)", 5, () -> runs.run(upkeep.id(), YearMonth.of(2025, 6)));
		System.out.printf(Locale.ROOT, "BENCH batch 2025-06: %d lines, %s yuan%n", result[0].batch().lineCount(),
				Fen.format(result[0].batch().totalFen()));
		signIn("bench-checker");
		report("approval paying the batch into the ledger", 1, () -> runs.approve(result[0].batch().id()));
		signIn("bench-second-checker");
		if (!runs.get(result[0].batch().id()).paid()) {
			report("second approval paying the batch into the ledger", 1, () -> runs.approve(result[0].batch().id()));
		}
		jdbc.sql("analyze funding_ledger").update();
		jdbc.sql("analyze funding_station_year").update();
		String province = jdbc.sql("""
				select p.code from organization p join organization d on d.path like p.path || '/%'
				join station s on s.district_code = d.code
				where p.kind = 'PROVINCE' group by p.code order by count(*) desc limit 1""")
			.query(String.class)
			.single();
		report("supervision of province " + province + " (cold)", 1, () -> supervision.report(province, 2025));
		report("supervision of province " + province + " (warm)", 21, () -> supervision.report(province, 2025));
		report("supervision of the nation (warm)", 5, () -> supervision.report("100000", 2025));
		// where a province's page spends its time, query by query (as FundSupervision
		// asks)
		String path = jdbc.sql("select path from organization where code = :c")
			.param("c", province)
			.query(String.class)
			.single();
		report("  part: rules of the subtree", 11, () -> repository.listRules(path, 2025));
		report("  part: stations listed", 11, () -> repository.countListed(path));
		report("  part: paid in the year", 11, () -> repository.paidInYear(path, 2025));
		report("  part: visits in the year", 11, () -> repository.visits(path, java.time.LocalDate.of(2025, 1, 1),
				java.time.LocalDate.of(2025, 12, 31)));
		report("  part: the 100 largest stations", 11, () -> repository.stationFunds(path, false, 100));
		report("  part: the flagged stations", 11, () -> repository.stationFunds(path, true, 100));
		// side by side on the same data: the per-station query as it was before the
		// roll-up
		// (grouping the subtree's ledger entries), so the change is measured as a ratio
		// on
		// this shared machine rather than against a figure taken under another load
		report("  before the roll-up: the 100 largest stations", 11, () -> ledgerStationFunds(path, false));
		report("  before the roll-up: the flagged stations", 11, () -> ledgerStationFunds(path, true));
		// the whole page again, now that the parts ran: the first warm series follows the
		// approval's 167,400 inserts, whose dirty pages and autovacuum share the machine
		report("supervision of province " + province + " (warm, after the parts)", 21,
				() -> supervision.report(province, 2025));
	}

	private java.util.List<Long> ledgerStationFunds(String path, boolean flaggedOnly) {
		return jdbc.sql("""
				with paid as (
				  select e.station_id, sum(e.amount_fen) as fen, count(*) filter (where e.kind = 'PAYMENT') as payments,
				    min(e.recorded_at) as first_paid
				  from funding_ledger e where e.district_code in
				    (select code from organization where path = :path or path like :path || '/%')
				  group by e.station_id),
				flagged as (
				  select p.*, s.code, s.name, s.status,
				    case when s.status = 'DELISTED' and s.status_changed_at > p.first_paid then 'DELISTED_AFTER_PAYMENT'
				      when not exists (select 1 from funding_station_status h where h.station_id = s.id
				        and h.status = 'LISTED') then 'NEVER_LISTED' end as flag
				  from paid p join station s on s.id = p.station_id)
				select f.station_id, (select coalesce(sum(v.visits), 0) from visit_day v
				    where v.station_id = f.station_id) as visits
				from flagged f where not :flaggedOnly or f.flag is not null
				order by f.fen desc, f.code limit 100""")
			.param("path", path)
			.param("flaggedOnly", flaggedOnly)
			.query((rs, n) -> rs.getLong(1))
			.list();
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
