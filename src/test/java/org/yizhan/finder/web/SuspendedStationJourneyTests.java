package org.yizhan.finder.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.TestStations;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a worker's phone (issue 21, item 6): the page of a station closed for a while says
 * why and when it expects to reopen, as its rating page does, instead of "no such
 * station"; a station closed for good says so and points to the nearest open ones (issue
 * 20, item 4); a station never on file is not found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SuspendedStationJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	Clock clock;

	@Test
	void aSuspendedStationsPageSaysWhyAndWhenItReopensInChineseOrEnglish() {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		LocalDate reopening = LocalDate.now(clock.withZone(YizhanTime.ZONE)).plusDays(20);
		asNationalAdmin(() -> registry.suspend(station.id(), null, "屋顶漏水维修", reopening));

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130)) {
			Page page = phone.newPage();
			Response response = page.navigate("/stations/" + station.id().value());

			assertThat(response.status()).isEqualTo(200);
			assertThat(page.locator("#station-name")).hasText(station.details().name());
			assertThat(page.locator("#station-suspended")).containsText("暂停服务");
			assertThat(page.locator("#suspension-reason")).hasText("屋顶漏水维修");
			assertThat(page.locator("#suspension-reopening"))
				.containsText(reopening.format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
			assertThat(page.locator("body")).not().containsText("该驿站不存在");
			assertThat(page.locator("#back-to-finder")).isVisible();
			Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a 390 px phone")
				.isLessThanOrEqualTo(0);

			page.click("#lang-switch");
			assertThat(page.locator("#station-suspended")).containsText("Closed for now");
			assertThat(page.locator("#suspension-reopening")).containsText(reopening.toString());
		}
	}

	@Test
	void aDelistedStationSaysSoAndPointsToTheNearestOpenStations() {
		// a corner of 西湖区 of their own: the nearest open station is the neighbour
		Station[] stations = new Station[2];
		asNationalAdmin(() -> {
			stations[0] = TestStations.listed(registry, "撤销测试驿站", "杭州市西湖区测试路 1 号", "330106", 30.2950, 120.0520);
			stations[1] = TestStations.listed(registry, "撤销测试邻站", "杭州市西湖区测试路 3 号", "330106", 30.2959, 120.0520);
		});
		Station station = stations[0];
		Station neighbour = stations[1];
		asNationalAdmin(() -> registry.delist(station.id(), null, org.yizhan.station.DelistingReason.CLOSED, "关门"));

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130)) {
			Page page = phone.newPage();
			Response response = page.navigate("/stations/" + station.id().value());

			assertThat(response.status()).isEqualTo(200);
			assertThat(page.locator("#station-delisted")).containsText("本站已撤销");
			assertThat(page.locator("#alternative-" + neighbour.id().value())).containsText(neighbour.details().name());
			assertThat(page.locator("#alternative-" + station.id().value())).hasCount(0);
			page.locator("#alternative-" + neighbour.id().value() + " a").click();
			assertThat(page.locator("#station-name")).hasText(neighbour.details().name());
		}
	}

	@Test
	void aStationNeverOnFileIsNotFound() {
		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130)) {
			Page page = phone.newPage();
			Response response = page.navigate("/stations/987654321");

			assertThat(response.status()).isEqualTo(404);
			assertThat(page.locator("h1")).hasText("该驿站不存在或暂未开放");
		}
	}

	private static void asNationalAdmin(Runnable action) {
		ActingAsNationalAdmin.signIn();
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
