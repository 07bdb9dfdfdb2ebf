package org.yizhan.rating.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.PageWeight;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's journey from a station's QR code on a phone (390 × 844): the rating page,
 * stars, tags, a comment and the location check, the thank-you; the kind pages of a code
 * that leads nowhere and of a closed station; the problem report; and the page-weight
 * budget of a first visit on 3G.
 */
class RatingPageJourneyTests extends IntakeTestSupport {

	/**
	 * What {@code /r/{token}} may transfer on a first visit, everything included: a third
	 * of a second at 400 kbit/s, a weak 3G line, where the round trips then weigh more
	 * than the bytes; see docs/benchmarks.md.
	 */
	static final long PAGE_WEIGHT_BUDGET_BYTES = 16 * 1024;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aWorkerRatesAStationFromItsQrCodeAndIsThanked() {
		double lat = 29.6123;
		double lon = 118.4321;
		Station station = listedStation("24/7", null, lat, lon);
		BrowserContext context = chromium.newPhoneContext("zh-CN", lat + 0.0005, lon);
		Page page = context.newPage();
		page.navigate("/r/" + token(station));
		assertThat(page.locator("#station-name")).hasText(station.details().name());
		assertThat(page.locator("#station-code")).hasText(station.code().toString());
		assertThat(page.locator("#tags-positive")).containsText("干净整洁");
		assertThat(page.locator("#tags-negative")).containsText("缺水缺药");

		page.click("#rating-submit");
		assertThat(page.locator("#rating-status")).hasText("请先选择 1 到 5 星。");

		page.click("label[for=star-4]");
		assertThat(page.locator("#stars label.on")).hasCount(4);
		page.locator("#tags-positive label", new Page.LocatorOptions().setHasText("干净整洁")).click();
		page.locator("#tags-positive label", new Page.LocatorOptions().setHasText("服务热情")).click();
		page.locator("#categories label", new Page.LocatorOptions().setHasText("外卖骑手")).click();
		page.fill("#comment", "微波炉很好用 <b>谢谢</b>");
		assertThat(page.locator("#comment-count")).hasText("16");
		page.check("#near-check");
		assertThat(page.locator("#near-status")).hasText("已获取位置，提交时核验。");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/rating-page.png")).setFullPage(true));
		page.click("#rating-submit");

		assertThat(page.locator("#thanks")).isVisible();
		assertThat(page.locator("#thanks")).hasAttribute("data-status", "COUNTED");
		assertThat(page.locator("#thanks-message")).containsText("已计入" + station.details().name() + "的满意度");
		assertThat(page.locator("#rating-form")).isHidden();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/rating-thanks.png")));
		assertThat(stored(station)).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("stars", 4)
				.containsEntry("tags", "{CLEAN,FRIENDLY}")
				.containsEntry("category", "RIDER")
				.containsEntry("comment", "微波炉很好用 <b>谢谢</b>")
				.containsEntry("near_station", true)
				.containsEntry("status", "COUNTED"));
	}

	@Test
	void aSecondRatingTheSameDayFromTheSamePhoneIsThankedAsAlreadyRated() {
		Station station = listedStation();
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		for (int visit = 0; visit < 2; visit++) {
			page.navigate("/r/" + token(station));
			page.click("label[for=star-5]");
			page.click("#rating-submit");
			assertThat(page.locator("#thanks")).isVisible();
		}
		assertThat(page.locator("#thanks")).hasAttribute("data-status", "ALREADY_RATED");
		assertThat(page.locator("#thanks-message")).containsText("今天已经评价过");
		assertThat(stored(station)).hasSize(1);
	}

	@Test
	void theRatingPageSpeaksEnglishWhenAsked() {
		Station station = listedStation();
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		page.navigate("/r/" + token(station) + "?lang=en");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("#rating-submit")).hasText("Send rating");
		assertThat(page.locator("#tags-positive")).containsText("Clean and tidy");
		page.click("label[for=star-3]");
		page.click("#rating-submit");
		assertThat(page.locator("#thanks-message")).containsText("Your rating counts towards");
	}

	@Test
	void aCodeThatLeadsNowhereShowsAKindPageInsteadOfAnError() {
		Station station = listedStation();
		String token = token(station);
		String forged = token.substring(0, token.length() - 2) + (token.charAt(token.length() - 2) == 'A' ? 'B' : 'A')
				+ token.charAt(token.length() - 1);
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		Response malformed = page.navigate("/r/not-a-code");
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(page.locator("#refused h1")).hasText("无法识别这个二维码");
		assertThat(page.locator("#refused-text")).containsText("请扫描驿站内张贴的二维码");
		assertThat(page.locator("#to-finder")).isVisible();

		page.navigate("/r/" + forged);
		assertThat(page.locator("#refused")).hasAttribute("data-reason", "FORGED");
		assertThat(page.locator("#refused-text")).containsText("可能被人替换过");
		assertThat(page.locator("body")).not().containsText("Exception");
		assertThat(page.locator("#rating-form")).hasCount(0);
	}

	@Test
	void theCodeOfASuspendedStationSaysKindlyThatItIsClosedForNow() {
		Station station = listedStation();
		LocalDate reopening = LocalDate.now(YizhanTime.ZONE).plusDays(10);
		registry.suspend(station.id(), null, "装修", reopening);
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		page.navigate("/r/" + token(station));
		assertThat(page.locator("#closed")).hasAttribute("data-status", "SUSPENDED");
		assertThat(page.locator("#closed h1")).hasText(station.details().name());
		assertThat(page.locator("#closed-text")).containsText("预计 " + reopening + " 恢复开放");
		assertThat(page.locator("#rating-form")).hasCount(0);
	}

	@Test
	void aProblemReportedFromTheRatingPageGetsItsNumberAndALinkToItsStatus() {
		Station station = listedStation();
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		page.navigate("/r/" + token(station));
		// the same header as the finder's: its mark and name lead to the finder
		assertThat(page.locator("header #brand-mark")).hasAttribute("src",
				java.util.regex.Pattern.compile("/img/mark\\.svg$"));
		assertThat(page.locator("header #home")).hasAttribute("href", "/");
		page.click("#problem summary");
		page.locator("#problem-types label", new Page.LocatorOptions().setHasText("设施损坏")).click();
		page.fill("#problem-description", "微波炉坏了");
		page.click("#problem-submit");
		assertThat(page.locator("#problem-result")).isVisible();
		String number = page.locator("#problem-number").textContent();
		assertThat(number).isNotBlank();
		// Playwright hands the pattern to JavaScript, which has no \Q…\E quoting; a
		// ticket number is letters, digits and hyphens only.
		assertThat(number).matches("[A-Z0-9-]+");
		assertThat(page.locator("#problem-link")).hasAttribute("href",
				java.util.regex.Pattern.compile("/p/" + number + "$"));
		// when it must be dealt with, in Beijing time, and the number copied with one tap
		assertThat(page.locator("#problem-due"))
			.hasText(java.util.regex.Pattern.compile("应于 \\d+/\\d+ \\d\\d:\\d\\d（北京时间）前处理"));
		context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
		page.click("#problem-copy");
		assertThat(page.locator("#problem-copy")).hasText("已复制");
		assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(number);
	}

	@Test
	void theRatingPageStaysWithinItsPageWeightBudgetOnAFirstVisit() throws IOException, InterruptedException {
		Station station = listedStation();
		BrowserContext context = chromium.newPhoneContext("zh-CN", 29.6, 118.4);
		Page page = context.newPage();
		List<Request> finished = new ArrayList<>();
		context.onRequestFinished(finished::add);
		page.navigate("/r/" + token(station));
		assertThat(page.locator("#station-name")).hasText(station.details().name());
		page.waitForLoadState();
		page.waitForFunction("() => document.readyState === 'complete'");

		long bytes = 0;
		List<String> lines = new ArrayList<>();
		for (Request request : new ArrayList<>(finished)) {
			if (request.url().startsWith(chromium.baseUrl())) {
				long size = PageWeight.transferred(request, null);
				bytes += size;
				lines.add(String.format(Locale.ROOT, "%7d %s", size, request.url()));
			}
		}
		System.out.printf("Page weight of /r/{token} (first visit, transferred): %d bytes%n%s%n", bytes,
				String.join("\n", lines));
		assertThat(lines).as("the page, its script and its icon").hasSizeGreaterThanOrEqualTo(3);
		assertThat(bytes).isLessThanOrEqualTo(PAGE_WEIGHT_BUDGET_BYTES);
	}

}
