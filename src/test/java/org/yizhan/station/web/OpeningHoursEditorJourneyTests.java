package org.yizhan.station.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.finder.StationFinder;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, item 4, as a clerk at a desk meets it: the hours of a station are put
 * together in a week editor instead of typed in OSM code, Chinese typed in the code field
 * is understood or explained, and everyone reads the hours in words, in the console, on
 * the public page and in the finder's results. The stations stand in the west of 淳安县, far
 * from the demo city.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpeningHoursEditorJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Autowired
	StationFinder finder;

	@Test
	void aClerkBuildsTheWeekInTheEditorAndEveryoneReadsItInWords() {
		Station station = listed("编辑器驿站", "Mo-Fr 08:30-17:30", 29.62, 118.36);
		Page page = signedIn();
		page.navigate("/console/stations/" + station.id() + "/edit");

		// The stored value is loaded into the editor.
		assertThat(page.locator("#openingHours-editor")).hasAttribute("data-mode", "editor");
		assertThat(page.locator("#openingHours-group-0-Mo")).isChecked();
		assertThat(page.locator("#openingHours-group-0-Fr")).isChecked();
		assertThat(page.locator("#openingHours-group-0-Sa")).not().isChecked();
		assertThat(page.locator("#openingHours-group-0-range-0 input").first()).hasValue("08:30");
		assertThat(page.locator("#openingHours-group-0-range-0 input").last()).hasValue("17:30");

		// A lunch break, Saturday mornings and public holidays off.
		page.fill("#openingHours-group-0-range-0 input >> nth=1", "12:00");
		page.click("#openingHours-group-0-add-range");
		page.fill("#openingHours-group-0-range-1 input >> nth=0", "13:30");
		page.fill("#openingHours-group-0-range-1 input >> nth=1", "17:30");
		page.click("#openingHours-add-group");
		assertThat(page.locator("#openingHours-group-1-Sa")).isChecked();
		page.click("label[for=openingHours-group-1-Su]");
		page.fill("#openingHours-group-1-range-0 input >> nth=0", "09:00");
		page.fill("#openingHours-group-1-range-0 input >> nth=1", "12:00");
		page.selectOption("#openingHours-holiday", "off");
		assertThat(page.locator("#openingHours")).hasValue("Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off");

		// A smart station's unattended hours, with the same editor.
		page.selectOption("#smartEntryMethod", "ID_CARD");
		page.click("#smartEntryHours-add-group");
		page.fill("#smartEntryHours-group-0-range-0 input >> nth=0", "18:00");
		page.fill("#smartEntryHours-group-0-range-0 input >> nth=1", "08:00");
		assertThat(page.locator("#smartEntryHours")).hasValue("Mo-Su 18:00-08:00");
		page.click("#save-station");

		String words = "周一至周五 08:30–12:00、13:30–17:30，周六 09:00–12:00，法定节假日休息";
		assertThat(page.locator("#station-hours")).hasText(words);
		assertThat(page.locator("#station-unattended-hours")).hasText("每天 18:00–次日 08:00");

		page.navigate("/console/stations?q=" + station.details().name());
		assertThat(page.locator("#station-table tbody .station-hours")).hasText(words);

		page.navigate("/console/stations/" + station.id() + "/edit");
		assertThat(page.locator("#openingHours-group-1-Sa")).isChecked();
		assertThat(page.locator("#openingHours-group-1-Su")).not().isChecked();
		assertThat(page.locator("#openingHours-holiday")).hasValue("off");
		assertThat(page.locator("#openingHours-group-0-range-1 input").first()).hasValue("13:30");

		Page visitor = chromium.newContext("zh-CN").newPage();
		visitor.navigate("/stations/" + station.id());
		assertThat(visitor.locator("#opening-hours-text")).hasText(words);
		assertThat(visitor.locator("#entry-hours")).hasText("每天 18:00–次日 08:00");
		visitor.navigate("/stations/" + station.id() + "?lang=en");
		assertThat(visitor.locator("#opening-hours-text"))
			.hasText("Mon–Fri 08:30–12:00, 13:30–17:30; Sat 09:00–12:00; closed on public holidays");
	}

	@Test
	void chineseTypedInTheCodeFieldIsUnderstoodOrExplained() {
		Station station = listed("中文时间驿站", "Mo-Fr 08:00-18:00 \"ring the bell\"", 29.64, 118.38);
		Page page = signedIn();
		page.navigate("/console/stations/" + station.id() + "/edit");
		// A comment cannot be shown by the editor: the code field speaks for it.
		assertThat(page.locator("#openingHours-editor")).hasAttribute("data-mode", "expert");
		assertThat(page.locator("#openingHours-editor-message")).containsText("编辑器无法表示");

		page.fill("#openingHours", "周一至周五 8:30-18:00");
		assertThat(page.locator("#openingHours-editor-message")).containsText("中文写法将在保存时转换");
		page.click("#save-station");
		assertThat(page.locator("#station-hours")).hasText("周一至周五 08:30–18:00");

		page.navigate("/console/stations/" + station.id() + "/edit");
		assertThat(page.locator("#openingHours-editor")).hasAttribute("data-mode", "editor");
		page.fill("#openingHours", "周一至周五 看情况");
		page.click("#save-station");
		assertThat(page.locator("#form-errors")).containsText("未能读懂这段开放时间");
		assertThat(page.locator("#form-errors")).not().containsText("字符处有误");
		assertThat(page.locator("#openingHours")).hasValue("周一至周五 看情况");

		page.click("#openingHours-editor-restart");
		assertThat(page.locator("#openingHours")).hasValue("Mo-Fr 08:30-17:30; PH off");
		page.click("#save-station");
		assertThat(page.locator("#station-hours")).hasText("周一至周五 08:30–17:30，法定节假日休息");

		// Round the clock, holidays included.
		page.navigate("/console/stations/" + station.id() + "/edit");
		page.click("#openingHours-always");
		assertThat(page.locator("#openingHours")).hasValue("24/7; PH off");
		page.selectOption("#openingHours-holiday", "follow");
		assertThat(page.locator("#openingHours")).hasValue("24/7");
		page.click("#save-station");
		assertThat(page.locator("#station-hours")).hasText("全天 24 小时");
	}

	@Test
	void theFinderSaysTheHoursOfEachResultInWords() {
		double lat = 29.66;
		double lon = 118.40;
		Station station = listed("查找时间驿站", "Mo-Fr 08:30-17:30; PH off", lat + 0.002, lon);
		await().atMost(Duration.ofSeconds(10)).until(() -> finder.findById(station.id().value()).isPresent());
		BrowserContext phone = chromium.newPhoneContext("zh-CN", lat, lon);
		Page page = phone.newPage();
		page.navigate("/");
		assertThat(page.locator("#result-" + station.id() + " .result-hours")).hasText("周一至周五 08:30–17:30，法定节假日休息");
		Page english = chromium.newPhoneContext("en", lat, lon).newPage();
		english.navigate("/?lang=en");
		assertThat(english.locator("#result-" + station.id() + " .result-hours"))
			.hasText("Mon–Fri 08:30–17:30; closed on public holidays");
	}

	private Page signedIn() {
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		return page;
	}

	private Station listed(String name, String hours, double lat, double lon) {
		String unique = name + UUID.randomUUID().toString().substring(0, 6);
		Station draft = registry.create(new StationInput(unique, "杭州市淳安县千岛湖镇", "330127", "测试单位", "OTHER", lat, lon,
				"wgs84", null, null, List.of("TOILET"), hours, null, null, false, null, null, null, null));
		return registry.list(draft.id(), null);
	}

}
