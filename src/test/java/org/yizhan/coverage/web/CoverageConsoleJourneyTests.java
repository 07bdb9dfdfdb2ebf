package org.yizhan.coverage.web;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
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
 * A city union's planner in a real browser: opens the coverage of 西湖区 in the demo city,
 * sees the grid on the map and the table, asks for 10 suggested sites and finds them
 * listed and drawn.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CoverageConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void plannerOpensADistrictsCoverageAndAsksForTenSuggestedSites() {
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.submit(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		page.click("#nav-coverage");
		assertThat(page.locator("#coverage-table tbody tr")).hasCount(13);
		page.selectOption("#org", "330106");
		page.selectOption("#mode", "WALK");
		page.click("#coverage-show");
		assertThat(page.locator("#coverage-table tbody tr[data-org]")).hasCount(1);
		assertThat(page.locator("#coverage-table tbody")).containsText("西湖区");
		assertThat(page.locator("#coverage-map img.coverage-grid")).hasCount(1);
		assertThat(page.locator("#coverage-legend")).containsText("未覆盖");
		// the markers drawn over the grid are in the legend too
		assertThat(page.locator("#coverage-legend")).containsText("未覆盖片区的中心");
		assertThat(page.locator("#coverage-legend")).containsText("建议新设驿站的点位");
		assertThat(page.locator("#coverage-gaps li").first()).isVisible();

		page.fill("#p", "10");
		page.click("#suggest-run");
		assertThat(page.locator("#suggested-sites li")).hasCount(10);
		assertThat(page.locator("#coverage-map path.site-marker")).hasCount(10);
		assertThat(page.locator("#suggest-summary")).containsText("覆盖率由");
		// the grid image is a real picture of the district
		String src = page.locator("#coverage-map img.coverage-grid").getAttribute("src");
		byte[] png = page.request().get(src).body();
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		// for the README (docs/images/console-coverage.png)
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/console-coverage.png")));
	}

}
