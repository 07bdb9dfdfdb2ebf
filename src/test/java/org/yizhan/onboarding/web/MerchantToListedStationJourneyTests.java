package org.yizhan.onboarding.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.onboarding.ApplicationFixtures;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's journey in one piece: a merchant applies on a phone, the district's reviewer
 * scores the application, visits the site on a phone against the standard in force,
 * approves, the station appears as a DRAFT, and the union admin lists it. The other
 * journeys each hold a part (the form in 西湖区, where no standard is in force; the visit in
 * 市南区, which has no boundary, so its application cannot come from the public form); here
 * 黄岛区 gets a boundary of its own, so the public form offers it and coverage measures it,
 * and Qingdao's standard over Shandong's rule is in force there (seeded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MerchantToListedStationJourneyTests {

	/** 青岛市黄岛区: under Qingdao's standard; no other test uses it. */
	static final String HUANGDAO = "370211";

	/**
	 * A square of about 9 × 11 km standing in for the district's boundary (WGS-84): the
	 * test's own, not the real district's outline, which the project does not ship.
	 */
	static final double SOUTH = 35.90, NORTH = 36.00, WEST = 120.10, EAST = 120.20;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Checklists checklists;

	@Test
	void aMerchantAppliesOnAPhoneAndTheStationIsScoredVisitedApprovedAndListed() {
		HttpCaller admin = HttpCaller.basic(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		// GeoJSON is lon,lat
		HttpCaller.ok(admin.send("PUT", "/api/v1/coverage/areas?crs=wgs84&org=" + HUANGDAO, "application/geo+json",
				"{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(WEST,
						SOUTH, EAST, SOUTH, EAST, NORTH, WEST, NORTH, WEST, SOUTH),
				null));
		String reviewer = "hdj-" + UUID.randomUUID().toString().substring(0, 8);
		String oneTime = com.jayway.jsonpath.JsonPath
			.read(HttpCaller.ok(admin.send("POST", "/api/v1/accounts", "application/json", "{\"username\":\"" + reviewer
					+ "\",\"displayName\":\"黄岛区评审\",\"organization\":\"" + HUANGDAO + "\",\"roles\":[\"REVIEWER\"]}",
					null)), "$.oneTimePassword");
		HttpCaller.ok(HttpCaller.basic(this.port, reviewer, oneTime)
			.send("POST", "/api/v1/me/password", "application/json",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}",
					null));
		double lat = SOUTH + 0.02 + ThreadLocalRandom.current().nextDouble(0.06);
		double lon = WEST + 0.02 + ThreadLocalRandom.current().nextDouble(0.06);

		// The merchant applies on a phone.
		BrowserContext merchantPhone = chromium.newPhoneContext("zh-CN", lat, lon);
		Page merchant = merchantPhone.newPage();
		merchant.navigate("/apply?district=" + HUANGDAO);
		assertThat(merchant.locator("#site-district")).hasValue(HUANGDAO);
		merchant.fill("#host-creditCode", ApplicationFixtures.randomCreditCode());
		merchant.fill("#host-name", "金沙滩爱心便利店");
		merchant.fill("#contact-name", "刘店长");
		merchant.fill("#contact-phone", "13953212345");
		merchant.fill("#stationName", "一平米温暖爱心驿站（金沙滩店）");
		merchant.fill("#site-address", "青岛市黄岛区测试路 8 号");
		merchant.selectOption("#site-crs", "wgs84");
		merchant.fill("#site-lat", Double.toString(lat));
		merchant.fill("#site-lon", Double.toString(lon));
		merchant.fill("#site-areaM2", "16");
		for (String amenity : List.of("DRINKING_WATER", "MICROWAVE", "SEATING")) {
			merchant.click("label[for=amenity-" + amenity + "]");
		}
		merchant.setInputFiles("#photos",
				new FilePayload[] { new FilePayload("门头.jpg", "image/jpeg", TestImages.jpeg(800, 600)) });
		merchant.click("#apply-submit");
		merchant.waitForURL(Pattern.compile(".*/a/[A-Za-z0-9_-]{22}$"));
		assertThat(merchant.locator("#status-label")).hasText("已提交，等待审核");
		String token = merchant.url().substring(merchant.url().lastIndexOf('/') + 1);
		long id = this.jdbc.sql("select id from application where token = ?").param(token).query(Long.class).single();

		// The district's reviewer scores the district's applications and reads this
		// one's.
		BrowserContext reviewerPhone = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = reviewerPhone.newPage();
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});
		ConsoleLogin.signIn(page, reviewer, TestAccounts.PASSWORD);
		page.navigate("/console/applications/selection");
		page.click("#score-all");
		assertThat(page.locator("#scored-notice")).containsText("已评分");
		assertThat(page.locator("#selection-table tr[data-id='" + id + "'] .day-single")).containsText("%");
		page.navigate("/console/applications/" + id);
		assertThat(page.locator("#score-panel")).isVisible();
		assertThat(page.locator("#score-day-single")).containsText("%");
		assertThat(page.locator("#score-conditions")).isVisible();

		// ... visits the site with the standard in force, and approves.
		page.click("#application-review-link");
		page.click("#action-start-review");
		assertThat(page.locator("#review-status")).hasText("审核中");
		List<String> yesNo = new ArrayList<>();
		for (ChecklistInForce.Item item : this.checklists.findInForce(HUANGDAO).orElseThrow().items()) {
			if (item.item().evidence() == Evidence.YES_NO) {
				yesNo.add(item.item().code());
			}
		}
		assertThat(yesNo).as("Shandong's rule: ground floor, facing the street").isNotEmpty();
		for (String code : yesNo) {
			page.click("label[for=yes-" + code + "]");
		}
		page.setInputFiles("#photo-" + yesNo.get(0),
				new FilePayload[] { new FilePayload("临街门面.jpg", "image/jpeg", TestImages.jpeg(800, 600)) });
		page.click("#action-record-visit");
		assertThat(page.locator("#visit-latest")).containsText("最近一次实地查看");
		page.waitForLoadState(LoadState.LOAD);
		page.click("#action-approve");
		assertThat(page.locator("#review-status")).hasText("已通过");
		assertThat(dialogs).singleElement().asString().contains("确定批准");

		// The station appears as a draft; the union admin lists it.
		page.click("#review-station");
		assertThat(page.locator("#station-status")).hasText("草稿");
		String stationPath = page.url().replaceFirst("^https?://[^/]+", "");
		merchant.reload();
		assertThat(merchant.locator("#status-label")).hasText("已通过");

		BrowserContext desk = chromium.newContext("zh-CN");
		Page union = desk.newPage();
		union.onDialog(dialog -> dialog.accept());
		ConsoleLogin.signIn(union, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		union.navigate(stationPath);
		union.click("#action-list");
		assertThat(union.locator("#station-status")).hasText("已上图");
		Map<String, Object> station = this.jdbc.sql(
				"select s.status, s.host_name, s.district_code from station s join application a on a.station_id = s.id"
						+ " where a.id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(station).containsEntry("status", "LISTED")
			.containsEntry("host_name", "金沙滩爱心便利店")
			.containsEntry("district_code", HUANGDAO);
	}

}
