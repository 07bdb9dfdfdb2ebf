package org.yizhan;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationTokens;
import org.yizhan.support.Browser;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium at a desk, what every console page shares (issue 21, items 8 and 11): a
 * refusal reads as a Chinese page with the navigation, an expired session sends the
 * browser to the sign-in page instead of into a part of the page, versioned library files
 * are kept for a year, and each main page is ready within a second on a cold cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ConsoleJourneyTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationResponsibilities responsibilities;

	@Autowired
	ProblemTickets tickets;

	@Autowired
	StationTokens tokens;

	@BeforeAll
	static void launch() {
		browser = Browser.launchOrSkip();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aStationMasterIsRefusedTheBlankFormsOnAChinesePageWithTheNavigation() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);

		try (BrowserContext desk = browser.newContext(base(), "zh-CN")) {
			Page page = desk.newPage();
			signIn(page, master);
			Map<String, String> forms = Map.of("/console/stations/new", "只有本级或上级工会的管理员可以登记驿站", "/console/accounts/new",
					"只有组织管理员可以管理账号");
			for (Map.Entry<String, String> form : forms.entrySet()) {
				Response response = page.navigate(form.getKey());

				assertThat(response.status()).as(form.getKey()).isEqualTo(403);
				assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
				assertThat(page.locator("h1")).hasText("无权访问");
				assertThat(page.locator("#forbidden-reason")).containsText(form.getValue());
				assertThat(page.locator("body")).not().containsText("Forbidden");
				assertThat(page.locator("form#station-form, #save-station, #save-account")).hasCount(0);
				assertThat(page.locator("#nav-stations")).isVisible();
				assertThat(page.locator("#nav-new-station")).hasCount(0);
				assertThat(page.locator("#signed-in-name")).isVisible();
			}

			page.click("#nav-stations");
			assertThat(page).hasURL(Pattern.compile(".*/console/stations$"));
		}
	}

	@Test
	void whenTheSessionHasEndedAPartOfThePageSendsTheBrowserToTheSignInPage() throws Exception {
		Person admin = fixtures().account("330106", List.of("ORG_ADMIN"));

		try (BrowserContext desk = browser.newContext(base(), "zh-CN")) {
			Page page = desk.newPage();
			signIn(page, admin);
			page.navigate("/console/stations");
			page.waitForLoadState(LoadState.NETWORKIDLE);
			desk.clearCookies();

			page.selectOption("#status", "LISTED");

			assertThat(page).hasURL(Pattern.compile(".*/login\\?expired$"));
			assertThat(page.locator("#station-filters")).hasCount(0);
			assertThat(page.locator("#username")).isVisible();
			assertThat(page.locator("#login-expired")).hasText("登录已失效，请重新登录");

			page.fill("#username", admin.username());
			page.fill("#password", TicketFixtures.PASSWORD);
			page.click("button[type=submit]");
			assertThat(page).hasURL(Pattern.compile(".*/console/stations$"));
		}
	}

	private static void signIn(Page page, Person person) {
		page.navigate("/login");
		page.fill("#username", person.username());
		page.fill("#password", TicketFixtures.PASSWORD);
		page.click("button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/.*"));
	}

	private TicketFixtures fixtures() {
		return new TicketFixtures(mvc, registry, responsibilities, tickets, tokens);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
