package org.yizhan.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring starts with the finder whose index it measures (and what the finder needs:
 * the station registry, the calendar, the organisation for the registry's scope, the
 * platform's database), and its gauges count the owners' tables.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES,
		extraIncludes = { "station", "calendar", "organization", "platform" })
class MonitoringModuleTests {

	private final ApplicationContext context;

	private final MeterRegistry meters;

	private final JdbcClient jdbc;

	MonitoringModuleTests(ApplicationContext context, MeterRegistry meters, JdbcClient jdbc) {
		this.context = context;
		this.meters = meters;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithTheFinderItMeasures() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).contains("monitoring", "finder", "platform");
	}

	@Test
	void theListedStationsGaugeCountsTheStationTable() {
		long listed = this.jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single();

		assertThat(this.meters.get("yizhan.database.up").gauge().value()).isEqualTo(1);
		assertThat(this.meters.get("yizhan.stations.listed").gauge().value()).isEqualTo(listed);
	}

}
