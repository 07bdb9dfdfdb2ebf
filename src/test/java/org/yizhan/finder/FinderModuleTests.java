package org.yizhan.finder;

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
 * The finder starts with the station registry it copies from (and organization, which the
 * registry needs for its callers' scope), and its index takes in a station once its
 * listing's event arrives, with no database access per query.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "organization")
@ExtendWith(ActingAsNationalAdmin.class)
class FinderModuleTests {

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final StationFinder finder;

	FinderModuleTests(ApplicationContext context, StationRegistry registry, StationFinder finder) {
		this.context = context;
		this.registry = registry;
		this.finder = finder;
	}

	@Test
	void startsWithTheRegistryItCopiesAndNothingElse() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("finder", "station", "calendar",
				"organization", "platform");
	}

	@Test
	void aListedStationJoinsTheIndex(Scenario scenario) {
		Station draft = registry.create(new StationInput("找驿站模块测试", "杭州市西湖区文三路 94 号", "330106", "西湖区环卫所",
				"SANITATION_DEPOT", 30.2779, 120.1315, "wgs84", null, 4, List.of("DRINKING_WATER"), "24/7", null, null,
				false, null, null, null, null));
		assertThat(finder.findById(draft.id().value())).isEmpty();

		scenario.stimulate(() -> registry.list(draft.id(), 0L))
			.andWaitForStateChange(() -> finder.findById(draft.id().value()), (found) -> found.isPresent())
			.andVerify((found) -> assertThat(found.orElseThrow().code()).isEqualTo(draft.code().value()));
	}

}
