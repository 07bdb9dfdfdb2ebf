package org.yizhan.rating.web;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qingdao's loop of issue 5 end to end, as the people in it see it: a district admin
 * reads the URL a station's QR poster holds; a worker opens it on a phone (390 × 844),
 * rates the station with stars, tags and a comment, and reports a broken microwave; the
 * admin then finds both on the station's page — the rating counted in its figures with
 * the comment shown as typed, the problem as an open ticket with the worker's words — and
 * the worker's status page shows the ticket open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ActingAsNationalAdmin.class)
class QrRatingLoopJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Test
	void aWorkerRatesAndReportsFromTheQrCodeAndTheDistrictAdminSeesBoth() {
		Station station = listedStationOfXihu();
		String base = chromium.baseUrl();
		BrowserContext console = chromium.newContext("zh-CN");
		BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.2741, 120.1311);
		Page admin = console.newPage();
		List<String> errors = new java.util.ArrayList<>();
		admin.onPageError(errors::add);
		ConsoleLogin.signIn(admin, "xihu-admin", TestAccounts.DEMO_PASSWORD);

		// What the poster on the wall holds.
		admin.navigate("/console/stations/" + station.id());
		String printed = admin.locator("#qr-url").textContent().strip();
		assertThat(printed).startsWith(base + "/r/");

		Page worker = phone.newPage();
		worker.navigate(printed);
		assertThat(worker.locator("#station-name")).hasText(station.details().name());
		worker.click("label[for=star-4]");
		worker.locator("#tags-positive label", new Page.LocatorOptions().setHasText("干净整洁")).click();
		worker.locator("#tags-negative label", new Page.LocatorOptions().setHasText("设施损坏")).click();
		worker.locator("#categories label", new Page.LocatorOptions().setHasText("快递员")).click();
		worker.fill("#comment", "微波炉<b>坏了</b>，其他都好");
		worker.click("#rating-submit");
		assertThat(worker.locator("#thanks")).hasAttribute("data-status", "COUNTED");

		worker.click("#problem summary");
		worker.locator("#problem-types label", new Page.LocatorOptions().setHasText("设施损坏")).click();
		worker.fill("#problem-description", "微波炉不加热");
		worker.click("#problem-submit");
		assertThat(worker.locator("#problem-result")).isVisible();
		String number = worker.locator("#problem-number").textContent().strip();
		worker.click("#problem-link");
		assertThat(worker.locator("#ticket-number")).hasText(number);
		assertThat(worker.locator("#ticket-problem")).containsText("设施损坏");
		assertThat(worker.locator("#resolution")).hasCount(0);

		admin.navigate("/console/stations/" + station.id());
		Locator figures = admin.locator("#station-figures");
		assertThat(figures.locator("#figures-total-count")).hasText("1");
		assertThat(figures.locator("#figures-tags")).containsText("干净整洁");
		assertThat(figures.locator("#figures-comments .figures-comment")).hasText("微波炉<b>坏了</b>，其他都好");
		assertThat(figures.locator("#figures-comments b")).hasCount(0);
		Locator ticket = admin.locator("#station-tickets-card [data-number='" + number + "']");
		assertThat(ticket).containsText("设施损坏");
		ticket.locator("a").first().click();
		assertThat(admin.locator("#ticket-number")).hasText(number);
		assertThat(admin.locator("#ticket-description")).hasText("微波炉不加热");
		assertThat(errors).isEmpty();
	}

	private Station listedStationOfXihu() {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(this.registry, "闭环测试驿站" + UUID.randomUUID().toString().substring(0, 6),
				"杭州市西湖区文三路 90 号", "330106", 30.2741, 120.1311);
	}

}
