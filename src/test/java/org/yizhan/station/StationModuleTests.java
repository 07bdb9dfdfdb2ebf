package org.yizhan.station;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station registry starts with the declared modules whose beans it uses (organization
 * for the caller's scope and the audit log, platform), and announces a listing as
 * {@link StationListed}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class StationModuleTests {

	private final ApplicationContext context;

	private final StationRegistry registry;

	StationModuleTests(ApplicationContext context, StationRegistry registry) {
		this.context = context;
		this.registry = registry;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("station", "organization",
				"platform");
	}

	@Test
	void listingAStationPublishesStationListed(Scenario scenario) {
		Station draft = registry.create(new StationInput("模块测试驿站", "杭州市西湖区文三路 92 号", "330106", "西湖区环卫所",
				"SANITATION_DEPOT", 30.2776, 120.1312, "wgs84", null, 4, List.of("DRINKING_WATER"), "Mo-Su 06:00-20:00",
				null, null, false, null, null, null, null));

		scenario.stimulate(() -> registry.list(draft.id(), 0L))
			.andWaitForEventOfType(StationListed.class)
			.matching((listed) -> listed.stationId().equals(draft.id()))
			.toArriveAndVerify((listed) -> assertThat(listed.code()).isEqualTo(draft.code().value()));
	}

}
