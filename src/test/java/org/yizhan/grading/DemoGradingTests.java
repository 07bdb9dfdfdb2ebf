package org.yizhan.grading;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's grading, generated in a transaction that is rolled back (the tests run
 * without the demo histories): last year's assessment of 杭州市 through the use case, a
 * naming batch marked as a demo with at most {@value DemoGrading#NAMED} stations, audited
 * as {@code hangzhou-admin}, and 西湖区's nomination quota.
 */
@SpringBootTest
class DemoGradingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	Assessments assessments;

	@Autowired
	GradingDecisions decisions;

	@Autowired
	Nominations nominations;

	@Autowired
	OrganizationTree organizations;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void theDemoCityGetsLastYearsAssessmentABatchAndAQuota() {
		DemoGrading demo = new DemoGrading(imports, assessments, decisions, nominations, organizations, transaction,
				clock);
		int year = LocalDate.now(clock.withZone(YizhanTime.ZONE)).getYear() - 1;
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			int stations = demo.generate();
			// the demo city's 811 stations less the drafts, and other tests' in 杭州
			assertThat(stations).isGreaterThan(700);
			Long run = jdbc.sql("select max(id) from grading_run where union_code = '330100' and year = :y")
				.param("y", year)
				.query(Long.class)
				.single();
			assertThat(jdbc.sql("select stations from grading_run where id = :id")
				.param("id", run)
				.query(Integer.class)
				.single()).isEqualTo(stations);
			assertThat(jdbc.sql("select document_number, stations from grading_batch where run_id = :id")
				.param("id", run)
				.query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
				.single()).contains("（演示）").matches(".*/([1-9]|1[0-9]|2[0-4])$");
			assertThat(jdbc
				.sql("select count(*) from audit_entry where action = 'grading.batch' and username = 'hangzhou-admin'"
						+ " and target_id like '%（演示）'")
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select quota from grading_quota where union_code = '330106' and year = :y")
				.param("y", year)
				.query(Integer.class)
				.single()).isEqualTo(5);
		});
	}

}
