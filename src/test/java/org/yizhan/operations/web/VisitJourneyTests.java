package org.yizhan.operations.web;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits served, in Chromium: a worker checks in with one tap on the station's QR page (a
 * second tap is answered kindly and not counted), the station master records the day's
 * tally and a delivery of water on a 390 px phone, and the union's admin sees the merged
 * count at a desk.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class VisitJourneyTests {

	/** 广州市天河区: no other test counts visits there. */
	static final String TIANHE = "440106";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Test
	void aWorkerChecksInTheStationMasterTalliesAndTheUnionSeesTheCount() throws Exception {
		Station station = TestStations.listed(registry, "天河旅程测试驿站", "广州市天河区测试路 6 号", TIANHE, 23.1247, 113.3612);
		String token = tokens.issue(station.id());
		TicketFixtures.Person master = TicketFixtures.of(context).account(TIANHE, List.of("STATION_MASTER"), station);
		String today = LocalDate.now(YizhanTime.ZONE).toString();

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 23.1247, 113.3612)) {
			Page worker = phone.newPage();
			worker.navigate("/r/" + token);
			worker.locator("#check-in").click();
			assertThat(worker.locator("#check-in-counted")).containsText("已记下");
			assertThat(worker.locator("#check-in-station")).hasText("天河旅程测试驿站");

			worker.locator("#to-rating").click();
			worker.locator("#check-in").click();
			assertThat(worker.locator("#check-in-already")).containsText("签到过");
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 23.1247, 113.3612)) {
			Page page = phone.newPage();
			ConsoleLogin.signInAnywhere(page, master.username(), TestAccounts.PASSWORD);
			page.navigate("/console/visits");
			page.locator(".own-station", new Page.LocatorOptions().setHasText("天河旅程测试驿站")).click();
			assertThat(page.locator("#visits-station")).hasText("天河旅程测试驿站");
			assertThat(page.locator("#tally-day")).hasValue(today);
			// the field's max stops this in the browser; past it, the server names the
			// field
			page.locator("#tally-form").evaluate("form => form.noValidate = true");
			page.locator("#tally-visits").fill("5001");
			page.locator("#tally-save").click();
			assertThat(page.locator("#form-errors")).containsText("0 到 5,000");
			page.locator("#tally-visits").fill("25");
			page.locator("#tally-save").click();
			assertThat(page.locator(".alert-success")).containsText("已保存");
			assertThat(page.locator(".visit-day[data-day='" + today + "'] .visits")).hasText("25");
			assertThat(page.locator(".visit-day[data-day='" + today + "'] .check-ins")).hasText("1");
			assertThat(page.locator(".visit-hour")).hasCount(1);
			Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("the page fits a 390 px phone").isLessThanOrEqualTo(0);

			// a delivery of water: the item first, then what arrived
			page.navigate("/console/stations/" + station.id().value() + "/supplies");
			page.locator("#category").selectOption("WATER");
			page.locator("#name").fill("矿泉水");
			page.locator("#quantity").fill("0");
			page.locator("#unit").fill("瓶");
			page.locator("#threshold").fill("12");
			page.locator("#supply-add").click();
			assertThat(page.locator(".supply-item[data-name='矿泉水']")).containsText("已用完");
			page.locator(".supply-item[data-name='矿泉水'] select[name=kind]").selectOption("RESTOCKED");
			page.locator(".supply-item[data-name='矿泉水'] input[name=quantity]").fill("24");
			page.locator(".supply-item[data-name='矿泉水'] button").click();
			assertThat(page.locator(".alert-success")).containsText("已记录");
			assertThat(page.locator(".supply-item[data-name='矿泉水'] .item-quantity")).hasText("24");
			Object suppliesOverflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) suppliesOverflow).intValue()).as("the supplies fit a 390 px phone")
				.isLessThanOrEqualTo(0);
		}

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			page.locator("#nav-operations").click();
			page.locator("#nav-visits").click();
			page.locator("#union").fill(TIANHE);
			page.locator("#visits-apply").click();
			assertThat(page.locator("#union-name")).hasText("天河区总工会");
			assertThat(page.locator("#union-visits")).hasText("25");
			assertThat(page.locator("#union-check-ins")).hasText("1");
			assertThat(page.locator("#visit-busiest")).containsText("天河旅程测试驿站");
		}
	}

}
