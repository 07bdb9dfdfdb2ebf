package org.yizhan.funding;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.DataImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's money, generated in a transaction that is rolled back: 西湖区's upkeep
 * rule, its last two finished months prepared by {@code xihu-admin}, approved by others
 * and paid into the ledger at 200 yuan a station. The demo stations are dated at the
 * tests' start (the tests run without the demo histories), so the test first dates 西湖区's
 * listed stations half a year back, as the demo does when it runs with its histories.
 */
@SpringBootTest
class DemoFundingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	SubsidyRules rules;

	@Autowired
	PaymentRuns runs;

	@Autowired
	OrganizationTree organizations;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void theDemoCityGetsAnUpkeepRuleAndPaidMonths() {
		DemoFunding demo = new DemoFunding(imports, rules, runs, organizations, transaction, clock);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("""
					insert into funding_station_status (station_id, since, status)
					select s.id, now() - interval '200 days', 'LISTED' from station s
					where s.district_code = '330106' and s.status = 'LISTED'
					on conflict do nothing""").update();
			int payments = demo.generate();
			assertThat(payments).isPositive();
			Long rule = jdbc.sql("select id from funding_rule where name = '西湖区驿站日常运维补贴（演示）'")
				.query(Long.class)
				.single();
			assertThat(jdbc
				.sql("select count(*) from funding_batch where rule_id = :r and status = 'PAID'"
						+ " and prepared_by = 'xihu-admin'")
				.param("r", rule)
				.query(Integer.class)
				.single()).isBetween(1, 2);
			assertThat(jdbc
				.sql("select count(*), coalesce(sum(amount_fen), 0), count(distinct amount_fen)"
						+ " from funding_ledger where rule_id = :r")
				.param("r", rule)
				.query((rs, n) -> rs.getInt(1) + "/" + rs.getLong(2) + "/" + rs.getInt(3))
				.single()).isEqualTo(payments + "/" + payments * 20_000L + "/1");
			assertThat(jdbc
				.sql("select count(*) from funding_approval a join funding_batch b on b.id = a.batch_id"
						+ " where b.rule_id = :r and a.approved_by = 'xihu-admin'")
				.param("r", rule)
				.query(Integer.class)
				.single()).as("the preparer approves nothing").isZero();
		});
	}

}
