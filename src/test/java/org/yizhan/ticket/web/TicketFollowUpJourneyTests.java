package org.yizhan.ticket.web;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium (issue 21, item 12), what follows a report: once a station master has
 * resolved a ticket, the notice that asked them to deal with it by a deadline says it is
 * resolved, its deadline struck, and no longer counts on the bell; a second phone's
 * report of the same problem shows as a likely duplicate and is merged into the first,
 * its reporter pointed there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class TicketFollowUpJourneyTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aResolvedTicketsNoticeSaysItIsResolvedInsteadOfAskingForItByItsDeadline() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, null, null, null);
		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, TicketFixtures.device())
			.ticket()
			.number()
			.value();
		await().atMost(PATIENCE).until(() -> notices(master, number) == 1);

		BrowserContext desk = chromium.newContext("zh-CN");
		Page page = desk.newPage();
		ConsoleLogin.signIn(page, master.username(), TestAccounts.PASSWORD);
		page.navigate("/console/notifications");
		assertThat(page.locator("#notification-count")).hasText("1");
		assertThat(page.locator(".notification-subject").first()).containsText("请于");
		assertThat(page.locator(".notification-settlement")).hasCount(0);

		page.navigate("/console/tickets/" + number);
		page.fill("#resolve-note", "纸巾和饮用水已补齐。");
		page.click("#resolve-submit");
		assertThat(page.locator("#ticket-status")).hasText("已解决");
		// whatever listens to the resolution has heard it (read from the event log, not
		// from what the listeners write, so that this waits on any version of them)
		await().atMost(PATIENCE).until(() -> pendingEvents(number) == 0);

		page.navigate("/console/notifications");
		assertThat(page.locator(".notification-settlement").first()).containsText("已了结");
		assertThat(page.locator(".notification-settlement").first()).containsText("解决");
		assertThat(page.locator(".notification-subject").first())
			.hasClass(java.util.regex.Pattern.compile(".*text-decoration-line-through.*"));
		// settled counts as read: nothing is left on the bell
		assertThat(page.locator("#notification-count")).hasAttribute("data-unread", "0");
		assertThat(page.locator("#unread-summary")).hasText("0 条未读");

		page.click(".notification-subject >> nth=0");
		assertThat(page.locator("#notification-settled")).containsText("解决");
		assertThat(page.locator("#notification-settled")).containsText("处理时限");
		assertThat(page.locator("#mark-read")).hasCount(0);

		page.click("#lang-switch");
		assertThat(page.locator("#notification-settled")).containsText("Resolved on");
	}

	@Test
	void aSecondPhonesReportOfTheSameProblemIsListedAsALikelyDuplicateAndMergedIntoTheFirst() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, null, null, null);
		// a day and more ago: another matter by now, even if still open
		clock.set(java.time.Instant.now().minus(Duration.ofHours(25)));
		String old = number(fixtures, station, ProblemType.BROKEN_FACILITY);
		clock.reset();
		String first = number(fixtures, station, ProblemType.BROKEN_FACILITY);
		String second = number(fixtures, station, ProblemType.BROKEN_FACILITY);
		String otherProblem = number(fixtures, station, ProblemType.MISSING_SUPPLIES);

		Page page = chromium.newContext("zh-CN").newPage();
		ConsoleLogin.signIn(page, master.username(), TestAccounts.PASSWORD);
		page.navigate("/console/tickets/" + second);
		assertThat(page.locator("#ticket-duplicates")).containsText("可能重复");
		assertThat(page.locator("#ticket-duplicates li")).hasCount(1);
		assertThat(page.locator("#ticket-duplicates li[data-number='" + first + "'] a")).hasAttribute("href",
				"/console/tickets/" + first);
		assertThat(page.locator("#ticket-duplicates")).not().containsText(old);
		assertThat(page.locator("#ticket-duplicates")).not().containsText(otherProblem);
		assertThat(page.locator("#ticket-reports")).hasText("1 次");

		// asked first (console.js, once the page has loaded): declining changes nothing
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		List<String> questions = new java.util.ArrayList<>();
		page.onceDialog(dialog -> {
			questions.add(dialog.message());
			dialog.dismiss();
		});
		page.click("#ticket-duplicates .merge-button");
		assertThat(page.locator("#ticket-number")).hasText(second);
		assertThat(page.locator("#ticket-status")).hasText("处理中");
		org.assertj.core.api.Assertions.assertThat(questions)
			.singleElement()
			.asString()
			.contains(second, first, "不能撤销");

		page.onceDialog(dialog -> dialog.accept());
		page.click("#ticket-duplicates .merge-button");
		assertThat(page.locator("#ticket-number")).hasText(first);
		assertThat(page.locator(".alert-success")).containsText("工单已合并");
		assertThat(page.locator("#ticket-reports")).hasText("2 次");
		assertThat(page.locator("#ticket-merged-in")).containsText(second);
		assertThat(page.locator("#ticket-duplicates")).hasCount(0);

		page.click("#ticket-merged-in a");
		assertThat(page.locator("#ticket-status")).hasText("已合并");
		assertThat(page.locator("#ticket-merged-into")).hasText(first);
		assertThat(page.locator("#resolve-form")).hasCount(0);

		Page reporter = chromium.newPhoneContext("zh-CN", 30.259, 120.130).newPage();
		reporter.navigate("/p/" + second);
		assertThat(reporter.locator("#ticket-state-label")).hasText("已合并");
		assertThat(reporter.locator("#ticket-merged")).containsText("已有其他人报告了同一问题");
		reporter.click("#ticket-merged-link");
		assertThat(reporter.locator("#ticket-number")).hasText(first);
		assertThat(reporter.locator("#ticket-state-label")).hasText("处理中");
		reporter.click("#lang-switch");
		reporter.navigate("/p/" + second);
		assertThat(reporter.locator("#ticket-state-label")).hasText("Merged");
	}

	private static String number(TicketFixtures fixtures, Station station, ProblemType problem) {
		return fixtures.report(station, problem, TicketFixtures.device()).ticket().number().value();
	}

	private int notices(Person master, String number) {
		return jdbc.sql("select count(*) from notification where account_id = :account and dedupe_key like :key")
			.param("account", master.id())
			.param("key", number + "/%")
			.query(Integer.class)
			.single();
	}

	/** Events about the ticket that a listener has not finished handling yet. */
	private int pendingEvents(String number) {
		return jdbc
			.sql("select count(*) from event_publication where serialized_event like :number "
					+ "and completion_date is null")
			.param("number", "%\"" + number + "\"%")
			.query(Integer.class)
			.single();
	}

}
