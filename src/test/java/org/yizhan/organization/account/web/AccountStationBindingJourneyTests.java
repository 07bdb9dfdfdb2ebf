package org.yizhan.organization.account.web;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * At a desk (issue 21, item 3): a union admin binds a new station master to stations by
 * their codes, or finds them by code or name; the account's page names the stations; a
 * form with several mistakes lists them all at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AccountStationBindingJourneyTests {

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Test
	void anAdminBindsAStationMasterByStationCodeAndByASearchForTheName() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station first = fixtures.listedStation("330106");
		Station second = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		String firstCode = first.code().value();
		String secondCode = second.code().value();

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/accounts/new");
			assertThat(page.locator("label[for=stations]")).hasText("绑定驿站");
			page.fill("#username", "master-" + UUID.randomUUID().toString().substring(0, 8));
			page.fill("#displayName", "西湖区新站长");
			page.fill("#organization", "330106");
			page.click("label[for=role-STATION_MASTER]");
			page.fill("#stations", firstCode);

			page.fill("#station-search", second.details().name().substring(2));
			page.locator("#station-search-results [data-code='" + secondCode + "']").click();
			assertThat(page.locator("#stations")).hasValue(firstCode + ", " + secondCode);
			page.click("#save-account");

			assertThat(page.locator("#account-name")).hasText("西湖区新站长");
			assertThat(page.locator("#account-stations")).containsText(firstCode + " " + first.details().name());
			assertThat(page.locator("#account-stations")).containsText(secondCode + " " + second.details().name());
			assertThat(page.locator("#account-stations a").first()).hasAttribute("href",
					"/console/stations/" + first.id().value());

			page.click("#edit-account");
			assertThat(page.locator("#stations")).hasValue(firstCode + ", " + secondCode);
			page.click("#save-account");
			assertThat(page.locator(".alert-success")).isVisible();
			assertThat(page).hasURL(Pattern.compile(".*/console/accounts/\\d+$"));
		}
	}

	@Test
	void aFormWithSeveralMistakesListsThemAllAtOnce() throws Exception {
		Person admin = fixtures().account("330106", List.of("ORG_ADMIN"));

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/accounts/new");
			page.fill("#username", "x");
			page.fill("#organization", "330106");
			page.click("label[for=role-STATION_MASTER]");
			page.fill("#stations", "330106-9998, 不是编号");
			page.locator("#displayName").evaluate("input => input.removeAttribute('required')");
			page.locator("#username").evaluate("input => input.removeAttribute('required')");
			page.click("#save-account");

			assertThat(page.locator("#form-errors")).containsText("用户名");
			assertThat(page.locator("#form-errors")).containsText("姓名");
			assertThat(page.locator("#form-errors")).containsText("330106-9998");
			assertThat(page.locator("#form-errors")).containsText("不是编号");
			assertThat(page.locator("#stations")).hasValue("330106-9998, 不是编号");
			// the refusal is answered at the form's own address: opening what the address
			// bar shows again brings the form, not the account list
			assertThat(page).hasURL(Pattern.compile(".*/console/accounts/new$"));
			page.navigate(page.url());
			assertThat(page.locator("#save-account")).isVisible();
		}
	}

	private TicketFixtures fixtures() {
		return TicketFixtures.of(context);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
