package org.yizhan.station.web;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At a desk (issue 21, item 2): a district admin names a station's chain on the station
 * page, binds a new station master on the account form and names them in the chain in the
 * same save, after finding the station by name; the demo city's tickets go to people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ResponsibilityChainJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bindingAStationMasterOnTheAccountFormNamesThemInTheChainInTheSameSave() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		String username = "chain-" + UUID.randomUUID().toString().substring(0, 8);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/accounts/new");
			page.fill("#username", username);
			page.fill("#displayName", "周站长");
			page.fill("#organization", "330106");
			page.click("label[for=role-STATION_MASTER]");
			page.fill("#station-search", station.details().name());
			page.locator("#station-search-results [data-code='" + station.code().value() + "']").click();
			page.selectOption("#chainPlace", "STATION_MASTER");
			page.click("#save-account");
			assertThat(page.locator("#account-name")).hasText("周站长");

			page.navigate("/console/stations/" + station.id().value());
			assertThat(page.locator("#chain-station-master")).hasText("周站长 (" + username + ")");
		}
		String number = fixtures.report(station, ProblemType.BROKEN_FACILITY, TicketFixtures.device())
			.ticket()
			.number()
			.value();
		assertThat(holder(number)).isEqualTo(username);
	}

	@Test
	void aRefusedNamingUndoesTheBindingAndSaysWhy() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		String username = "chain-" + UUID.randomUUID().toString().substring(0, 8);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/accounts/new");
			page.fill("#username", username);
			page.fill("#displayName", "联络员");
			page.fill("#organization", "330106");
			page.click("label[for=role-LIAISON]");
			page.fill("#stations", station.code().value());
			page.selectOption("#chainPlace", "STATION_MASTER");
			page.click("#save-account");

			assertThat(page.locator("#form-errors")).containsText("站长、总站长须勾选“站长”角色");
			assertThat(page.locator("#chainPlace")).hasValue("STATION_MASTER");
		}
		assertThat(
				jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single())
			.isZero();
	}

	@Test
	void anAdminNamesTheChainOnTheStationPage() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		Person liaison = fixtures.account("330106", List.of("LIAISON"), station);
		Person general = fixtures.account("330106", List.of("STATION_MASTER"), station);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/stations/" + station.id().value());
			assertThat(page.locator("#chain-liaison")).hasText("未指定");
			page.click("#chain-editor summary");
			page.selectOption("#chain-choice-liaison", String.valueOf(liaison.id()));
			page.selectOption("#chain-choice-generalStationMaster", String.valueOf(general.id()));
			page.selectOption("#chain-choice-supervisingUnion", "330100");
			page.click("#chain-save");

			assertThat(page.locator(".alert-success")).containsText("责任链已保存");
			assertThat(page.locator("#chain-liaison")).containsText(liaison.username());
			assertThat(page.locator("#chain-general")).containsText(general.username());
			assertThat(page.locator("#chain-union")).hasText("杭州市总工会");
			assertThat(page.locator("#chain-station-master")).hasText("未指定");
		}
	}

	@Test
	void takingAStationAwayFromItsMasterOnTheAccountFormTakesThemOutOfItsChain() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station left = fixtures.listedStation("330106");
		Station kept = fixtures.listedStation("330106");
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), left, kept);
		fixtures.chain(left, master, null, null, null);
		fixtures.chain(kept, master, null, null, null);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);
			page.navigate("/console/accounts/" + master.id() + "/edit");
			page.fill("#stations", kept.code().value());
			page.click("#save-account");
			assertThat(page.locator(".alert-success")).isVisible();

			page.navigate("/console/stations/" + left.id().value());
			assertThat(page.locator("#chain-station-master")).hasText("未指定");
			page.navigate("/console/stations/" + kept.id().value());
			assertThat(page.locator("#chain-station-master")).containsText(master.username());
		}
	}

	@Test
	void aStationMasterReadsTheChainButIsOfferedNoEditor() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, master.username(), TestAccounts.PASSWORD);
			page.navigate("/console/stations/" + station.id().value());
			assertThat(page.locator("#responsibility")).isVisible();
			assertThat(page.locator("#chain-editor")).hasCount(0);
		}
	}

	@Test
	void theDemoCityComesWithChainsSoItsTicketsGoToPeople() {
		// The demo city's stations are the first ones of the test database, which is
		// wiped when the test JVM starts.
		String demo = "s.id <= (select rows_loaded from data_import where name = 'demo-city-hangzhou') "
				+ "and s.status <> 'DELISTED'";
		long open = jdbc.sql("select count(*) from station s where " + demo).query(Long.class).single();
		long named = jdbc.sql("""
				select count(*) from station_responsibility r join station s on s.id = r.station_id
				join account m on m.id = r.station_master_id join account l on l.id = r.liaison_id
				join account g on g.id = r.general_station_master_id
				where m.display_name like '%站长%' and l.display_name like '%联络员%'
				  and g.display_name like '%总站长%' and m.id <> g.id and m.enabled and l.enabled and g.enabled and
				""" + demo).query(Long.class).single();
		assertThat(open).isGreaterThan(700);
		assertThat(named).isEqualTo(open);
	}

	@Test
	void aDemoTicketGoesToTheStationsMasterAndItsPageNamesAllThree() throws Exception {
		long stationId = jdbc.sql("select id from station where code = '330106-0003'").query(Long.class).single();

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			page.navigate("/console/stations/" + stationId);
			assertThat(page.locator("#chain-station-master")).containsText("站长");
			assertThat(page.locator("#chain-liaison")).containsText("西湖区联络员");
			assertThat(page.locator("#chain-general")).containsText("西湖区总站长");
		}
	}

	private String holder(String ticketNumber) {
		return jdbc
			.sql("select a.username from problem_ticket t join account a on a.id = t.assignee_id "
					+ "where t.number = ?")
			.param(ticketNumber)
			.query(String.class)
			.single();
	}

}
