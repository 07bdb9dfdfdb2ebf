package org.yizhan.operations;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city a generated history of visits served (服务人次), so that a first visit
 * finds the visits pages with days and hours in them (issue 21, item 13): check-ins hour
 * by hour over the last {@value #DAYS} days up to yesterday, and on about one day in four
 * the station's own tally, recorded by {@value #LABEL} (the tally's "by", shown beside
 * it), so the generated days say what they are.
 *
 * <p>
 * Deterministic (hashes of station code, day and hour): about one listed station in ten
 * gets no visit at all, the others check-ins between 07:00 and 21:59, busiest at lunch.
 * The day's check-ins are the sum of its hours, as the check-in itself keeps them. Loaded
 * once per database (a marker row), only on the demo city's and only while it holds no
 * visit; off with {@code yizhan.demo.history.enabled=false}, as the tests run.
 */
@Component
@Order(36)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoVisits implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-visit-history";

	/** Who recorded the generated tallies: a label, not an account. */
	static final String LABEL = "演示数据";

	static final int DAYS = 30;

	private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoVisits(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> loadOnce());
	}

	void loadOnce() {
		this.imports.generateOnceForDemoCity(IMPORT_NAME, "visit_day", this.clock.instant(), this::generate)
			.ifPresent(rows -> log.info("Generated the demo city's visits served (演示数据): {} station-days over {} days",
					rows, DAYS));
	}

	/**
	 * Writes the hours and days in the caller's transaction; the number of station-days
	 * written.
	 */
	int generate() {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(YizhanTime.ZONE)).minusDays(1);
		LocalDate first = yesterday.minusDays(DAYS - 1);
		this.jdbc.sql("""
				insert into visit_hour (station_id, day, hour, check_ins)
				select g.id, g.day, g.hour, 1 + g.h % case when g.hour between 11 and 13 then 6 else 3 end
				from (
				    select s.id, d.day::date as day, hr.hour,
				           abs(hashtext(s.code || ':' || d.day::date || ':' || hr.hour)) as h
				    from station s
				    cross join generate_series(cast(:first as date), cast(:last as date), interval '1 day') as d(day)
				    cross join generate_series(7, 21) as hr(hour)
				    where s.status = 'LISTED' and abs(hashtext(s.code || ':visits')) % 10 <> 0
				) g
				where g.h % 3 = 0
				on conflict do nothing""")
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(yesterday))
			.update();
		return this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally, tally_by, tally_at)
				select v.station_id, v.day, s.district_code, sum(v.check_ins),
				       case when abs(hashtext(s.code || ':tally:' || v.day)) % 4 = 0
				            then sum(v.check_ins) + abs(hashtext(s.code || ':more:' || v.day)) % 8 end,
				       case when abs(hashtext(s.code || ':tally:' || v.day)) % 4 = 0 then :label end,
				       case when abs(hashtext(s.code || ':tally:' || v.day)) % 4 = 0
				            then (v.day + time '21:30') at time zone 'Asia/Shanghai' end
				from visit_hour v join station s on s.id = v.station_id
				where v.day between :first and :last
				group by v.station_id, v.day, s.district_code, s.code
				on conflict do nothing""")
			.param("label", LABEL)
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(yesterday))
			.update();
	}

}
