package org.yizhan;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ScreenshotScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.StationId;
import org.yizhan.station.StationTokens;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Takes the README's screenshots of the demo city at a desk (1366 px) and on a phone (390
 * px), in Chinese, into the folder named by {@code yizhan.screenshots}:
 * {@code ./mvnw -o test -Dtest=ScreenshotTests -Dyizhan.screenshots=docs/images}. Not
 * part of a build (it checks nothing the journeys do not); map tiles come from the
 * internet, which the browser tests do not reach, so the maps show their markers on a
 * grey ground.
 */
@EnabledIfSystemProperty(named = "yizhan.screenshots", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreenshotTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StationTokens tokens;

	@Test
	void theMainPagesAtADeskAndOnAPhone() throws Exception {
		Path folder = Path.of(System.getProperty("yizhan.screenshots"));
		Files.createDirectories(folder);
		long station = this.jdbc.sql("select min(id) from station where district_code = '330106' and status = 'LISTED'")
			.query(Long.class)
			.single();

		BrowserContext desk = chromium.newContext("zh-CN");
		Page page = desk.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		shoot(page, "/console/stations", folder.resolve("desk-stations.png"));
		shoot(page, "/console/stations/" + station, folder.resolve("desk-station.png"));
		shoot(page, "/console/tickets", folder.resolve("desk-tickets.png"));
		shoot(page, "/console/figures?org=330106", folder.resolve("desk-figures.png"));
		shoot(page, "/console/applications", folder.resolve("desk-applications.png"));
		shoot(page, "/console/checklists", folder.resolve("desk-checklists.png"));

		BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.2741, 120.1551);
		Page worker = phone.newPage();
		shoot(worker, "/", folder.resolve("phone-finder.png"));
		shoot(worker, "/stations/" + station, folder.resolve("phone-station.png"));
		shoot(worker, "/r/" + this.tokens.issue(new StationId(station)), folder.resolve("phone-rating.png"));
		shoot(worker, "/apply", folder.resolve("phone-apply.png"));

		BrowserContext masterPhone = chromium.newPhoneContext("zh-CN", 30.2741, 120.1551);
		Page master = masterPhone.newPage();
		ConsoleLogin.signIn(master, "xihu-master", TestAccounts.DEMO_PASSWORD);
		shoot(master, "/console/tickets", folder.resolve("phone-master-tickets.png"));
	}

	private static void shoot(Page page, String path, Path file) {
		page.navigate(path);
		page.waitForLoadState(LoadState.NETWORKIDLE);
		assertThat(page.locator("body")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setScale(ScreenshotScale.CSS));
	}

}
