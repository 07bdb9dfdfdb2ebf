package org.yizhan.station.web;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district admin, in Chromium, sees their own district's stations and cannot reach a
 * neighbouring district's: not in the list, not on the map, not by typing its address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ActingAsNationalAdmin.class)
class DistrictScopeJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Test
	void aDistrictAdminCannotReachANeighbouringDistrictsStation() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Station own = listed("西湖范围驿站" + tag, "330106", 30.259, 120.130);
		Station neighbour = listed("上城范围驿站" + tag, "330102", 30.242, 120.170);

		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);

		page.navigate("/console/stations");
		page.fill("#q", tag);
		page.press("#q", "Enter");
		assertThat(page.locator("#station-table tbody tr")).hasCount(1);
		assertThat(page.locator("#result-count")).hasText("共 1 个驿站");
		assertThat(page.locator("#station-table tbody")).containsText(own.code().value());
		assertThat(page.locator("#station-table tbody")).not().containsText(neighbour.code().value());
		assertThat(page.locator("#station-map")).hasAttribute("data-marker-count", "1");

		Response response = page.navigate("/console/stations/" + neighbour.id().value());
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("h1")).hasText("页面不存在");
		assertThat(page.content()).doesNotContain(neighbour.details().name());

		Response ownPage = page.navigate("/console/stations/" + own.id().value());
		assertThat(ownPage.status()).isEqualTo(200);
		assertThat(page.locator("#station-name")).hasText(own.details().name());
		assertThat(page.locator("#chain-station-master")).hasText("未指定");
		assertThat(page.locator("#chain-union")).containsText("西湖区");
	}

	private Station listed(String name, String district, double lat, double lon) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name, "测试地址", district, lat, lon, "TOILET");
	}

}
