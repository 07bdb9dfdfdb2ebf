package org.yizhan.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.TestStations;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner module starts with the modules it declares, and a suspension of a
 * programme's station reaches the partners' feed through the station events. The station
 * module is included by name: the partner module hears its events and reads its table but
 * uses none of its beans, and the test makes its station through the registry; onboarding
 * (whose programmes the demo sets) needs standard and coverage, named for the same
 * reason.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES,
		extraIncludes = { "station", "calendar", "standard", "coverage", "geo" })
@ExtendWith(ActingAsNationalAdmin.class)
class PartnerModuleTests {

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final PartnerProgrammes programmes;

	private final JdbcClient jdbc;

	PartnerModuleTests(ApplicationContext context, StationRegistry registry, PartnerProgrammes programmes,
			JdbcClient jdbc) {
		this.context = context;
		this.registry = registry;
		this.programmes = programmes;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).contains("partner", "station", "organization",
				"platform");
	}

	@Test
	void aSuspendedProgrammeStationIsAChangeInItsPartnersFeed(Scenario scenario) {
		long programme = this.jdbc.sql("""
				insert into programme (name, organization_code, target_count, starts_on, ends_on, created_at)
				values ('模块测试合作计划', '330100', 5, :starts, :ends, :at) returning id""")
			.param("starts", LocalDate.now().minusDays(10))
			.param("ends", LocalDate.now().plusDays(300))
			.param("at", Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		Station station = TestStations.listed(this.registry, "合作模块测试驿站", "杭州市西湖区文三路 98 号", "330106", 30.2783, 120.1322,
				"TOILET");
		this.programmes.addStation(programme, station.id().value());
		assertThat(this.programmes.stations(programme)).extracting(ProgrammeStation::runBy)
			.containsExactly(RunBy.PARTNER);

		scenario.stimulate(() -> this.registry.suspend(station.id(), null, "装修", LocalDate.now().plusDays(30)))
			.andWaitForStateChange(() -> kinds(programme), kinds -> kinds.contains("SUSPENDED"))
			.andVerify(kinds -> assertThat(kinds).isEqualTo("JOINED,SUSPENDED"));
	}

	private String kinds(long programme) {
		return this.jdbc.sql("select string_agg(kind, ',' order by id) from partner_change where programme_id = :p")
			.param("p", programme)
			.query(String.class)
			.single();
	}

}
