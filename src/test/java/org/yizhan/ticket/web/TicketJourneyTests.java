package org.yizhan.ticket.web;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures.Person;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the reporter follows a ticket on a phone, and the station master resolves
 * it in the console, after which the reporter's page says so with the master's note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class TicketJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	ProblemTickets tickets;

	@Test
	void theReporterFollowsTheirTicketOnAPhoneInChineseOrEnglish() {
		TicketFixtures fixtures = fixtures();
		Station station = fixtures.listedStation("330106");
		String number = fixtures.report(station, ProblemType.CLOSED_WHEN_LISTED_OPEN, TicketFixtures.device())
			.ticket()
			.number()
			.value();

		BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130);
		Page page = phone.newPage();
		Response response = page.navigate("/p/" + number.toLowerCase().replace("-", ""));

		assertThat(response.status()).isEqualTo(200);
		assertThat(page.locator("#ticket-number")).hasText(number);
		assertThat(page.locator("#ticket-station")).hasText(station.details().name());
		assertThat(page.locator("#ticket-problem")).hasText("显示开放但未开门");
		assertThat(page.locator("#ticket-state-label")).hasText("处理中");
		assertThat(page.locator("#ticket-state")).containsText("前处理完毕");
		assertThat(page.locator("#resolution")).hasCount(0);
		assertThat(page.locator("body")).not().containsText("门口的饮水机坏了");
		Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a 390 px phone").isLessThanOrEqualTo(0);

		page.click("#lang-switch");
		assertThat(page.locator("#ticket-state-label")).hasText("Being handled");
		assertThat(page.locator("#ticket-problem")).hasText("Closed when listed as open");

		Response missing = page.navigate("/p/2345-6789-ABCD");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(page.locator("#ticket-missing h1"))
			.hasText("There is no such ticket. Please check the ticket number.");
		// the mistyped number can be typed again on the page, in any case, without
		// hyphens
		assertThat(page.locator("#ticket-number-input")).hasValue("2345-6789-ABCD");
		page.fill("#ticket-number-input", number.toLowerCase().replace("-", " "));
		page.click("#ticket-retype-submit");
		assertThat(page.locator("#ticket-number")).hasText(number);
		assertThat(page.locator("#ticket-state-label")).hasText("Being handled");
	}

	@Test
	void theStationMasterResolvesInTheConsoleAndTheReporterSeesTheNote() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, null, null, null);
		String number = tickets
			.report(new ProblemTickets.Report(fixtures.token(station), "BROKEN_FACILITY",
					"<img src=x onerror=alert(1)> 充电桩坏了", TicketFixtures.device()))
			.ticket()
			.number()
			.value();

		BrowserContext desk = chromium.newContext("zh-CN");
		Page page = desk.newPage();
		ConsoleLogin.signIn(page, master.username(), TestAccounts.PASSWORD);

		page.navigate("/console/stations/" + station.id().value());
		assertThat(page.locator("#station-tickets-card [data-number='" + number + "']")).containsText("设施损坏");

		page.click("#nav-rating");
		page.click("#nav-tickets");
		assertThat(page.locator("#view-mine")).hasClass(Pattern.compile(".*active.*"));
		page.click("#ticket-table a:text('" + number + "')");
		assertThat(page.locator("#ticket-number")).hasText(number);
		assertThat(page.locator("#ticket-description")).hasText("<img src=x onerror=alert(1)> 充电桩坏了");
		assertThat(page.locator("#ticket-holder")).containsText(master.username());

		page.fill("#resolve-note", "充电桩已更换，欢迎继续使用。");
		page.setInputFiles("#resolve-photo", new FilePayload("site.jpg", "image/jpeg", TestImages.jpegWithGps()));
		page.click("#resolve-submit");

		assertThat(page.locator(".alert-success")).containsText("工单已办结");
		assertThat(page.locator("#ticket-status")).hasText("已解决");
		assertThat(page.locator("#ticket-note")).hasText("充电桩已更换，欢迎继续使用。");
		assertThat(page.locator("#ticket-photo")).isVisible();
		assertThat(page.locator("#resolve-form")).hasCount(0);
		assertThat(page.locator("#ticket-history li")).hasCount(2);

		page.navigate("/console/stations/" + station.id().value());
		assertThat(page.locator("#station-tickets-none")).isVisible();

		Page reporter = chromium.newPhoneContext("zh-CN", 30.259, 120.130).newPage();
		reporter.navigate("/p/" + number);
		assertThat(reporter.locator("#ticket-state-label")).hasText("已解决");
		assertThat(reporter.locator("#resolution-note")).hasText("充电桩已更换，欢迎继续使用。");
		assertThat(reporter.locator("body")).not().containsText(master.username());
		assertThat(reporter.locator("img[src*='photo']")).hasCount(0);
	}

	@Test
	void theTicketListOpensWithoutAnErrorBoxOnADeskAndOnAPhoneInBothLanguages() throws Exception {
		TicketFixtures fixtures = fixtures();
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));

		for (String language : List.of("zh-CN", "en")) {
			try (BrowserContext desk = chromium.newContext(language);
					BrowserContext phone = chromium.newPhoneContext(language, 30.259, 120.130)) {
				for (BrowserContext context : List.of(desk, phone)) {
					Page page = context.newPage();
					ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
					Response response = page.navigate("/console/tickets");

					assertThat(response.status()).isEqualTo(200);
					assertThat(page.locator("#ticket-filters")).isVisible();
					assertThat(page.locator(".alert-danger")).hasCount(0);
					assertThat(page.locator("#problem option")).hasCount(ProblemType.values().length + 1);
					assertThat(page.locator("body")).not().containsText("BROKEN_FACILITY");
				}
			}
		}
	}

	private TicketFixtures fixtures() {
		return TicketFixtures.of(context);
	}

}
