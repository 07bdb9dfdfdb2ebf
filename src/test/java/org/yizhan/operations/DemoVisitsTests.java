package org.yizhan.operations;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's generated visits served, written in a transaction that is rolled back:
 * days up to yesterday whose check-ins are the sum of their hours, some tallied by the
 * label {@value DemoVisits#LABEL}, some stations without a visit.
 */
@SpringBootTest
class DemoVisitsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void theDemoCityGetsThirtyDaysOfCheckInsAndLabelledTallies() {
		DemoVisits demo = new DemoVisits(jdbc, imports, transaction, clock);
		LocalDate yesterday = LocalDate.now(clock.withZone(YizhanTime.ZONE)).minusDays(1);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			// days other tests recorded in this shared database keep their own counts
			// (the
			// demo adds hours beside theirs but never rewrites a day): only the generated
			// days are checked against their hours
			jdbc.sql("create temporary table visit_day_before on commit drop as select station_id, day from visit_day")
				.update();
			int days = demo.generate();
			// most of the demo city's 776 listed stations (and the other tests' stations
			// in
			// the same database), on most of 30 days
			assertThat(days).isGreaterThan(15_000);
			assertThat(jdbc
				.sql("""
						select count(*) from visit_day d
						where d.check_ins <> (select sum(h.check_ins) from visit_hour h
						                      where h.station_id = d.station_id and h.day = d.day)
						  and d.day between :first and :last
						  and not exists (select 1 from visit_day_before b where b.station_id = d.station_id and b.day = d.day)""")
				.param("first", yesterday.minusDays(DemoVisits.DAYS - 1))
				.param("last", yesterday)
				.query(Long.class)
				.single()).as("a day's check-ins are its hours'").isZero();
			assertThat(jdbc.sql("select max(day) from visit_day where tally_by = ?")
				.param(DemoVisits.LABEL)
				.query(LocalDate.class)
				.single()).isEqualTo(yesterday);
			assertThat(jdbc.sql("select count(*) from visit_day where tally_by = ? and tally < check_ins")
				.param(DemoVisits.LABEL)
				.query(Long.class)
				.single()).isZero();
			assertThat(jdbc.sql("""
					select count(*) from station s where s.status = 'LISTED' and s.code like '3301%'
					  and not exists (select 1 from visit_day d where d.station_id = s.id)""")
				.query(Long.class)
				.single()).as("stations nobody visited").isBetween(20L, 150L);
		});
	}

}
