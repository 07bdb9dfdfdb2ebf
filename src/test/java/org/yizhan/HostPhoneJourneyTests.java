package org.yizhan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host (承建单位) keeps its station right from a phone (issue 14, item 2): it signs in,
 * finds in its menu only what it can use, puts Saturday mornings into the hours with the
 * week editor, and sees what the union decides (district, host, level and stars) shown
 * but not offered; the station then reads its new hours in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostPhoneJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Test
	void aHostEditsItsHoursOnAPhoneAndSeesTheUnionsDecisionsReadOnly() {
		HttpCaller admin = HttpCaller.basic(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String hostName = "手机承建单位" + suffix;
		long station = JsonPath.parse(HttpCaller.ok(admin.send("POST", "/api/v1/stations", "application/json", """
				{"name":"承建单位手机驿站%s","address":"杭州市西湖区文三路 1 号","district":"330106",
				 "hostName":"%s","hostType":"BANK","location":{"lat":30.2801,"lon":120.1301},"areaM2":20,
				 "seats":6,"amenities":["DRINKING_WATER","SEATING"],"openingHours":"Mo-Fr 08:30-17:30",
				 "level":"CITY","stars":3}""".formatted(suffix, hostName), null))).read("$.id", Long.class);
		HttpCaller.ok(admin.send("POST", "/api/v1/stations/" + station + "/list", "application/json", "{}",
				Map.of("If-Match", "\"0\"")));
		String username = "phone-host-" + suffix;
		String oneTime = JsonPath.read(
				HttpCaller.ok(admin.send("POST", "/api/v1/accounts", "application/json",
						"{\"username\":\"" + username + "\",\"displayName\":\"手机承建单位\",\"organization\":\"330106\","
								+ "\"roles\":[\"HOST\"],\"hostName\":\"" + hostName + "\"}",
						null)),
				"$.oneTimePassword");
		HttpCaller.ok(HttpCaller.basic(this.port, username, oneTime)
			.send("POST", "/api/v1/me/password", "application/json",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}",
					null));

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.28, 120.13)) {
			Page page = phone.newPage();
			ConsoleLogin.signIn(page, username, TestAccounts.PASSWORD);

			// its menu: its stations, their tickets, its inbox and profile; none of the
			// union's pages
			for (String entry : List.of("#nav-stations", "#nav-tickets", "#nav-notifications", "#nav-password")) {
				assertThat(page.locator(entry)).hasCount(1);
			}
			for (String entry : List.of("#nav-new-station", "#nav-applications", "#nav-coverage", "#nav-checklists",
					"#nav-figures-union", "#nav-accounts", "#nav-organizations", "#nav-audit", "#nav-api-docs")) {
				assertThat(page.locator(entry)).hasCount(0);
			}

			page.navigate("/console/stations/" + station);
			assertThat(page.locator("#station-lifecycle")).hasCount(0);
			page.click("#edit-station");

			assertThat(page.locator("#union-decided")).isVisible();
			assertThat(page.locator("#readonly-district")).containsText("西湖区");
			assertThat(page.locator("#readonly-hostName")).hasText(hostName);
			assertThat(page.locator("#grade-readonly")).containsText("市级");
			assertThat(page.locator("select[name=district], input[name=hostName], select[name=level]")).hasCount(0);

			assertThat(page.locator("#openingHours-group-0-Fr")).isChecked();
			page.click("#openingHours-add-group");
			page.click("label[for=openingHours-group-1-Su]");
			page.fill("#openingHours-group-1-range-0 input >> nth=0", "09:00");
			page.fill("#openingHours-group-1-range-0 input >> nth=1", "12:00");
			assertThat(page.locator("#openingHours")).hasValue("Mo-Fr 08:30-17:30; Sa 09:00-12:00");
			@SuppressWarnings("unchecked")
			List<String> overflowing = (List<String>) page.evaluate(StationMasterPhoneJourneyTests.OVERFLOWING);
			assertThat(overflowing).as("the form fits the phone").isEmpty();
			page.click("#save-station");

			assertThat(page.locator("#station-hours")).hasText("周一至周五 08:30–17:30，周六 09:00–12:00");
		}
		String now = HttpCaller.ok(admin.get("/api/v1/stations/" + station));
		assertThat(JsonPath.read(now, "$.openingHours").toString()).isEqualTo("Mo-Fr 08:30-17:30; Sa 09:00-12:00");
		assertThat(JsonPath.read(now, "$.hostName").toString()).isEqualTo(hostName);
		assertThat(JsonPath.read(now, "$.level").toString()).isEqualTo("CITY");
		assertThat(JsonPath.read(now, "$.status").toString()).isEqualTo("LISTED");
	}

}
