package org.yizhan.standard.web;

import java.math.BigDecimal;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A union admin's journey in Chromium: the standards page shows the standard in force for
 * a Qingdao district (Shandong's rule with Qingdao's additions), and listing a draft
 * there that lacks some of it is refused on the station's page, naming each missing item.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class ChecklistConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Test
	void anAdminSeesTheStandardInForceAndIsToldWhatADraftLacksWhenListingIt() {
		Station draft = registry.create(new StationInput("市北浏览器测试驿站", "市北区测试路3号", "370203", "测试单位", "OTHER", 36.0872,
				120.3744, "wgs84", new BigDecimal("30"), null, List.of("DRINKING_WATER", "SEATING"), "24/7", null, null,
				false, null, null, null, null));

		Page page = chromium.newContext("zh-CN").newPage();
		ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		page.navigate("/console/stations");
		page.locator("#nav-checklists").click();
		assertThat(page.locator("#checklists")).containsText("西安市工会驿站“八有”基本建设标准");
		assertThat(page.locator("#assignments")).containsText("青岛市驿站基本需求标准");
		page.locator("#union").fill("370203");
		page.locator("#in-force-show").click();
		assertThat(page.locator("#in-force-summary")).containsText("青岛市驿站基本需求标准");
		assertThat(page.locator(".in-force-item")).hasCount(5);
		assertThat(page.locator("#in-force-items")).containsText("站点面积不少于12平方米");
		assertThat(page.locator("#in-force-items")).containsText("山东省户外劳动者服务站点设置规则");

		page.navigate("/console/stations/" + draft.id().value());
		page.locator("#action-list").click();
		assertThat(page.locator(".alert-danger")).containsText("不能上图");
		assertThat(page.locator(".alert-danger")).containsText("「设在一楼且临街」");
		assertThat(page.locator(".alert-danger")).containsText("「满足就餐需求（可热饭）」");
		assertThat(page.locator(".alert-danger")).not().containsText("满足休息需求");
		assertThat(page.locator("#action-list")).hasCount(1);
	}

}
