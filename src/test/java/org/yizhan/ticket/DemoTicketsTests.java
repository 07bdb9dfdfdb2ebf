package org.yizhan.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.DataImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's generated cases, written in a transaction that is rolled back (the
 * tests' stations share one database, and the generator is off in their configuration):
 * labelled, valid numbers, from QR reports and staff, some resolved, some open and some
 * overdue, none in the future, each with its history.
 */
@SpringBootTest
class DemoTicketsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void theDemoCityGetsLabelledCasesResolvedOpenAndOverdueFromReportsAndStaff() {
		DemoTickets demo = new DemoTickets(jdbc, imports, transaction, clock);
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			int written = demo.generate();
			// about one of the demo city's 776 listed stations in nine
			assertThat(written).isBetween(50, 200);
			List<Map<String, Object>> cases = jdbc.sql("""
					select number, description, status, source, created_at < :now as past,
					       status = 'OPEN' and due_at < :now as overdue,
					       (select count(*) from problem_ticket_history h where h.ticket_id = t.id) as steps
					from problem_ticket t where description like '【演示数据】%'""")
				.param("now", java.sql.Timestamp.from(now))
				.query()
				.listOfRows();
			assertThat(cases).hasSize(written);
			assertThat(cases).allSatisfy(c -> {
				assertThat(TicketNumber.parse((String) c.get("number"))).as("a number of ours").isPresent();
				assertThat((Boolean) c.get("past")).isTrue();
				assertThat(((Number) c.get("steps")).intValue()).isEqualTo(c.get("status").equals("RESOLVED") ? 2 : 1);
			});
			assertThat(cases).extracting(c -> c.get("status")).contains("OPEN", "RESOLVED");
			assertThat(cases).extracting(c -> c.get("source")).contains("QR_REPORT", "STAFF");
			assertThat(cases.stream().filter(c -> (Boolean) c.get("overdue")).count()).isPositive();
			assertThat(cases.stream().filter(c -> c.get("status").equals("OPEN") && !(Boolean) c.get("overdue")))
				.isNotEmpty();
			assertThat(jdbc
				.sql("select count(*) from problem_ticket where description like '【演示数据】%'"
						+ " and status = 'RESOLVED' and resolution_note not like '【演示数据】%'")
				.query(Long.class)
				.single()).isZero();
		});
	}

}
