package org.yizhan.finder.web;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.finder.StationFinder;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, item 7, on a worker's phone (390 px) with the network gone: a station page
 * never visited opens the finder's own offline page in the worker's language, not the
 * browser's error; a kept answer stands in only for the filters it was saved for, says
 * how old it is, and an open-now badge past the change it announced is not shown as
 * current. The stations stand in the far west of 淳安县, away from every other test's.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OfflineFinderJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Autowired
	StationFinder finder;

	@Test
	void offlineTheKeptAnswersServeOnlyTheirOwnFiltersWithTheirAgeAndANewStationShowsTheOfflinePage() {
		double lat = 29.52;
		double lon = 118.25;
		Station allDay = listed("离线卫生间驿站", lat + 0.001, lon, List.of("TOILET"), "24/7");
		Station shortHours = listed("离线微波炉驿站", lat + 0.002, lon, List.of("MICROWAVE"), openForAnotherHour());

		BrowserContext context = chromium.newPhoneContext("zh-CN", lat, lon);
		// The page's clock, so that the kept answers can grow minutes and hours old.
		context.clock().install();
		Page page = context.newPage();
		page.navigate("/");
		assertThat(page.locator("#result-" + shortHours.id() + " .result-state")).containsText("开放中");
		assertThat(page.locator("#result-" + allDay.id())).isVisible();
		assertThat(page.locator("html")).hasAttribute("data-offline-ready", "true");
		assertThat(page.locator("#results")).hasAttribute("data-saved", "true");
		assertThat(page.locator("#results-age")).isHidden();
		page.click("#chip-TOILET");
		assertThat(page.locator("#results > li")).hasCount(1);
		assertThat(page.locator("#results")).hasAttribute("data-saved", "true");

		context.setOffline(true);
		page.clock().fastForward("03:00");
		page.click("#chip-TOILET");
		assertThat(page.locator("#results > li")).hasCount(2);
		assertThat(page.locator("#results-age")).hasText("3 分钟前的结果");
		assertThat(page.locator("#result-" + shortHours.id() + " .result-state")).containsText("开放中");

		// Two hours on, the short hours' "open until" has passed: no longer shown as
		// open.
		page.clock().fastForward("02:00:00");
		page.click("#chip-TOILET");
		page.click("#chip-TOILET");
		assertThat(page.locator("#results-age")).hasText("2 小时前的结果");
		assertThat(page.locator("#result-" + shortHours.id() + " .result-state")).hasText("可能已变化，联网后更新");
		assertThat(page.locator("#result-" + allDay.id() + " .result-state")).hasText("开放中 · 24 小时开放");

		// A filter never asked for online has no answer: not the toilets under 微波炉.
		page.click("#chip-MICROWAVE");
		assertThat(page.locator("#result-count")).hasText("离线：这组筛选条件还没有保存过结果，联网后再试。");
		assertThat(page.locator("#results > li")).hasCount(0);
		page.click("#chip-MICROWAVE");
		assertThat(page.locator("#results > li")).hasCount(2);

		// A station never visited: the finder's offline page, in Chinese.
		page.click("#result-" + shortHours.id() + " .result-name");
		assertThat(page.locator("#offline-page section[lang=zh-CN] h1")).hasText("暂时无法打开这个页面");
		assertThat(page.locator("#offline-page section[lang=en]")).isHidden();
		page.click("#offline-page section[lang=zh-CN] .offline-back");
		assertThat(page.locator("#results > li")).hasCount(2);
	}

	@Test
	void theOfflinePageSpeaksEnglishToAnEnglishReader() {
		double lat = 29.50;
		double lon = 118.20;
		Station station = listed("Offline English station", lat + 0.001, lon, List.of("TOILET"), "24/7");
		BrowserContext context = chromium.newPhoneContext("en", lat, lon);
		Page page = context.newPage();
		page.navigate("/?lang=en");
		assertThat(page.locator("#result-" + station.id())).isVisible();
		assertThat(page.locator("html")).hasAttribute("data-offline-ready", "true");

		context.setOffline(true);
		page.click("#result-" + station.id() + " .result-name");
		assertThat(page.locator("#offline-page section[lang=en] h1")).hasText("This page cannot be opened right now");
		assertThat(page.locator("#offline-page section[lang=zh-CN]")).isHidden();
	}

	/** Opened an hour ago, closes in an hour, as the Asia/Shanghai clock reads now. */
	private static String openForAnotherHour() {
		LocalTime now = LocalTime.now(YizhanTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
		LocalTime start = now.minusHours(1);
		LocalTime end = now.plusHours(1);
		return String.format(Locale.ROOT, "Mo-Su %02d:%02d-%02d:%02d", start.getHour(), start.getMinute(),
				end.getHour(), end.getMinute());
	}

	private Station listed(String name, double lat, double lon, List<String> amenities, String hours) {
		Station draft = registry.create(new StationInput(name + UUID.randomUUID().toString().substring(0, 6), "杭州市淳安县",
				"330127", "测试单位", "OTHER", lat, lon, "wgs84", null, null, amenities, hours, null, null, false, null,
				null, null, null));
		Station listed = registry.list(draft.id(), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> finder.findById(listed.id().value()).isPresent());
		return listed;
	}

}
