package org.yizhan.supervision.web;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.rating.RatingStatus;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.supervision.SilentCase;
import org.yizhan.supervision.SilentFixtures;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district admin's journey in Chromium: the station page of a silent station shows its
 * case, the silent-station page shows its months and last counted rating, the admin
 * downgrades it after confirming, and the station page then shows the lower level and the
 * outcome.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class SilentConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anAdminSeesASilentStationDowngradesItAfterConfirmingAndSeesItsLevelChangeOnTheStationPage() {
		SilentFixtures fixtures = SilentFixtures.of(context);
		Station station = fixtures.listedStation("浏览器无评价驿站", StationLevel.NATIONAL, "2025-11-20T10:00+08:00");
		fixtures.rate(station.id(), "2025-11-28T18:30+08:00", RatingStatus.COUNTED);
		fixtures.judge("2026-03");
		clock.reset();
		SilentCase flagged = fixtures.casesOf(station.id()).get(0);

		BrowserContext browserContext = chromium.newContext("zh-CN");
		Page page = browserContext.newPage();
		List<String> dialogs = new java.util.ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);

		page.navigate("/console/stations/" + station.id().value());
		Locator open = page.locator("#silent-case-open");
		assertThat(open).containsText("连续 4 个月没有计入的评价");
		assertThat(open).containsText("2025-12");
		assertThat(open).containsText("2026-03");
		assertThat(open).containsText("2025-11-28 18:30");
		open.locator("a").click();

		assertThat(page).hasURL(Pattern.compile(".*/console/silent-stations\\?q=.*"));
		assertThat(page.locator("#silent-count")).hasText("共 1 个");
		Locator card = page.locator("#case-" + flagged.id());
		assertThat(card.locator(".case-month")).hasText(new String[] { "2025-12", "2026-01", "2026-02", "2026-03" });
		assertThat(card.locator(".case-last-rating")).containsText("2025-11-28 18:30");
		assertThat(card.locator(".case-level")).hasText("全国级");
		assertThat(card.locator(".action-downgrade")).hasText("降为省级");

		card.locator("input[name=reason]").first().fill("连续四个月无计入评价");
		// the question comes from console.js, at the end of the page: under load a click
		// can come before it has run
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		card.locator(".action-downgrade").click();

		assertThat(page.locator(".alert-success")).hasText("已降级");
		assertThat(dialogs).hasSize(1);
		assertThat(dialogs.get(0)).contains("全国级").contains("省级");
		assertThat(page.locator("#silent-count")).hasText("共 0 个");

		page.navigate("/console/stations/" + station.id().value());
		assertThat(page.locator("#station-code").locator("xpath=..")).containsText("省级");
		assertThat(page.locator("#station-code").locator("xpath=..")).not().containsText("全国级");
		Locator closed = page.locator("#silent-case-closed");
		assertThat(closed).containsText("已降级");
		assertThat(closed).containsText("全国级 → 省级");
		assertThat(page.locator("#silent-case-open")).hasCount(0);
	}

	@Test
	void aStationWithoutALevelOffersNoDowngradeAndAnInspectorSeesTheCaseWithoutDecisions() {
		SilentFixtures fixtures = SilentFixtures.of(context);
		Station station = fixtures.listedStation("未定级无评价驿站", StationLevel.NONE, "2025-11-20T10:00+08:00");
		fixtures.judge("2026-03");
		clock.reset();
		SilentCase flagged = fixtures.casesOf(station.id()).get(0);

		BrowserContext browserContext = chromium.newContext("zh-CN");
		Page page = browserContext.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		page.navigate("/console/silent-stations?q=" + station.code().value());
		Locator card = page.locator("#case-" + flagged.id());
		assertThat(card.locator(".case-last-rating")).hasText("从未");
		assertThat(card.locator(".action-downgrade")).hasCount(0);
		assertThat(card.locator(".action-delist")).hasCount(1);
		assertThat(card.locator(".action-exempt")).hasCount(1);
		assertThat(card).containsText("该驿站未定级，不能再降级");
		Page inspector = chromium.newContext("zh-CN").newPage();
		ConsoleLogin.signIn(inspector, "xihu-inspector", TestAccounts.DEMO_PASSWORD);
		inspector.navigate("/console/silent-stations?q=" + station.code().value());
		Locator inspectorsCard = inspector.locator("#case-" + flagged.id());
		assertThat(inspectorsCard).containsText(station.code().value());
		assertThat(inspectorsCard.locator("form")).hasCount(0);
	}

}
