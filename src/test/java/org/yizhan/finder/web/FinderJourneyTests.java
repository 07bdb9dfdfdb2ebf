package org.yizhan.finder.web;

import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
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
import org.yizhan.support.PageWeight;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's journey on a phone: from where they stand, the nearest station that is open
 * now and has a toilet, its page, and the same answers again with the network gone. The
 * stations are placed in the west of 淳安县, tens of kilometres from any demo station, so
 * each test sees only its own.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FinderJourneyTests {

	/**
	 * What {@code /} may transfer on a first visit, map tiles aside; see
	 * docs/benchmarks.md.
	 */
	static final long PAGE_WEIGHT_BUDGET_BYTES = 150 * 1024;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Autowired
	StationFinder finder;

	@Test
	void aWorkerFindsTheNearestOpenStationWithAToiletAndOpensItsPage() {
		double lat = 29.80;
		double lon = 118.60;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		// Nearest, open round the clock, but no toilet.
		Station noToilet = listed("无卫生间驿站" + suffix, lat + 0.001, lon, List.of("MICROWAVE", "DRINKING_WATER"), "24/7");
		// Next, with a toilet, but closed now: it opens for an hour later in the day.
		Station closed = listed("已关门驿站" + suffix, lat + 0.002, lon, List.of("TOILET"), closedNow());
		// Furthest: the one the worker needs.
		Station wanted = listed(new StationInput("通宵卫生间驿站" + suffix, "杭州市淳安县", "330127", "测试单位", "OTHER", lat,
				lon + 0.006, "wgs84", null, null, List.of("TOILET", "PHONE_CHARGING"), "24/7", "ID_CARD", "24/7", false,
				"0571-64810000", null, null, null));

		BrowserContext context = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = context.newPage();
		page.navigate("/");
		assertThat(page.locator("#location-status")).hasText("已按您的当前位置查找");
		// the header's mark is a picture, not a second 驿 before 驿站
		assertThat(page.locator("header img[src*=favicon]")).hasCount(0);
		assertThat(page.locator("#brand-mark")).hasAttribute("src", Pattern.compile("/img/mark\\.svg$"));
		// the map credits its tiles and Leaflet, with no flag before them
		assertThat(page.locator(".leaflet-control-attribution")).containsText("Leaflet");
		assertThat(page.locator(".leaflet-control-attribution svg")).hasCount(0);
		Locator results = page.locator("#results > li");
		assertThat(results.first()).containsText(noToilet.details().name());
		assertThat(page.locator("#result-" + noToilet.id() + " .result-distance"))
			.containsText(Pattern.compile("^1\\d\\d m · 步行 \\d+ 分钟 · 骑行 \\d+ 分钟$"));

		// the legend says what the markers' colours mean, in the colours the markers use
		assertThat(page.locator("#map-legend")).containsText("正在开放");
		assertThat(page.locator("#map-legend")).containsText("已关闭或时间不确定");
		assertThat(page.locator("#finder-map path.marker-" + noToilet.id())).hasAttribute("fill", "#198754");
		assertThat(page.locator("#map-legend .legend-open")).hasCSS("background-color", "rgb(25, 135, 84)");
		assertThat(page.locator("#map-legend .legend-closed")).hasCSS("background-color", "rgb(108, 117, 125)");

		page.click("#chip-TOILET");
		assertThat(page.locator("#chip-TOILET")).hasAttribute("aria-pressed", "true");
		assertThat(results.first()).containsText(closed.details().name());
		assertThat(page.locator("#result-" + closed.id() + " .result-state")).containsText("已关闭");
		assertThat(page.locator("#results")).not().containsText(noToilet.details().name());

		page.click("#chip-all-day");
		assertThat(results.first()).containsText(wanted.details().name());
		assertThat(page.locator("#results")).not().containsText(closed.details().name());
		page.click("#chip-all-day");
		assertThat(results.first()).containsText(closed.details().name());

		page.click("#chip-open-now");
		assertThat(results.first()).containsText(wanted.details().name());
		assertThat(page.locator("#results")).not().containsText(closed.details().name());
		assertThat(page.locator("#result-" + wanted.id() + " .result-state")).hasText("开放中 · 24 小时开放");
		assertThat(page.locator("#result-" + wanted.id() + " img[data-amenity=TOILET]")).hasAttribute("alt", "卫生间");
		assertThat(page.locator("#result-" + wanted.id() + " .result-entry")).hasText("现在可无人值守入站");
		assertThat(page.locator("#finder-map path.marker-" + wanted.id())).hasCount(1);
		assertThat(page).hasURL(Pattern.compile("/\\?amenities=TOILET&openNow=true$"));

		page.locator("#result-" + wanted.id() + " .result-name").click();
		assertThat(page.locator("#station-name")).hasText(wanted.details().name());
		assertThat(page.locator("#open-state")).hasText("开放中");
		assertThat(page.locator("#week-hours tbody tr")).hasCount(7);
		assertThat(page.locator("#week-hours tr.today")).hasCount(1);
		assertThat(page.locator("#week-hours tr.today td").first()).hasText("全天");
		assertThat(page.locator("#station-amenities")).containsText("卫生间");
		assertThat(page.locator("#smart-entry")).containsText("刷身份证");
		assertThat(page.locator("#entry-now")).hasText("现在可无人值守入站");
		assertThat(page.locator("#navigate-amap")).hasAttribute("href",
				Pattern.compile("^https://uri\\.amap\\.com/navigation\\?to=118\\.6\\d+,29\\.79\\d+,"));
		assertThat(page.locator("#navigate-baidu")).hasAttribute("href",
				Pattern.compile("^https://api\\.map\\.baidu\\.com/direction\\?"));
		assertThat(page.locator("#station-phone")).hasAttribute("href", "tel:0571-64810000");
	}

	/**
	 * The search box finds a place anywhere, not among the thirty answers on screen: a
	 * station some forty kilometres away by its street, and by its name, and a district
	 * of the demo city by its name; the map and the list then start from there.
	 */
	@Test
	void theSearchBoxFindsAPlaceAcrossTheRegistryAndSearchesFromThere() {
		double lat = 29.85;
		double lon = 118.65;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String street = "寻址路" + suffix;
		Station far = listed(
				new StationInput("寻址驿站" + suffix, "浙江省杭州市淳安县" + street + "8号", "330127", "测试单位", "OTHER", 29.62, 119.02,
						"wgs84", null, null, List.of("TOILET"), "24/7", null, null, false, null, null, null, null));

		BrowserContext context = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = context.newPage();
		page.navigate("/");
		assertThat(page.locator("#location-status")).hasText("已按您的当前位置查找");
		assertThat(page.locator("#results")).not().containsText(far.details().name());

		page.fill("#place-input", street);
		assertThat(page.locator("#place-results .place-ADDRESS")).containsText(street);
		assertThat(page.locator("#place-results .place-ADDRESS")).containsText("淳安县");
		page.press("#place-input", "Enter");
		assertThat(page.locator("#location-status")).hasText("已按“淳安县 " + street + "”查找");
		assertThat(page.locator("#results > li").first()).containsText(far.details().name());

		page.click("#chip-open-now");
		page.fill("#place-input", "寻址驿站" + suffix);
		page.locator("#place-results .place-STATION").first().click();
		assertThat(page.locator("#location-status")).hasText("已按“寻址驿站" + suffix + "”查找");
		assertThat(page.locator("#results > li").first()).containsText(far.details().name());

		page.fill("#place-input", "西湖区");
		Locator district = page.locator("#place-results .place-DISTRICT");
		assertThat(district).containsText("西湖区");
		assertThat(district).containsText(Pattern.compile("\\d+ 个驿站"));
		district.click();
		assertThat(page.locator("#location-status")).hasText("已按“西湖区”查找");
		// Other tests' stations in 西湖区 share the database and carry addresses of their
		// own
		// ("测试地址"), so the list is judged by where it moved from: 淳安县's station, first a
		// moment ago, is no longer first.
		assertThat(page.locator("#results > li").first()).isVisible();
		assertThat(page.locator("#results > li").first()).not().containsText(far.details().name());

		page.fill("#place-input", "没有这个地方" + suffix);
		assertThat(page.locator("#place-none")).hasText("没有找到“没有这个地方" + suffix + "”，换个名称试试");
		assertThat(page.locator("#place-results")).isHidden();
	}

	/**
	 * The demo city's stations have addresses from OpenStreetMap (a street where the
	 * place or a neighbour names one, else the named host) and the phones OSM has for
	 * them; one of them, found by its name, shows both on its page.
	 */
	@Test
	void demoStationsShowTheirStreetAddressAndThePhoneTheirSourceHas() {
		BrowserContext context = chromium.newPhoneContext("zh-CN", 30.2541825, 120.1593517);
		Page page = context.newPage();
		page.navigate("/");
		page.fill("#place-input", "杭州酒家爱心驿站");
		page.locator("#place-results .place-STATION").first().click();
		Locator first = page.locator("#results > li").first();
		assertThat(first.locator(".result-name")).hasText("杭州酒家爱心驿站");
		assertThat(first.locator(".result-address")).hasText("浙江省杭州市上城区延安路205号");
		// its neighbours are addressed by a street or their landmark, not by the district
		// alone
		assertThat(page.locator("#results .result-address",
				new Page.LocatorOptions().setHasText(Pattern.compile("^浙江省杭州市上城区.+"))))
			.not()
			.hasCount(0);
		first.locator(".result-name").click();
		assertThat(page.locator("#station-phone")).hasAttribute("href", "tel:0571-87087123");
	}

	@Test
	void theLastResultsAndVisitedStationPagesStayAvailableOfflineMarkedAsPossiblyStale() {
		double lat = 29.95;
		double lon = 118.80;
		Station station = listed("离线也能找到的驿站" + UUID.randomUUID().toString().substring(0, 6), lat + 0.003, lon,
				List.of("TOILET"), "24/7");

		BrowserContext context = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = context.newPage();
		page.navigate("/");
		assertThat(page.locator("#results")).containsText(station.details().name());
		assertThat(page.locator("html")).hasAttribute("data-offline-ready", "true");
		assertThat(page.locator("#results")).hasAttribute("data-saved", "true");
		assertThat(page.locator("#offline-banner")).isHidden();

		context.setOffline(true);
		page.reload();
		assertThat(page.locator("#results")).containsText(station.details().name());
		assertThat(page.locator("#offline-banner")).isVisible();
		assertThat(page.locator("#offline-banner")).containsText("离线，可能不是最新");
		assertThat(page.locator("#offline-cached-at")).hasText(Pattern.compile("\\d{1,2}:\\d{2}"));

		context.setOffline(false);
		page.locator("#result-" + station.id() + " .result-name").click();
		assertThat(page.locator("#station-name")).hasText(station.details().name());
		assertThat(page.locator("#offline-banner")).isHidden();
		context.setOffline(true);
		page.reload();
		assertThat(page.locator("#station-name")).hasText(station.details().name());
		assertThat(page.locator("#week-hours tbody tr")).hasCount(7);
		assertThat(page.locator("#offline-banner")).isVisible();
		assertThat(page.locator("#offline-cached-at")).hasText(Pattern.compile("\\d{1,2}:\\d{2}"));
	}

	@Test
	void theFinderStaysWithinItsPageWeightBudgetOnAFirstVisit() throws IOException, InterruptedException {
		double lat = 29.70;
		double lon = 118.45;
		Station station = listed("页面重量驿站" + UUID.randomUUID().toString().substring(0, 6), lat, lon + 0.002,
				List.of("TOILET", "MICROWAVE", "EBIKE_CHARGING", "DRINKING_WATER"), "24/7");
		BrowserContext context = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = context.newPage();
		// Routes switch the browser's HTTP cache off; the worker's first copies come
		// from it.
		context.unroute("https://**");
		List<Request> finished = new ArrayList<>();
		Set<Request> byPage = ConcurrentHashMap.newKeySet();
		context.onRequestFinished(finished::add);
		page.onRequestFinished(byPage::add);
		page.navigate("/");
		assertThat(page.locator("#result-" + station.id() + " img[data-amenity=TOILET]")).isVisible();
		assertThat(page.locator("html")).hasAttribute("data-offline-ready", "true");

		long bytes = 0;
		long workerBytes = 0;
		List<String> lines = new ArrayList<>();
		Map<String, Response> fetchedByPage = new java.util.HashMap<>();
		byPage.forEach(request -> fetchedByPage.put(request.url(), request.response()));
		for (Request request : new ArrayList<>(finished)) {
			if (request.url().startsWith(chromium.baseUrl())) {
				boolean byWorker = !byPage.contains(request);
				long size = PageWeight.transferred(request, byWorker ? fetchedByPage.get(request.url()) : null);
				bytes += byWorker ? 0 : size;
				workerBytes += byWorker ? size : 0;
				lines.add(String.format(Locale.ROOT, "%7d %s%s", size, byWorker ? "(service worker) " : "",
						request.url()));
			}
		}
		System.out.printf("Page weight of / (first visit, transferred): page %d bytes, service worker %d bytes%n%s%n",
				bytes, workerBytes, String.join("\n", lines));
		assertThat(bytes + workerBytes).isLessThanOrEqualTo(PAGE_WEIGHT_BUDGET_BYTES);
	}

	private Station listed(String name, double lat, double lon, List<String> amenities, String hours) {
		return listed(new StationInput(name, "杭州市淳安县", "330127", "测试单位", "OTHER", lat, lon, "wgs84", null, null,
				amenities, hours, null, null, false, "0571-64810000", null, null, null));
	}

	private Station listed(StationInput input) {
		Station draft = registry.create(input);
		Station listed = registry.list(draft.id(), null);
		for (int i = 0; i < 100 && finder.findById(listed.id().value()).isEmpty(); i++) {
			sleep(50);
		}
		assertThat(finder.findById(listed.id().value())).as("indexed").isPresent();
		return listed;
	}

	/** An hour's opening six hours from now: closed now, whatever the time of the run. */
	private static String closedNow() {
		int start = (LocalTime.now(YizhanTime.ZONE).getHour() + 6) % 24;
		return String.format(Locale.ROOT, "Mo-Su %02d:00-%02d:00", start, start + 1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
