package org.yizhan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

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

	private static final Logger log = LoggerFactory.getLogger(ConsoleJourneyTests.class);

	/**
	 * The budget of a console page on a cold cache at the loopback (issue 21, item 11).
	 */
	static final long INTERACTIVE_MILLIS = 1000;

	private static final Pattern VERSIONED_WEBJAR = Pattern.compile(".*/webjars/[^/]+/\\d[^/]*/.*");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProblemTickets tickets;

	@Test
	void aStationMasterIsRefusedTheBlankFormsOnAChinesePageWithTheNavigation() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, master.username(), TestAccounts.PASSWORD);
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

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/stations");
			page.waitForLoadState(LoadState.NETWORKIDLE);
			desk.clearCookies();

			page.selectOption("#status", "LISTED");

			assertThat(page).hasURL(Pattern.compile(".*/login\\?expired$"));
			assertThat(page.locator("#station-filters")).hasCount(0);
			assertThat(page.locator("#username")).isVisible();
			assertThat(page.locator("#login-expired")).hasText("登录已失效，请重新登录");

			page.fill("#username", admin.username());
			page.fill("#password", TestAccounts.PASSWORD);
			page.click("button[type=submit]");
			// the part's request is not returned to: the admin lands on the dashboard
			assertThat(page).hasURL(Pattern.compile(".*/console/dashboard$"));
		}
	}

	@Test
	void versionedLibraryFilesAreKeptForAYearAndTheMainPagesAreTimedOnAColdCache() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		List<String> pages = List.of("/console/stations", "/console/stations/" + station.id().value(),
				"/console/tickets", "/console/figures", "/console/coverage", "/console/notifications",
				"/console/accounts", "/console/audit");

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			CDPSession devtools = desk.newCDPSession(page);
			devtools.send("Network.enable");
			Map<String, String> libraries = new LinkedHashMap<>();
			page.onResponse(response -> {
				if (VERSIONED_WEBJAR.matcher(response.url()).matches()) {
					libraries.put(response.url(), String.valueOf(response.headers().get("cache-control")));
				}
			});
			Map<String, Long> interactive = new LinkedHashMap<>();
			Map<String, Long> load = new LinkedHashMap<>();
			List<String> tooSlow = new ArrayList<>();
			for (String path : pages) {
				devtools.send("Network.clearBrowserCache");
				Response response = page.navigate(path);
				page.waitForLoadState(LoadState.LOAD);
				assertThat(response.status()).as(path).isEqualTo(200);
				long millis = ((Number) page.evaluate(
						"() => Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)"))
					.longValue();
				long loaded = ((Number) page
					.evaluate("() => Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)"))
					.longValue();
				interactive.put(path, millis);
				load.put(path, loaded);
				if (millis > INTERACTIVE_MILLIS) {
					tooSlow.add(path + " " + millis + " ms");
				}
			}
			log.info("Console pages on a cold cache, ms: interactive (DOMContentLoaded handled) {}, loaded {}",
					interactive, load);

			assertThat(libraries).as("versioned WebJar files were loaded").isNotEmpty();
			libraries.forEach((url, cacheControl) -> assertThat(cacheControl).as(url)
				.contains("max-age=31536000")
				.contains("immutable")
				.doesNotContain("no-cache"));
			// The budget is a benchmark's, not a test's: on a loaded machine (CI,
			// parallel
			// builds) a page can miss it by the machine's noise alone. Run as the
			// benchmark
			// (docs/benchmarks.md) with -Dyizhan.bench.console=true on a quiet machine.
			if (Boolean.getBoolean("yizhan.bench.console")) {
				assertThat(tooSlow).as("pages over %d ms on a cold cache", INTERACTIVE_MILLIS).isEmpty();
			}
		}
	}

	private TicketFixtures fixtures() {
		return TicketFixtures.of(context);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
