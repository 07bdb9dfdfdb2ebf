package org.yizhan.platform.web;

import org.junit.jupiter.api.Test;

import org.yizhan.geo.Crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The map source a deployment configures: a preset or its own tiles, and the approval
 * number (审图号) a map published in China carries beside its credits.
 */
class MapTilesTests {

	@Test
	void theApprovalNumberFollowsTheCreditsOfThePresetOrOfTheDeployment() {
		MapTiles amap = new MapTiles("amap", "", "", "", "", 30.27, 120.15, 11, "审图号：GS(2024)1234号");
		assertThat(amap.crs()).isEqualTo(Crs.GCJ02);
		assertThat(amap.attribution()).endsWith(" | 审图号：GS(2024)1234号").doesNotStartWith(" |");

		MapTiles own = new MapTiles("osm", "https://tiles.example.cn/{z}/{x}/{y}.png", "gcj02", "© 示例测绘", "", 30.27,
				120.15, 11, " 审图号：GS(2025)99号 ");
		assertThat(own.attribution()).isEqualTo("© 示例测绘 | 审图号：GS(2025)99号");
	}

	@Test
	void withoutAnApprovalNumberTheCreditsStandAlone() {
		assertThat(new MapTiles("osm", "", "", "", "", 30.27, 120.15, 11, "").attribution())
			.isEqualTo("© OpenStreetMap contributors");
	}

	@Test
	void anUnknownPresetOrBaiduTilesAreRefusedAtStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MapTiles("google", "", "", "", "", 30.27, 120.15, 11, ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MapTiles("osm", "https://x/{z}/{x}/{y}", "bd09", "", "", 30.27, 120.15, 11, ""));
	}

}
