package org.yizhan.onboarding.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.geo.GeoPoint;
import org.yizhan.onboarding.ApplicationFixtures;
import org.yizhan.onboarding.Applications;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district reviewer opens a submitted application on a phone, takes it under review,
 * records the field visit against the standard in force (a photo of an item among the
 * answers), approves after confirming and is shown the host's one-time password once; the
 * station is then a draft, and listing it passes the standard's gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReviewJourneyTests {

	/** 青岛市市南区: Qingdao's minimum over Shandong's rule is in force (seeded). */
	static final String SHINAN = "370202";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	Checklists checklists;

	@Test
	void aReviewerVisitsOnAPhoneApprovesAndTheDraftStationIsListed() throws Exception {
		String reviewer = "rvj-" + UUID.randomUUID().toString().substring(0, 8);
		MvcCalls.createAccount(mvc, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, reviewer,
				"{\"username\":\"" + reviewer + "\",\"displayName\":\"市南区评审\",\"organization\":\"" + SHINAN
						+ "\",\"roles\":[\"REVIEWER\"]}");
		GeoPoint site = GeoPoint.of(36.062 + ThreadLocalRandom.current().nextDouble(0.01),
				120.36 + ThreadLocalRandom.current().nextDouble(0.03));
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				"栈桥爱心餐厅", SHINAN, site);
		application.put("amenities", List.of("DRINKING_WATER", "MICROWAVE", "SEATING"));
		ApplicationFixtures.part(application, "site").put("areaM2", 18.0);
		Applications.Receipt receipt = applications.submit(ApplicationFixtures.input(application),
				List.of(TestImages.jpeg(800, 600)), "http://localhost");
		long id = jdbc.sql("select id from application where token = ?")
			.param(receipt.token().value())
			.query(Long.class)
			.single();
		List<String> yesNo = new ArrayList<>();
		for (ChecklistInForce.Item item : checklists.findInForce(SHINAN).orElseThrow().items()) {
			if (item.item().evidence() == Evidence.YES_NO) {
				yesNo.add(item.item().code());
			}
		}

		BrowserContext phone = chromium.newPhoneContext("zh-CN", site.lat(), site.lon());
		Page page = phone.newPage();
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});
		ConsoleLogin.signIn(page, reviewer, TestAccounts.PASSWORD);
		page.navigate("/console/applications/" + id);
		page.click("#application-review-link");
		assertThat(page.locator("#review-status")).hasText("已提交，等待审核");
		page.click("#action-start-review");
		assertThat(page.locator("#review-status")).hasText("审核中");

		for (String code : yesNo) {
			page.click("label[for=yes-" + code + "]");
		}
		page.setInputFiles("#photo-" + yesNo.get(0),
				new FilePayload[] { new FilePayload("临街门面.jpg", "image/jpeg", TestImages.jpeg(800, 600)) });
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("the visit fits a 390 px phone")
			.isLessThanOrEqualTo(390);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/application-visit.png"))
			.setFullPage(true));
		page.click("#action-record-visit");
		assertThat(page.locator("#visit-latest")).containsText("最近一次实地查看");
		assertThat(page.locator("#visit-latest a")).hasCount(1);

		// the confirmation is console.js's, at the end of the page: let it load first
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.click("#action-approve");
		assertThat(page.locator("#review-status")).hasText("已通过");
		assertThat(dialogs).hasSize(1);
		assertThat(dialogs.get(0)).contains("确定批准");
		assertThat(page.locator("#issued-password")).hasText(java.util.regex.Pattern.compile("[A-Za-z0-9]{12}"));
		String password = page.locator("#issued-password").textContent();
		// Shown once: the page opened again does not show it.
		page.click("#review-station");
		assertThat(page.locator("#station-status")).hasText("草稿");
		String stationPath = page.url();
		page.goBack();
		page.reload();
		assertThat(page.locator("#issued-account")).hasCount(0);
		assertThat(page.content()).doesNotContain(password);

		// The union admin lists the draft: the visit's answers and the application's
		// facilities and area meet the standard in force.
		BrowserContext desk = chromium.newContext("zh-CN");
		Page admin = desk.newPage();
		admin.onDialog(dialog -> dialog.accept());
		ConsoleLogin.signIn(admin, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		admin.navigate(stationPath.replaceFirst("^https?://[^/]+", ""));
		admin.click("#action-list");
		assertThat(admin.locator("#station-status")).hasText("已上图");
	}

}
