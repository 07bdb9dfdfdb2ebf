package org.yizhan.coverage;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage starts with the modules it declares, and a station's listing reaches its copy
 * of the listed stations through the station events: the next report counts it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class CoverageModuleTests {

	private static final CoverageQuery XIHU_WALK = new CoverageQuery("330106", TravelMode.WALK, Duration.ofMinutes(15),
			null);

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final CoverageAnalysis analysis;

	CoverageModuleTests(ApplicationContext context, StationRegistry registry, CoverageAnalysis analysis) {
		this.context = context;
		this.registry = registry;
		this.analysis = analysis;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("coverage", "station",
				"organization", "calendar", "platform");
	}

	@Test
	void aListedStationCountsInTheNextReport(Scenario scenario) {
		int before = listedInXihu();
		Station draft = registry.create(new StationInput("覆盖模块测试驿站", "杭州市西湖区文三路 96 号", "330106", "西湖区环卫所",
				"SANITATION_DEPOT", 30.2781, 120.1318, "wgs84", null, 4, List.of("DRINKING_WATER"), "24/7", null, null,
				false, null, null, null, null));

		scenario.stimulate(() -> registry.list(draft.id(), 0L))
			.andWaitForStateChange(this::listedInXihu, (listed) -> listed > before)
			.andVerify((listed) -> assertThat(listed).isEqualTo(before + 1));
	}

	private int listedInXihu() {
		ActingAsNationalAdmin.signIn();
		return analysis.report(XIHU_WALK).total().listed().stations();
	}

}
