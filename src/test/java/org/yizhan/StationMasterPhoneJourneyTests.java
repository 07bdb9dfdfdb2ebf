package org.yizhan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390 px phone (issue 21, item 9): the console pages a station master works in (the
 * stations, a station with its figures and tickets, the tickets, a ticket, the inbox) fit
 * the screen: nothing reaches past its right edge or hides in a sideways-scrolling box,
 * and the cells people read are wide enough to read rather than one character a line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StationMasterPhoneJourneyTests {

	/** Narrower than this, a Chinese station name wraps every two or three characters. */
	static final int READABLE_PX = 120;

	/**
	 * The visible elements that pass the viewport's right edge or the right edge of a box
	 * that scrolls sideways (the cut-off columns of a wide table); what a box clips on
	 * purpose (a map's tiles) is not counted. Each as {@code tag#id.class}.
	 */
	static final String OVERFLOWING = """
			() => {
			  const width = document.documentElement.clientWidth;
			  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			      + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
			  const found = [];
			  if (document.documentElement.scrollWidth > width + 1) found.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
			  for (const e of document.body.querySelectorAll('*')) {
			    const r = e.getBoundingClientRect();
			    if (r.width === 0 || r.height === 0 || e.closest('[hidden], .d-none, .collapse:not(.show), .dropdown-menu:not(.show), .visually-hidden')) continue;
			    let limit = width, clipped = false;
			    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			      const o = getComputedStyle(a).overflowX;
			      if (o === 'hidden' || o === 'clip') { clipped = true; break; }
			      if (o === 'auto' || o === 'scroll') { limit = Math.min(limit, a.getBoundingClientRect().right); break; }
			    }
			    if (!clipped && r.right > limit + 1) found.push(name(e) + ' right=' + Math.round(r.right));
			  }
			  return found.slice(0, 20);
			}
			""";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Test
	void aStationMastersPagesFitA390PixelPhone() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, null, null, null);
		String number = fixtures.report(station, ProblemType.BROKEN_FACILITY, TicketFixtures.device())
			.ticket()
			.number()
			.value();

		Map<String, String> pages = Map.of("stations", "/console/stations", "station",
				"/console/stations/" + station.id().value(), "tickets", "/console/tickets", "ticket",
				"/console/tickets/" + number, "notifications", "/console/notifications");
		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130)) {
			Page page = phone.newPage();
			ConsoleLogin.signInAnywhere(page, master.username(), TestAccounts.PASSWORD);
			List<String> problems = new ArrayList<>();
			for (String name : List.of("stations", "station", "tickets", "ticket", "notifications")) {
				page.navigate(pages.get(name));
				page.locator("main").waitFor();
				if (name.equals("station")) {
					// its figures and tickets arrive as parts of the page
					page.locator("#station-figures #figures-section").waitFor();
					page.locator("#station-tickets > *").first().waitFor();
				}
				@SuppressWarnings("unchecked")
				List<String> overflowing = (List<String>) page.evaluate(OVERFLOWING);
				overflowing.forEach(problem -> problems.add(name + ": " + problem));
			}
			assertThat(problems).isEmpty();

			page.navigate("/console/tickets");
			assertThat(page.locator("#ticket-table tbody tr").first()).isVisible();
			// to look at (target/console-tickets-phone.png)
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/console-tickets-phone.png")));
			// number, station, holder
			for (String cell : List.of("td:nth-child(1)", "td:nth-child(2)", "td:nth-child(4)")) {
				assertThat(page.locator("#ticket-table tbody tr").first().locator(cell).boundingBox().width)
					.as(cell + " on the tickets list")
					.isGreaterThanOrEqualTo(READABLE_PX);
			}
			page.navigate("/console/stations");
			// code, name
			for (String cell : List.of("td:nth-child(1)", "td:nth-child(2)")) {
				assertThat(page.locator("#station-table tbody tr").first().locator(cell).boundingBox().width)
					.as(cell + " on the stations list")
					.isGreaterThanOrEqualTo(READABLE_PX);
			}
		}
	}

}
