package org.yizhan.organization.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
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
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * At a desk (issue 21, item 5): numbers and the audit log read as a person writes them:
 * "50 m²", no internal version counter, roles and reasons in Chinese, times in Beijing
 * time, an edit with its old and new values, and drop-down filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AuditLogJourneyTests {

	private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Test
	void theStationPageShowsTheAreaAsANumberAndNoVersionCounter() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = revised(fixtures.listedStation("330106"), "Mo-Fr 08:30-17:30");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/stations/" + station.id().value());

			assertThat(page.locator("#station-area")).hasText("50 m²");
			assertThat(page.locator("main")).not().containsText("5E+1");
			assertThat(page.locator("main")).not().containsText("版本");
		}
	}

	@Test
	void theAuditLogReadsAsSentencesInBeijingTimeWithOldAndNewValuesAndDropDownFilters() throws Exception {
		TicketFixtures fixtures = fixtures();
		Station station = revised(fixtures.listedStation("330106"), "Mo-Fr 08:30-17:30");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN", "REVIEWER"));
		Person clerk = fixtures.account("330106", List.of("INSPECTOR"));

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			page.navigate("/login");
			page.fill("#username", clerk.username());
			page.fill("#password", "not-the-password");
			page.click("button[type=submit]");
			assertThat(page).hasURL(Pattern.compile(".*/login\\?error=failed$"));
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);

			page.navigate("/console/audit");
			assertThat(page.locator("select#action")).hasCount(1);
			assertThat(page.locator("select#targetType")).hasCount(1);
			assertThat(page.locator("#action option[value='station.revise']")).hasText("修改驿站");
			assertThat(page.locator("#targetType option[value='station']")).hasText("驿站");

			page.selectOption("#targetType", "station");
			page.fill("#targetId", station.code().value());
			page.selectOption("#action", "station.revise");
			page.click("#audit-filter");
			assertThat(page.locator("#audit-count")).hasText("共 1 条记录");
			Locator revision = page.locator("#audit-table tbody tr").first();
			assertThat(revision.locator("td").first())
				.hasText(Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));
			assertThat(revision).containsText("admin 修改驿站 " + station.code().value());
			assertThat(revision.locator(".audit-roles")).containsText("组织管理员");
			assertThat(revision).containsText("开放时间：24/7 → Mo-Fr 08:30-17:30");
			assertThat(revision).containsText("面积：— → 50 m²");
			assertThat(revision).not().containsText("changed=");
			assertThat(revision).not().containsText("ORG_ADMIN");

			page.navigate("/console/audit");
			page.selectOption("#action", "account.sign-in-failed");
			page.fill("#targetId", clerk.username());
			page.click("#audit-filter");
			assertThat(page.locator("#audit-count")).hasText("共 1 条记录");
			Locator refused = page.locator("#audit-table tbody tr").first();
			assertThat(refused).containsText("原因：用户名或密码错误");
			assertThat(refused).not().containsText("BadCredentialsException");

			page.navigate("/console/audit");
			String roles = String.join(" ", page.locator("#audit-table .audit-roles").allTextContents());
			org.assertj.core.api.Assertions.assertThat(roles).contains("组织管理员").doesNotContainPattern("[A-Z]{4,}");
			String changes = String.join(" ", page.locator("#audit-table .audit-changes").allTextContents());
			org.assertj.core.api.Assertions.assertThat(changes)
				.doesNotContainPattern(ISO_INSTANT)
				.doesNotContain("roles=")
				.doesNotContain("[INSPECTOR]")
				.contains("角色：检查员");
		}
	}

	/** The station with the given hours and an area of 50 m² (typed as "50.0"). */
	private Station revised(Station station, String hours) {
		ActingAsNationalAdmin.signIn();
		try {
			var d = station.details();
			return registry.revise(station.id(), station.version(),
					new StationInput(d.name(), d.address(), d.districtCode(), d.hostName(), d.hostType().name(),
							d.location().lat(), d.location().lon(), "wgs84", new BigDecimal("50.0"), d.seats(),
							d.amenities().stream().map(Enum::name).toList(), hours, null, null, d.mobile(), d.phone(),
							d.description(), null, null));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private TicketFixtures fixtures() {
		return TicketFixtures.of(context);
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
