package org.yizhan.onboarding.web;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.geo.GeoPoint;
import org.yizhan.onboarding.ApplicationFixtures;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant applies on a phone, without an account, and lands on the status page; the
 * district's reviewer then finds the application in the console with its photos.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApplicationJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMerchantAppliesOnAPhoneFollowsTheApplicationByItsLinkAndMayWithdrawIt() {
		GeoPoint site = new ApplicationFixtures(jdbc).freeSite("330106");
		String code = ApplicationFixtures.randomCreditCode();
		BrowserContext context = chromium.newPhoneContext("zh-CN", site.lat(), site.lon());
		Page page = context.newPage();
		page.navigate("/apply?district=330106");
		assertThat(page.locator("h1")).hasText("申请成为驿站");
		assertThat(page.locator("#hours-reading")).containsText("周一至周日 08:00–20:00");

		page.fill("#host-creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
		page.fill("#host-name", "文三路爱心面馆");
		page.fill("#contact-name", "王店长");
		page.fill("#contact-phone", "13857112345");
		page.fill("#stationName", "一平米温暖爱心驿站（文三路店）");
		page.fill("#site-address", "杭州市西湖区文三路 100 号");
		page.selectOption("#site-crs", "wgs84");
		page.fill("#site-lat", Double.toString(site.lat()));
		page.fill("#site-lon", Double.toString(site.lon()));
		page.fill("#site-areaM2", "12");
		page.click("label[for=amenity-DRINKING_WATER]");
		page.click("label[for=amenity-MICROWAVE]");
		// The hours in the week editor: the form's default loaded into it, then weekdays
		// 09:00–21:00 and a weekend group 10:00–20:00, read back by the server as chosen.
		assertThat(page.locator("#openingHours-editor")).hasAttribute("data-mode", "editor");
		assertThat(page.locator("#openingHours-group-0-Su")).isChecked();
		page.click("label[for=openingHours-group-0-Sa]");
		page.click("label[for=openingHours-group-0-Su]");
		page.fill("#openingHours-group-0-range-0 input >> nth=0", "09:00");
		page.fill("#openingHours-group-0-range-0 input >> nth=1", "21:00");
		page.click("#openingHours-add-group");
		assertThat(page.locator("#openingHours-group-1-Su")).isChecked();
		page.fill("#openingHours-group-1-range-0 input >> nth=0", "10:00");
		page.fill("#openingHours-group-1-range-0 input >> nth=1", "20:00");
		assertThat(page.locator("#openingHours")).hasValue("Mo-Fr 09:00-21:00; Sa,Su 10:00-20:00");
		assertThat(page.locator("#hours-reading")).containsText("周六至周日 10:00–20:00");
		// The expert's field still takes code, and the editor follows it.
		page.fill("#openingHours", "Mo-Fr 09:00-21:00; Sa 10:00-20:00");
		assertThat(page.locator("#openingHours-group-1-Su")).not().isChecked();
		page.fill("#openingHours", "Mo-Fr 09:00-21:00; Sa,Su 10:00-20:00");
		assertThat(page.locator("#hours-reading")).containsText("周六至周日 10:00–20:00");
		page.setInputFiles("#photos",
				new FilePayload[] { new FilePayload("门头.jpg", "image/jpeg", TestImages.jpeg(800, 600)),
						new FilePayload("室内.jpg", "image/jpeg", TestImages.jpeg(600, 800)) });

		assertThat(page.locator("#site-map .leaflet-marker-icon")).hasCount(1);
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("the form fits a 390 px phone")
			.isLessThanOrEqualTo(390);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/application-form.png"))
			.setFullPage(true));

		// A mistyped credit code is named, in Chinese, and nothing is sent on.
		page.click("#apply-submit");
		assertThat(page.locator("#apply-errors")).isVisible();
		assertThat(page.locator("#apply-error-list")).containsText("统一社会信用代码：统一社会信用代码校验位不正确");

		page.fill("#host-creditCode", code);
		page.click("#apply-submit");
		page.waitForURL(Pattern.compile(".*/a/[A-Za-z0-9_-]{22}$"));
		assertThat(page.locator("#status-label")).hasText("已提交，等待审核");
		assertThat(page.locator("#status-host")).hasText("文三路爱心面馆");
		assertThat(page.locator("#status-union")).hasText("西湖区总工会");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("fits a 390 px phone")
			.isLessThanOrEqualTo(390);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/application-status.png")));

		String token = page.url().substring(page.url().lastIndexOf('/') + 1);
		long id = jdbc.sql("select id from application where token = ?").param(token).query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from application_photo where application_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);

		// The district's reviewer finds it, with its photos and the hours read back.
		BrowserContext desk = chromium.newContext("zh-CN");
		Page console = desk.newPage();
		ConsoleLogin.signIn(console, "xihu-admin", org.yizhan.support.TestAccounts.DEMO_PASSWORD);
		console.navigate("/console/applications?status=SUBMITTED");
		console.locator("#application-table tr[data-id='" + id + "'] a").click();
		assertThat(console.locator("#application-name")).hasText("一平米温暖爱心驿站（文三路店）");
		assertThat(console.locator("#application-contact")).containsText("138****2345");
		assertThat(console.locator("#application-photos img")).hasCount(2);
		assertThat(console.locator("#application-hours-reading").first()).hasText("周一至周五 09:00–21:00");

		// The merchant thinks better of it and withdraws, confirming it first; the
		// reviewer then finds it withdrawn.
		page.reload();
		assertThat(page.locator("#withdraw-form")).not().isVisible();
		page.click("#withdraw-open");
		page.click("#withdraw-send");
		assertThat((Boolean) page.locator("#withdraw-confirm").evaluate("box => box.validity.valueMissing"))
			.as("not without the tick: the browser keeps the form back")
			.isTrue();
		assertThat(page.locator("#status-label")).hasText("已提交，等待审核");
		page.click("label[for=withdraw-confirm]");
		page.click("#withdraw-send");
		assertThat(page.locator("#status-label")).hasText("已撤回");
		assertThat(page.locator("#reply-notice")).hasText("申请已撤回。");
		assertThat(page.locator("#withdraw")).hasCount(0);
		console.reload();
		assertThat(console.locator("#application-status")).hasText("已撤回");
	}

}
