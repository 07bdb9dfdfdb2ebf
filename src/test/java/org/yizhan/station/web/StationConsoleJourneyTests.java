package org.yizhan.station.web;

import java.util.UUID;
import java.util.regex.Pattern;

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
 * A union admin's journey through the console in a real browser: sign in, create a
 * station by dropping its pin on the map, list it, and find it again in the list and on
 * the map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StationConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void adminCreatesAStationByDroppingThePinListsItAndFindsItInTheListAndOnTheMap() {
		String name = "浏览器测试驿站" + UUID.randomUUID().toString().substring(0, 6);
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signInWhenSentToLogin(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		// the administrator's full menu fits a 1366 px desk on one line, no entry broken
		// over two ("驿 / 站")
		Object tallest = page.evaluate("Math.max(...[...document.querySelectorAll('#nav .nav-link, #nav .btn')]"
				+ ".map(e => e.getBoundingClientRect().height))");
		assertThat(((Number) tallest).doubleValue()).isLessThan(45);
		Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);

		page.click("#nav-new-station");
		assertThat(page.locator("h1")).hasText("新建驿站");
		fillStation(page, name, "330106", "BANK", "工商银行文三路支行", "杭州市西湖区文三路 100 号");
		page.fill("#openingHours", "Mo-Su 08:00-20:00");
		page.click("label[for=a-MICROWAVE]");
		assertThat(page.locator("#a-MICROWAVE")).isChecked();
		assertThat(page.locator("#lat")).hasValue("");
		page.locator("#pin-map").click(new Locator.ClickOptions().setPosition(300, 200));
		assertThat(page.locator("#pin-map .leaflet-marker-icon")).hasCount(1);
		assertThat(page.locator("#lat")).hasValue(Pattern.compile("^\\d{2}\\.\\d{7}$"));
		assertThat(page.locator("#lon")).hasValue(Pattern.compile("^1\\d{2}\\.\\d{7}$"));
		page.click("#save-station");

		assertThat(page.locator("#station-name")).hasText(name);
		assertThat(page.locator("#station-status")).hasText("草稿");
		String code = page.locator("#station-code").textContent();
		assertThat(code).matches("330106-\\d{4}");
		assertThat(page.locator("text=微波炉")).isVisible();

		page.click("#action-list");
		assertThat(page.locator("#station-status")).hasText("已上图");

		page.navigate("/console/stations");
		// every demo station of the country is many pages: the last is one click away
		Locator pager = page.locator("nav .pagination");
		assertThat(pager.locator(".page-item.active")).hasText("1");
		String last = pager.locator(".page-link").nth(pager.locator(".page-link").count() - 2).textContent().strip();
		assertThat(Integer.parseInt(last)).isGreaterThan(5);
		pager
			.locator(".page-link",
					new Locator.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^" + last + "$")))
			.click();
		assertThat(page.locator("nav .pagination .page-item.active")).hasText(last);
		assertThat(page.locator("nav .pagination .page-item.active a")).hasAttribute("aria-current", "page");

		page.fill("#q", name);
		page.press("#q", "Enter");
		assertThat(page.locator("#station-table tbody tr")).hasCount(1);
		assertThat(page.locator("#result-count")).hasText("共 1 个驿站");
		assertThat(page.locator("#station-table tbody")).containsText(code);

		Locator marker = page.locator("#station-map path.marker-" + code);
		assertThat(marker).hasCount(1);
		assertThat(page.locator("#station-map")).hasAttribute("data-marker-count", "1");
		// the legend names each status beside the colour its markers are drawn in
		Locator legend = page.locator("#station-map-legend li");
		assertThat(legend).hasText(new String[] { "草稿", "已上图", "暂停服务", "已摘牌" });
		assertThat(page.locator("#station-map-legend [data-status=LISTED]")).hasCSS("background-color",
				"rgb(25, 135, 84)");
		assertThat(marker).hasAttribute("fill", "rgb(25, 135, 84)");
		assertThat(page.locator("#station-map .leaflet-control-attribution")).containsText("Leaflet");
		assertThat(page.locator("#station-map .leaflet-control-attribution svg")).hasCount(0);
		marker.click(new Locator.ClickOptions().setForce(true));
		assertThat(page.locator(".leaflet-popup-content a")).hasText(name);
	}

	@Test
	void adminEditsSuspendsReopensAndDelistsAStationGivingReasons() {
		String name = "生命周期驿站" + UUID.randomUUID().toString().substring(0, 6);
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signInWhenSentToLogin(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		page.navigate("/console/stations/new");
		fillStation(page, name, "330105", "PETROL_STATION", "中国石化", "杭州市拱墅区");
		placeAt(page, "30.32", "120.14");
		page.click("#save-station");
		page.click("#action-list");
		assertThat(page.locator("#station-status")).hasText("已上图");

		page.click("#edit-station");
		String editUrl = page.url();
		page.fill("#openingHours", "Mo-Fr 25:00-26:00");
		page.click("#save-station");
		assertThat(page.locator("#form-errors")).containsText("开放时间");
		assertThat(page).hasURL(editUrl);
		page.navigate(page.url());
		assertThat(page.locator("#save-station")).isVisible();
		assertThat(page.locator("#form-errors")).hasCount(0);
		page.fill("#name", name + "（改）");
		page.fill("#openingHours", "24/7");
		page.click("#save-station");
		assertThat(page.locator("#station-name")).hasText(name + "（改）");
		assertThat(page.locator("text=已保存")).isVisible();

		page.fill("#suspend-reason", "站内装修");
		page.fill("#suspend-until",
				java.time.LocalDate.now(org.yizhan.platform.YizhanTime.ZONE).plusDays(30).toString());
		page.click("#action-suspend");
		assertThat(page.locator("#station-status")).hasText("暂停服务");
		assertThat(page.locator(".alert-warning")).containsText("站内装修");

		page.click("#action-reopen");
		assertThat(page.locator("#station-status")).hasText("已上图");

		page.onDialog(dialog -> dialog.accept());
		page.selectOption("#delist-reason", "DUPLICATE");
		page.fill("input[name=note]", "与邻近站点重复");
		page.click("#action-delist");
		assertThat(page.locator("#station-status")).hasText("已摘牌");
		assertThat(page.locator(".alert-secondary")).containsText("重复登记");
		assertThat(page.locator("#edit-station")).hasCount(0);
	}

	@Test
	void htmlInAStationNameIsShownAsTextEverywhere() {
		String name = "<b>粗体</b>驿站" + UUID.randomUUID().toString().substring(0, 4);
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signInWhenSentToLogin(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		page.navigate("/console/stations/new");
		fillStation(page, name, "330102", "PUBLIC_TOILET", "<script>alert(1)</script>", "杭州市上城区");
		placeAt(page, "30.25", "120.17");
		page.click("#save-station");

		assertThat(page.locator("#station-name")).hasText(name);
		assertThat(page.locator("#station-name b")).hasCount(0);
		assertThat(page.locator("script:text('alert(1)')")).hasCount(0);

		page.navigate(
				"/console/stations?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.locator("#station-table tbody a")).hasText(name);
		assertThat(page.locator("#station-table b")).hasCount(0);
	}

	@Test
	void aFormWithMistakesComesBackWithEachFieldExplained() {
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signInWhenSentToLogin(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		page.navigate("/console/stations/new");
		fillStation(page, "错误示例驿站", "330106", "BANK", "某银行", "杭州市西湖区");
		page.fill("#openingHours", "Mo-Fr 25:00-26:00");
		placeAt(page, "35.68", "139.76");
		page.click("#save-station");

		assertThat(page.locator("#form-errors")).containsText("开放时间");
		assertThat(page.locator("#form-errors")).containsText("第 7 个字符");
		assertThat(page.locator("#form-errors")).containsText("位置不在中国境内");
		assertThat(page.locator("#name")).hasValue("错误示例驿站");
		// answered at the form's own address: what the address bar shows opens the form
		// again (not the station list), and a reload cannot land on another page or a 405
		assertThat(page).hasURL(Pattern.compile(".*/console/stations/new$"));
		page.navigate(page.url());
		assertThat(page.locator("h1")).hasText("新建驿站");
	}

	private static void fillStation(Page page, String name, String district, String hostType, String hostName,
			String address) {
		page.fill("#name", name);
		page.selectOption("#district", district);
		page.selectOption("#hostType", hostType);
		page.fill("#hostName", hostName);
		page.fill("#address", address);
	}

	/** Types coordinates instead of dropping the pin. */
	private static void placeAt(Page page, String lat, String lon) {
		page.fill("#lat", lat);
		page.fill("#lon", lon);
	}

}
