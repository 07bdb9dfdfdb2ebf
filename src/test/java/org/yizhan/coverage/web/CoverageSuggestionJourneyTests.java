package org.yizhan.coverage.web;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner at a desk (issue 21, item 10): suggested sites stop where nothing more is
 * gained, each says where it is and how far the nearest station is, and a click zooms the
 * map to it; 西湖区 reads the same area and coverage on its own page as in the city's table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CoverageSuggestionJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void xihuReadsOneAreaAndOneCoverageOnItsPageAndInTheCityTable() {
		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			page.navigate("/console/coverage?org=330100&mode=EBIKE");
			List<String> inCity = figures(page.locator("#coverage-table tr[data-org='330106']"));
			page.navigate("/console/coverage?org=330106&mode=EBIKE");
			List<String> own = figures(page.locator("#coverage-table tr[data-org='330106']"));

			assertThat(own).isEqualTo(inCity);
		}
	}

	@Test
	void suggestionsStopWhenNothingMoreIsGainedAndEachSaysWhereItIs() {
		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			page.navigate("/console/coverage?org=330106&mode=EBIKE&p=10");
			Locator sites = page.locator("#suggested-sites li");
			assertThat(sites.first()).isVisible();

			assertThat(page.locator("#suggested-sites")).not().containsText("+0.00%");
			for (int i = 0; i < sites.count(); i++) {
				assertThat(sites.nth(i).locator(".site-place")).containsText("西湖区");
				assertThat(sites.nth(i).locator(".site-nearest")).containsText("距最近驿站");
			}
			assertThat(page.locator("#coverage-map path.site-marker")).hasCount(sites.count());
			if (sites.count() < 10) {
				assertThat(page.locator("#suggest-exhausted")).isVisible();
			}

			sites.first().locator("button.site-zoom").click();
			assertThat(page.locator("#coverage-map")).hasAttribute("data-view-zoom", "16");
			// to look at (target/console-coverage-suggestions.png)
			page.locator("#suggested-sites")
				.screenshot(
						new Locator.ScreenshotOptions().setPath(Path.of("target/console-coverage-suggestions.png")));
		}
	}

	/** Area, stations and the four coverage shares of a district's row. */
	private static List<String> figures(Locator row) {
		assertThat(row).hasCount(1);
		return row.locator("td").allInnerTexts().subList(2, 8);
	}

}
