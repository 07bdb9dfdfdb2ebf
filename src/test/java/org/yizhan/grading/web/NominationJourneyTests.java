package org.yizhan.grading.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Nominations in Chromium, as issue 16 tells them: 安顺市's admin gives 西秀区 one place for
 * the year; 西秀区's admin runs its assessment and nominates a station to the city, and a
 * second nomination is refused with none left; the city reads the nomination, accepts it,
 * names it under a document number, and the station's public page shows it at city level.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class NominationJourneyTests {

	static final String ANSHUN = "520400";

	static final String XIXIU = "520402";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Test
	void aDistrictNominatesWithinItsQuotaAndTheCityAcceptsAndNames() throws Exception {
		int year = LocalDate.now(YizhanTime.ZONE).getYear() - 1;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Station chosen = TestStations.listed(this.registry, "西秀优秀驿站" + suffix, "安顺市西秀区旅程路 1 号", XIXIU, 26.2454,
				105.9346);
		Station other = TestStations.listed(this.registry, "西秀另一驿站" + suffix, "安顺市西秀区旅程路 2 号", XIXIU, 26.2460,
				105.9350);
		TicketFixtures fixtures = TicketFixtures.of(this.context);
		TicketFixtures.Person city = fixtures.account(ANSHUN, List.of("ORG_ADMIN"));
		TicketFixtures.Person district = fixtures.account(XIXIU, List.of("ORG_ADMIN"));
		String number = "安工发〔" + year + "〕" + suffix + "号";

		try (BrowserContext cityDesk = chromium.newContext("zh-CN");
				BrowserContext districtDesk = chromium.newContext("zh-CN")) {
			Page cityPage = cityDesk.newPage();
			ConsoleLogin.signInAnywhere(cityPage, city.username(), TestAccounts.PASSWORD);
			cityPage.locator("#nav-inspection").click();
			cityPage.locator("#nav-grading-nominations").click();
			cityPage.locator("#year").fill(Integer.toString(year));
			cityPage.locator("#year-show").click();
			cityPage.locator("#quota-union").selectOption(XIXIU);
			cityPage.locator("#quota").fill("1");
			cityPage.locator("#quota-save").click();
			assertThat(cityPage.locator(".alert-success")).containsText("推荐名额已保存");
			assertThat(cityPage.locator(".quota[data-union='" + XIXIU + "'] .quota-value")).hasText("1");

			Page districtPage = districtDesk.newPage();
			ConsoleLogin.signInAnywhere(districtPage, district.username(), TestAccounts.PASSWORD);
			districtPage.navigate("/console/grading/runs");
			districtPage.locator("#union").fill(XIXIU);
			districtPage.locator("#year").fill(Integer.toString(year));
			districtPage.locator("#run-start").click();
			assertThat(districtPage.locator(".alert-success")).containsText("评定已完成");
			String run = districtPage.url().replaceAll("\\?.*", "");
			districtPage.navigate(run + "/stations/" + chosen.id().value());
			districtPage.locator("#nomination-reason").fill("全年无投诉，服务人次居全区前列");
			districtPage.locator("#nominate").click();
			assertThat(districtPage.locator(".alert-success")).containsText("已向上级工会推荐");
			districtPage.navigate(run + "/stations/" + other.id().value());
			districtPage.locator("#nomination-reason").fill("也想推荐");
			districtPage.locator("#nominate").click();
			assertThat(districtPage.locator(".alert-danger")).containsText("名额 1 个，已推荐 1 个，剩余 0 个");
			districtPage.navigate("/console/grading/nominations?year=" + year);
			assertThat(districtPage.locator("#own-quota")).containsText("剩余 0 个");
			assertThat(districtPage.locator("#sent .nomination[data-code='" + chosen.code() + "'] .status"))
				.hasText("待答复");

			cityPage.navigate("/console/grading/nominations?year=" + year);
			cityPage.locator("#received .nomination[data-code='" + chosen.code() + "'] a").click();
			assertThat(cityPage.locator("#nomination-reason")).hasText("全年无投诉，服务人次居全区前列");
			cityPage.locator("#answer").fill("同意，列入本年度市级驿站");
			cityPage.locator("#accept").click();
			assertThat(cityPage.locator(".alert-success")).containsText("推荐已接受");
			assertThat(cityPage.locator("#nomination-status")).hasText("已接受");
			cityPage.navigate("/console/grading/nominations?year=" + year);
			cityPage.locator("#documentNumber").fill(number);
			cityPage.locator("#nomination-batch").click();
			assertThat(cityPage.locator(".alert-success")).containsText("已按文号命名");
			assertThat(cityPage.locator("#nomination-batches")).containsText(number);
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 26.2454, 105.9346)) {
			Page page = phone.newPage();
			page.navigate("/stations/" + chosen.id().value());
			assertThat(page.locator("#station-grade")).containsText("市级");
		}
	}

}
