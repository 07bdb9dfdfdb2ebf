package org.yizhan.rating.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingRows;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.SignedIn;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district admin, in Chromium, opens a station's page: its satisfaction section loads,
 * draws its chart beside the table that says the same, and shows a worker's comment as
 * typed, markup and all. From the review queue the admin releases the station's held
 * rating, and the station's count goes up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiguresJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesTheChartsTableAndAnEscapedCommentThenReleasesAHeldRatingAndTheCountGoesUp() {
		RatingRows ratings = new RatingRows(this.jdbc);
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		Station station = station();
		ratings.at(station.id())
			.on(today)
			.stars(4)
			.tags(RatingTag.CLEAN)
			.category(WorkerCategory.RIDER)
			.comment("<b>很干净</b>")
			.insert();
		long held = ratings.at(station.id()).on(today).stars(5).held("STATION_BURST").nearStation(false).insert();
		long doubtful = ratings.at(station.id()).on(today).stars(1).held("STATION_BURST").insert();

		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		List<String> errors = new java.util.ArrayList<>();
		page.onPageError(errors::add);
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);

		page.navigate("/console/stations/" + station.id());
		Locator section = page.locator("#station-figures");
		assertThat(section.locator("#figures-total-count")).hasText("1");
		assertThat(section.locator("#figures-total-held")).hasText("2");
		Locator thisWeek = section.locator("#figures-table tbody tr").last();
		// the week named by its days, not as 2026-W39
		LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		assertThat(thisWeek.locator("th")).hasText(monday.getMonthValue() + "月" + monday.getDayOfMonth() + "日–"
				+ monday.plusDays(6).getMonthValue() + "月" + monday.plusDays(6).getDayOfMonth() + "日");
		assertThat(thisWeek.locator("td").first()).hasText("1");
		assertThat(thisWeek.locator("td").nth(2)).hasText("100.0%");
		assertThat(section.locator("#figures-tags tbody tr").first()).containsText("干净整洁");
		assertThat(section.locator("[data-figures-chart=trend] canvas")).hasCount(1);
		assertThat(section.locator("[data-figures-chart=tags] canvas")).hasCount(1);
		Locator comment = section.locator("#figures-comments .figures-comment");
		assertThat(comment).hasText("<b>很干净</b>");
		assertThat(section.locator("#figures-comments b")).hasCount(0);
		assertThat(section.locator("#figures-comments")).containsText("外卖骑手");

		// the week's figures, then the months', without leaving the page
		section.locator("#figures-period-month").click();
		assertThat(section.locator("#figures-period-month")).hasAttribute("aria-current", "true");
		assertThat(section.locator("#figures-table tbody tr")).hasCount(6);
		assertThat(section.locator("[data-figures-chart=trend] canvas")).hasCount(1);

		page.click("#nav-rating");
		page.click("#nav-held-ratings");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/ratings/held"));
		Locator row = page.locator("#held-table tr[data-rating='" + held + "']");
		assertThat(row).containsText(station.code().value());
		assertThat(row).containsText("同一驿站短时集中评价");
		assertThat(page.locator("#location-" + held)).hasText("不在驿站附近");
		assertThat(page.locator("#location-" + doubtful)).hasText("未提供位置");

		// rejecting cannot be undone, so it asks first (console.js, once the page has
		// loaded); saying no changes nothing
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		List<String> questions = new java.util.ArrayList<>();
		page.onceDialog(dialog -> {
			questions.add(dialog.message());
			dialog.dismiss();
		});
		page.click("#reject-" + doubtful);
		assertThat(page.locator("#held-table tr[data-rating='" + doubtful + "']")).hasCount(1);
		assertThat(questions).singleElement().asString().contains("不能撤销").contains(station.details().name());
		page.onceDialog(dialog -> dialog.accept());
		page.click("#reject-" + doubtful);
		assertThat(page.locator("#review-notice")).hasText("已剔除 1 条评价。");

		page.click("#release-" + held);
		assertThat(page.locator("#review-notice")).hasText("已放行 1 条评价，现已计入统计。");
		assertThat(page.locator("#held-table tr[data-rating='" + held + "']")).hasCount(0);

		page.navigate("/console/stations/" + station.id());
		assertThat(page.locator("#station-figures #figures-total-count")).hasText("2");
		assertThat(page.locator("#station-figures #figures-total-held")).hasText("0");
		assertThat(errors).isEmpty();
	}

	@Test
	void aStationWithNoRatingsExplainsWhereRatingsComeFromInsteadOfRowsOfZeros() {
		Station station = station();

		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		page.navigate("/console/stations/" + station.id());

		Locator section = page.locator("#station-figures");
		assertThat(section.locator("#figures-empty")).containsText("没有评价");
		assertThat(section.locator("#figures-empty")).containsText("二维码");
		assertThat(section.locator("#figures-table")).hasCount(0);
		assertThat(section.locator("#figures-tags")).hasCount(0);
		assertThat(section.locator("[data-figures-chart]")).hasCount(0);
		assertThat(section.locator("#figures-total-count")).hasText("0");
	}

	private Station station() {
		SignedIn.as(this.jdbc, "admin");
		try {
			Station draft = this.registry.create(new StationInput("图表驿站" + UUID.randomUUID().toString().substring(0, 6),
					"测试地址", "330106", "测试单位", "OTHER", 30.26, 120.12, "wgs84", null, null, List.of(), "24/7", null,
					null, false, null, null, null, null));
			return this.registry.list(draft.id(), null);
		}
		finally {
			SignedIn.out();
		}
	}

}
