package org.yizhan.standard;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.ConflictException;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.TestImages;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The standards module starts with the modules it declares, and its gate is the one the
 * registry asks: a draft in Xi'an that lacks the 八有 amenities is refused, naming them,
 * and listed once the station offers them and someone recorded the rest.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class StandardModuleTests {

	/** 西安市新城区, under Xi'an's 八有 (seeded). */
	static final String XINCHENG = "610102";

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final StationJudgements judgements;

	StandardModuleTests(ApplicationContext context, StationRegistry registry, StationJudgements judgements) {
		this.context = context;
		this.registry = registry;
		this.judgements = judgements;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("standard", "station",
				"organization", "platform");
	}

	@Test
	void theRegistryListsAXianDraftOnlyOnceItMeetsTheEightHaves() {
		Station draft = draft(List.of("SEATING", "TOILET"));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> registry.list(draft.id(), null))
			.satisfies(refusal -> assertThat(String.valueOf(refusal.args()[1]))
				.contains("有应急医药箱", "有工具修理箱", "有书籍报刊", "有醒目标识标牌", "有管理制度", "有基本电器", "有人管理")
				.doesNotContain("有桌椅板凳", "有卫生间"));
		assertThat(registry.getById(draft.id()).status()).isEqualTo(StationStatus.DRAFT);

		Station equipped = registry.revise(draft.id(), draft.version(),
				input(List.of("SEATING", "TOILET", "MEDICINE_KIT", "TOOL_KIT", "BOOKS")));
		Station withPhoto = registry.addPhoto(equipped.id(), null, TestImages.jpeg(400, 300));
		long photo = withPhoto.photos().get(0).id();
		judgements.judge(draft.id(),
				List.of(new ItemEvidence("sign", null, null, photo), new ItemEvidence("rules", true, null, null),
						new ItemEvidence("appliances", true, null, null),
						new ItemEvidence("staffed", true, null, null)));

		assertThat(registry.list(draft.id(), null).status()).isEqualTo(StationStatus.LISTED);
	}

	private Station draft(List<String> amenities) {
		return registry.create(input(amenities));
	}

	private static StationInput input(List<String> amenities) {
		return new StationInput("新城区八有测试驿站", "新城区测试路8号", XINCHENG, "测试单位", "OTHER", 34.2666, 108.9590, "wgs84",
				new BigDecimal("15"), 6, amenities, "24/7", null, null, false, null, null, null, null);
	}

}
