package org.yizhan.reporting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting module starts with the modules it declares and reads the national
 * dashboard through its API alone: every station of the country counted once, by status.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class ReportingModuleTests {

	private final ApplicationContext context;

	private final UnionDashboards dashboards;

	private final JdbcClient jdbc;

	ReportingModuleTests(ApplicationContext context, UnionDashboards dashboards, JdbcClient jdbc) {
		this.context = context;
		this.dashboards = dashboards;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).contains("reporting", "organization", "platform");
	}

	@Test
	void theNationalDashboardCountsEveryStationOnceByStatus() {
		Dashboard national = this.dashboards.forUnion("100000");
		long stations = this.jdbc.sql("select count(*) from station").query(Long.class).single();
		assertThat(national.stations().total()).isEqualTo(stations);
		assertThat(national.stations().byStatus().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(stations);
		assertThat(national.months()).hasSize(UnionDashboards.MONTHS);
	}

}
