package org.yizhan.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.Station;
import org.yizhan.supervision.digest.DigestFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever holds a ticket hears of it at once: the station master of a new ticket, the
 * next level after an escalation, a union's admins at the top (or the admins of the union
 * above, where it has none), each exactly once, even when the outbox hands the same event
 * over again after a restart. The clock stands far ahead, as in
 * {@link TicketEscalationTests}, so that no other context's escalation job touches these
 * tickets.
 */
class TicketNoticesTests extends TicketTestSupport {

	private static final AtomicLong DAYS_AHEAD = new AtomicLong(1200);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	TicketEscalation escalation;

	@Test
	void aNewTicketTellsItsStationMasterOnceWithALinkToItsConsolePage() {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);

		String number = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();

		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());
		assertThat(recipients(number)).containsExactly(master.id() + " " + number + "/STATION_MASTER");
		Notice notice = notice(master.id(), number + "/STATION_MASTER");
		assertThat(notice.link()).isEqualTo("/console/tickets/" + number);
		String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(YizhanTime.ZONE)
			.format(t.plus(Duration.ofHours(4)));
		assertThat(notice.subjectZh()).isEqualTo("新问题工单 " + number + "：" + station.code().value() + " "
				+ station.details().name() + "“安全隐患”，请于 " + due + " 前处理");
		assertThat(notice.subjectEn()).startsWith("New problem ticket " + number + ": ").endsWith("due by " + due);
		assertThat(notice.bodyZh()).contains("/console/stations/" + station.id().value(), "由您处理（站长）");
		// the worker's own words stay on the ticket page, out of inboxes and mail
		assertThat(notice.bodyZh()).doesNotContain("饮水机");
	}

	@Test
	void anEscalationTellsTheNextLevelAndNotTheOneBelowAgain() {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);
		String number = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();
		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());

		clock.set(t.plus(Duration.ofHours(4)));
		escalation.escalateOverdue();

		await().atMost(PATIENCE).until(() -> recipients(number).size() > 1);
		assertThat(recipients(number)).containsExactly(master.id() + " " + number + "/STATION_MASTER",
				liaison.id() + " " + number + "/LIAISON");
		Notice notice = notice(liaison.id(), number + "/LIAISON");
		assertThat(notice.subjectZh()).startsWith("工单 " + number + " 已逐级上报给您：");
		assertThat(notice.bodyZh()).contains("由您处理（联络员）", "站长未在时限内办结，工单已逐级上报。");
		assertThat(notice.bodyEn()).contains("Yours to handle (Liaison)");
		// the station master's notice no longer holds them to its deadline: it says where
		// the ticket went, and counts as read
		await().atMost(PATIENCE).until(() -> settlement(master.id(), number + "/STATION_MASTER") != null);
		assertThat(settlement(master.id(), number + "/STATION_MASTER")).startsWith("已于 ")
			.contains("逐级上报至联络员", "不再由您处理");
		assertThat(settlement(liaison.id(), number + "/LIAISON")).isNull();
	}

	@Test
	void aResolutionSettlesTheHoldersNoticeAndMarksItRead() throws Exception {
		// on today's clock, where the master's password holds; two days to go, so nothing
		// escalates it meanwhile
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);
		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();
		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());

		assertThat(fixtures
			.as(master,
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.post("/api/v1/tickets/" + number + "/resolve")
						.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
						.content("{\"note\":\"已补齐\"}"))
			.getResponse()
			.getStatus()).isEqualTo(200);

		await().atMost(PATIENCE).until(() -> settlement(master.id(), number + "/STATION_MASTER") != null);
		assertThat(settlement(master.id(), number + "/STATION_MASTER")).startsWith("已于 ").endsWith(" 解决");
		assertThat(jdbc.sql("select read_at is not null from notification where account_id = ? and dedupe_key = ?")
			.param(master.id())
			.param(number + "/STATION_MASTER")
			.query(Boolean.class)
			.single()).isTrue();
	}

	/** What settled the notice, in Chinese; null while it stands. */
	private String settlement(long account, String key) {
		List<String> settled = jdbc.sql("""
				select settled_zh from notification
				where kind = 'ticket.assigned' and account_id = :account and dedupe_key = :key
				""").param("account", account).param("key", key).query(String.class).list();
		return settled.isEmpty() ? null : settled.get(0);
	}

	@Test
	void atTheSupervisingUnionItsAdminsHearOfItAndNobodyBelow() throws Exception {
		// made on today's clock: the national admin's password has expired by the
		// tickets' days
		Person admin = fixtures.account("650102", List.of("ORG_ADMIN"));
		startClock();
		Station station = fixtures.listedStation("650102");

		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();

		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());
		assertThat(recipients(number)).contains(admin.id() + " " + number + "/SUPERVISING_UNION")
			.containsExactlyInAnyOrderElementsOf(
					adminsOf("650102").stream().map(id -> id + " " + number + "/SUPERVISING_UNION").toList());
		assertThat(notice(admin.id(), number + "/SUPERVISING_UNION").bodyZh()).doesNotContain("尚无管理员账号");
	}

	@Test
	void aUnionWithoutAdminsPassesTheNoticeToTheNearestUnionAboveThatHasSome() throws Exception {
		Person cityAdmin = fixtures.account("650100", List.of("ORG_ADMIN"));
		startClock();
		Station station = fixtures.listedStation("650104");
		assertThat(adminsOf("650104")).isEmpty();

		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();

		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());
		assertThat(recipients(number)).containsExactlyInAnyOrderElementsOf(
				adminsOf("650100").stream().map(id -> id + " " + number + "/SUPERVISING_UNION").toList());
		assertThat(notice(cityAdmin.id(), number + "/SUPERVISING_UNION").bodyZh()).contains("尚无管理员账号，本通知发给上级工会的管理员。");
	}

	@Test
	void anEventHandedOverAgainAfterARestartNotifiesNobodyTwice(@Autowired IncompleteEventPublications publications) {
		startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, null, null, null);
		String number = fixtures.report(station, ProblemType.BROKEN_FACILITY, null).ticket().number().value();
		long ticket = jdbc.sql("select id from problem_ticket where number = ?")
			.param(number)
			.query(Long.class)
			.single();
		await().atMost(PATIENCE).until(() -> completedNoticePublications(number) == 1);

		// as after a crash between the notice's commit and the publication's completion:
		// on restart, Modulith hands the event to the listener again
		assertThat(jdbc.sql("""
				update event_publication set completion_date = null, status = 'PUBLISHED'
				where listener_id like '%TicketNotices%' and serialized_event like :number
				""").param("number", "%\"" + number + "\"%").update()).isEqualTo(1);
		publications
			.resubmitIncompletePublications(publication -> publication.getEvent() instanceof ProblemReported reported
					&& reported.ticketId() == ticket);

		await().atMost(PATIENCE).until(() -> completedNoticePublications(number) == 1);
		assertThat(recipients(number)).containsExactly(master.id() + " " + number + "/STATION_MASTER");
	}

	@Test
	void aStepHandledAfterTheTicketMovedOnTellsNobody(@Autowired TicketNotices notices,
			@Autowired ProblemTickets tickets) {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);
		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();
		await().atMost(PATIENCE).until(() -> !recipients(number).isEmpty());
		long ticket = jdbc.sql("select id from problem_ticket where number = ?")
			.param(number)
			.query(Long.class)
			.single();
		DigestFixtures.signInAs(master.id(), "330106", "100000/330000/330100/330106", Role.STATION_MASTER);
		try {
			tickets.resolve(number, "已补齐饮用水", null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		// an escalation of the ticket, handled late (say, replayed after a restart);
		// called
		// on the bean itself, not its proxy, so that it runs now rather than on another
		// thread and the assertion below sees what it did
		AopTestUtils.<TicketNotices>getUltimateTargetObject(notices)
			.on(new TicketEscalated(ticket, number, station.id(), ProblemType.MISSING_SUPPLIES,
					ResponsibleLevel.STATION_MASTER, ResponsibleLevel.LIAISON, liaison.id(), null,
					t.plus(Duration.ofDays(3)), t.plus(Duration.ofDays(2))));

		assertThat(recipients(number)).containsExactly(master.id() + " " + number + "/STATION_MASTER");
	}

	/** A notice as stored, both languages. */
	private record Notice(String link, String subjectZh, String subjectEn, String bodyZh, String bodyEn) {
	}

	/** "account key" of every ticket notice about the ticket, in the order delivered. */
	private List<String> recipients(String number) {
		return jdbc.sql("""
				select account_id || ' ' || dedupe_key from notification
				where kind = 'ticket.assigned' and dedupe_key like :prefix order by id
				""").param("prefix", number + "/%").query(String.class).list();
	}

	private Notice notice(long account, String key) {
		return jdbc.sql("""
				select link, subject_zh, subject_en, body_zh::text, body_en::text from notification
				where kind = 'ticket.assigned' and account_id = :account and dedupe_key = :key
				""")
			.param("account", account)
			.param("key", key)
			.query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
	}

	private List<Long> adminsOf(String union) {
		return jdbc.sql("""
				select id from account where organization_code = :union and enabled and 'ORG_ADMIN' = any(roles)
				""").param("union", union).query(Long.class).list();
	}

	private long completedNoticePublications(String number) {
		return jdbc
			.sql("""
					select count(*) from event_publication
					where listener_id like '%TicketNotices%' and serialized_event like :number and completion_date is not null
					""")
			.param("number", "%\"" + number + "\"%")
			.query(Long.class)
			.single();
	}

	/** Stops the clock on a whole second of its own, far ahead of the real time. */
	private Instant startClock() {
		Instant t = Instant.now().plus(Duration.ofDays(DAYS_AHEAD.getAndAdd(30))).truncatedTo(ChronoUnit.SECONDS);
		clock.set(t);
		return t;
	}

}
