package org.yizhan.funding;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding module starts with the modules it declares (and {@code station}, whose
 * registry the fixture lists its stations with), and simulates a rule through its API
 * alone: Taiyuan's upkeep of 200 yuan a month over last year's stations of 古交市 costs what
 * the station-months listed from first day to last come to, nothing for a month a station
 * was suspended, and nothing is stored.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "station")
class FundingModuleTests {

	static final String GUJIAO = "140181";

	private final ApplicationContext context;

	private final SubsidyRules rules;

	private final StationRegistry registry;

	private final JdbcClient jdbc;

	FundingModuleTests(ApplicationContext context, SubsidyRules rules, StationRegistry registry, JdbcClient jdbc) {
		this.context = context;
		this.rules = rules;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(context)).contains("funding", "station", "organization", "platform");
	}

	@Test
	void aRuleIsSimulatedOverLastYearsStationsPerUnionWithoutBeingStored() {
		FundingFixtures f = new FundingFixtures(registry, jdbc);
		int lastYear = rules.today().getYear() - 1;
		f.listedSince(GUJIAO, LocalDate.of(lastYear - 1, 12, 1));
		Station fromJuly = f.listedSince(GUJIAO, LocalDate.of(lastYear, 7, 1));
		f.status(fromJuly, LocalDate.of(lastYear, 9, 15), "SUSPENDED");
		f.status(fromJuly, LocalDate.of(lastYear, 10, 1), "LISTED");
		long rulesBefore = jdbc.sql("select count(*) from funding_rule").query(Long.class).single();

		FundingFixtures.signIn(FundingFixtures.finance("funding-simulator"));
		Simulation simulation = rules
			.simulate(new RuleInput(GUJIAO, "UPKEEP", "古交市驿站运维补贴", String.valueOf(lastYear + 1), "200", "100000"));

		// 12 months of the first station, July, August, October to December of the second
		assertThat(simulation.year()).isEqualTo(lastYear);
		assertThat(simulation.rows()).singleElement().satisfies(row -> {
			assertThat(row.unionCode()).isEqualTo(GUJIAO);
			assertThat(row.stations()).isEqualTo(2);
			assertThat(row.units()).isEqualTo(17);
			assertThat(row.costFen()).isEqualTo(17 * 20_000L);
		});
		assertThat(simulation.totalFen()).isEqualTo(340_000L);
		assertThat(jdbc.sql("select count(*) from funding_rule").query(Long.class).single()).isEqualTo(rulesBefore);
	}

}
