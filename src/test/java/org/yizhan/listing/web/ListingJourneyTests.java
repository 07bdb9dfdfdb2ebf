package org.yizhan.listing.web;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A truthful listing, in Chromium on phones: three workers' phones find a station shut
 * and say so from its public page (纠错, no QR code); the finder shows it as 待核实 at once;
 * its station master confirms it open from the console; the badge goes and the finder
 * says it was confirmed today; the district union's figures count the three reports as
 * settled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class ListingJourneyTests {

	/** 武汉市江岸区: no other test keeps stations there. */
	static final String JIANGAN = "420102";

	static final double LAT = 30.6000;

	static final double LON = 114.3050;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	/**
	 * After a rating, the phone is asked one question about the listing (its hours or its
	 * microwave, the phone and day choose) and says it is no longer so.
	 */
	@Test
	void aWorkerWhoRatedAStationIsAskedOneQuestionAboutItsListing() {
		Station station = TestStations.listed(registry, "江岸提问驿站", "武汉市江岸区测试路 9 号", JIANGAN, LAT + 0.01, LON,
				"MICROWAVE");
		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", LAT + 0.01, LON)) {
			Page worker = phone.newPage();
			worker.navigate("/r/" + tokens.issue(station.id()));
			worker.click("label[for=star-5]");
			worker.click("#rating-submit");
			assertThat(worker.locator("#thanks")).isVisible();
			assertThat(worker.locator("#listing-prompt-text")).containsText("顺便问一下");
			String question = worker.locator("#listing-prompt-text").innerText();
			assertThat(question.contains("开放时间") || question.contains("微波炉")).as(question).isTrue();
			worker.click("#listing-prompt-no");
			assertThat(worker.locator("#listing-prompt-thanks")).containsText("谢谢");
			assertThat(worker.locator("#listing-prompt-yes")).hasCount(0);
		}
		assertThat(jdbc.sql("select count(*) from listing_prompt_answer where station_id = :s and not agrees")
			.param("s", station.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void threePhonesReportAStationShutAndItsMasterConfirmsItOpen() throws Exception {
		Station station = TestStations.listed(registry, "江岸旅程驿站", "武汉市江岸区测试路 8 号", JIANGAN, LAT, LON);
		long id = station.id().value();
		TicketFixtures.Person master = TicketFixtures.of(context).account(JIANGAN, List.of("STATION_MASTER"), station);

		for (int phoneNumber = 1; phoneNumber <= 3; phoneNumber++) {
			try (BrowserContext phone = chromium.newPhoneContext("zh-CN", LAT, LON)) {
				Page worker = phone.newPage();
				worker.navigate("/stations/" + id);
				assertThat(worker.locator("#station-unverified")).hasCount(0);
				worker.locator("#report-listing").click();
				assertThat(worker.locator("#report-station-name")).hasText("江岸旅程驿站");
				worker.locator("#kind-SHUT").check();
				worker.locator("#description").fill("白天门锁着，没人");
				worker.locator("#report-submit").click();
				assertThat(worker.locator("#report-thanks")).containsText("谢谢");
				if (phoneNumber < 3) {
					assertThat(worker.locator("#report-held")).hasCount(0);
				}
				else {
					assertThat(worker.locator("#report-held")).containsText("待核实");
				}
				Object overflow = worker.evaluate("document.documentElement.scrollWidth - window.innerWidth");
				assertThat(((Number) overflow).intValue()).as("the report fits a 390 px phone").isLessThanOrEqualTo(0);
			}
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", LAT, LON)) {
			Page worker = phone.newPage();
			worker.navigate("/");
			assertThat(worker.locator("#result-" + id + " .result-freshness")).hasText("待核实");
			worker.navigate("/stations/" + id);
			assertThat(worker.locator("#station-unverified")).hasText("待核实");
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", LAT, LON)) {
			Page page = phone.newPage();
			ConsoleLogin.signInAnywhere(page, master.username(), TestAccounts.PASSWORD);
			page.navigate("/console/stations/" + id);
			assertThat(page.locator("#freshness-held")).containsText("待核实");
			page.locator("#action-confirm-listing").click();
			assertThat(page.locator(".alert-success")).containsText("已确认");
			assertThat(page.locator("#freshness-held")).hasCount(0);
			assertThat(page.locator("#freshness-last")).containsText("站方确认");
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", LAT, LON)) {
			Page worker = phone.newPage();
			worker.navigate("/");
			assertThat(worker.locator("#result-" + id + " .result-freshness")).hasText("今天核实");
			worker.navigate("/stations/" + id);
			assertThat(worker.locator("#station-unverified")).hasCount(0);
			assertThat(worker.locator("#station-confirmed")).hasText("今天核实");
		}

		TicketFixtures.Person union = TicketFixtures.of(context).account(JIANGAN, List.of("ORG_ADMIN"));
		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signIn(page, union.username(), TestAccounts.PASSWORD);
			page.click("#nav-rating");
			page.click("#nav-listing-figures");
			assertThat(page.locator("#figures-union")).hasText(page.locator("#figures-whole th").innerText());
			Locator reports = page.locator("#figures-whole .shut-reports");
			assertThat(Integer.parseInt(reports.innerText())).isGreaterThanOrEqualTo(3);
			// the confirmation settles the reports through the outbox, a moment after it
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				page.reload();
				return page.locator("#figures-whole .settled").innerText().equals(reports.innerText());
			});
			assertThat(page.locator("#figures-whole .median")).not().hasText("—");
			Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("the table fits the desk").isLessThanOrEqualTo(0);
		}
	}

}
