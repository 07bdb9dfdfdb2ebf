package org.yizhan.notification;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.organization.account.AccountInput;
import org.yizhan.organization.account.OwnPassword;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox is its holder's alone: the list shows only one's own notifications, and
 * another account's notification cannot be read or marked read (404, as if it did not
 * exist), over the API or in the console. A token may read the inbox but not change the
 * mail address. Old notifications are purged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ActingAsNationalAdmin.class)
class NotificationCentreTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountAdministration administration;

	@Autowired
	OwnPassword ownPassword;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountSeesAndMarksOnlyItsOwnNotifications() {
		Account mine = account();
		Account theirs = account();
		long own = notifications.deliver(notice(mine, "我的日报", "My digest")).orElseThrow();
		long foreign = notifications.deliver(notice(theirs, "别人的日报", "Their digest")).orElseThrow();
		HttpCaller me = HttpCaller.basic(port, mine.username(), TestAccounts.PASSWORD);

		String inbox = HttpCaller.ok(me.get("/api/v1/me/notifications"));
		assertThat(JsonPath.<List<String>>read(inbox, "$.items[*].subject")).containsExactly("我的日报");
		assertThat(JsonPath.<Integer>read(inbox, "$.unread")).isOne();
		assertThat(inbox).doesNotContain("别人的日报");

		HttpResponse<String> refused = me.send("POST", "/api/v1/me/notifications/" + foreign + "/read");
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(JsonPath.<String>read(refused.body(), "$.detail")).isEqualTo("消息 " + foreign + " 不存在");
		assertThat(unread(foreign)).isTrue();

		String read = HttpCaller.ok(me.send("POST", "/api/v1/me/notifications/" + own + "/read"));
		assertThat(JsonPath.<String>read(read, "$.readAt")).isNotNull();
		assertThat(JsonPath.<Integer>read(HttpCaller.ok(me.get("/api/v1/me/notifications?unread=true")), "$.total"))
			.isZero();

		HttpCaller console = HttpCaller.console(port, mine.username(), TestAccounts.PASSWORD);
		assertThat(console.get("/console/notifications/" + foreign).statusCode()).isEqualTo(404);
		assertThat(console.postForm("/console/notifications/" + foreign + "/read", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(unread(foreign)).isTrue();
		assertThat(console.get("/console/notifications").body()).contains("我的日报").doesNotContain("别人的日报");
	}

	@Test
	void theInboxSpeaksTheCallersLanguageAndMarkingAllReadEmptiesTheBell() {
		Account account = account();
		notifications.deliver(notice(account, "第一条", "First"));
		notifications.deliver(notice(account, "第二条", "Second"));
		HttpCaller me = HttpCaller.basic(port, account.username(), TestAccounts.PASSWORD);

		org.yizhan.supervision.digest.DigestFixtures.signInAs(account.id(), account.organizationCode(),
				account.organizationPath(), Role.ORG_ADMIN);
		assertThat(notifications.listMine(false, 0, 20, java.util.Locale.ENGLISH).items()).extracting("subject")
			.containsExactly("Second", "First");
		assertThat(JsonPath.<List<String>>read(HttpCaller.ok(me.get("/api/v1/me/notifications")), "$.items[*].subject"))
			.containsExactly("第二条", "第一条");
		HttpCaller console = HttpCaller.console(port, account.username(), TestAccounts.PASSWORD);
		assertThat(console.get("/console/notifications/bell").body()).contains("data-unread=\"2\"");

		String marked = HttpCaller.ok(me.send("POST", "/api/v1/me/notifications/read-all"));
		assertThat(JsonPath.<Integer>read(marked, "$.marked")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(marked, "$.unread")).isZero();
		assertThat(console.get("/console/notifications/bell").body()).contains("data-unread=\"0\"", "d-none");

		HttpResponse<String> badPage = me.get("/api/v1/me/notifications?size=1000");
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(badPage.body(), "$.errors[0].field")).isEqualTo("size");
	}

	@Test
	void aTokenReadsTheInboxButCannotRedirectTheMail() {
		Account account = account();
		notifications.deliver(notice(account, "令牌可读", "Token reads"));
		HttpCaller basic = HttpCaller.basic(port, account.username(), TestAccounts.PASSWORD);
		String readToken = JsonPath.read(HttpCaller.ok(basic.sendJson("POST", "/api/v1/me/tokens",
				"{\"name\":\"inbox\",\"scopes\":[\"READ\"],\"expiresOn\":\"" + LocalDate.now().plusDays(5) + "\"}")),
				"$.value");
		HttpCaller token = HttpCaller.bearer(port, readToken);

		assertThat(HttpCaller.ok(token.get("/api/v1/me/notifications"))).contains("令牌可读");
		assertThat(token.send("POST", "/api/v1/me/notifications/read-all").statusCode()).isEqualTo(403);
		assertThat(token.sendJson("PUT", "/api/v1/me/email", "{\"email\":\"thief@example.com\"}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void notificationsOlderThanTheRetentionAreRemovedOnceAndTheRestStay() {
		Account account = account();
		long old = notifications.deliver(notice(account, "旧消息", "Old")).orElseThrow();
		long recent = notifications.deliver(notice(account, "新消息", "Recent")).orElseThrow();
		jdbc.sql("update notification set created_at = :then where id = :id")
			.param("then", Timestamp.from(Instant.now().minus(181, ChronoUnit.DAYS)))
			.param("id", old)
			.update();

		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(retention.purge()).isZero();
	}

	@Test
	void settlingMarksEveryRecipientsNoticeOfTheKindAndKeyOnceAndDropsMailNotYetSent() {
		Account one = account();
		Account other = account();
		String key = "T-" + UUID.randomUUID().toString().substring(0, 8);
		long first = notifications.deliver(keyed(one, key)).orElseThrow();
		long second = notifications.deliver(keyed(other, key)).orElseThrow();
		long unrelated = notifications.deliver(keyed(one, key + "-other")).orElseThrow();
		// one mail waiting, one gone out already
		mail(first, "PENDING");
		mail(second, "SENT");

		assertThat(notifications.settle("test.deadline", key, "已于 2026-12-07 16:20 解决", "Resolved on 2026-12-07 16:20"))
			.isEqualTo(2);
		assertThat(notifications.settle("test.deadline", key, "已于 2026-12-08 09:00 再次解决", "again")).isZero();

		HttpCaller me = HttpCaller.basic(port, one.username(), TestAccounts.PASSWORD);
		String inbox = HttpCaller.ok(me.get("/api/v1/me/notifications"));
		assertThat(JsonPath.<List<String>>read(inbox, "$.items[?(@.id == " + first + ")].settlement"))
			.containsExactly("已于 2026-12-07 16:20 解决");
		assertThat(JsonPath.<List<Object>>read(inbox, "$.items[?(@.id == " + unrelated + ")].settledAt"))
			.containsExactly((Object) null);
		assertThat(JsonPath.<Integer>read(inbox, "$.unread")).isOne();
		assertThat(unread(first)).isFalse();
		assertThat(unread(second)).isFalse();
		assertThat(unread(unrelated)).isTrue();
		assertThat(mailStatus(first)).isEqualTo("CANCELLED");
		assertThat(mailStatus(second)).as("mail already sent stays sent").isEqualTo("SENT");
		HttpCaller console = HttpCaller.console(port, one.username(), TestAccounts.PASSWORD);
		assertThat(console.get("/console/notifications/" + first).body()).contains("notification-settled",
				"已于 2026-12-07 16:20 解决", "已了结，邮件未发送");
	}

	private static Notice keyed(Account account, String key) {
		return new Notice(account.id(), "test.deadline", key, "/console/stations",
				new NoticeText("请于明天前处理", List.of(new NoticeSection("内容", List.of(NoticeLine.of("处理时限：明天"))))),
				new NoticeText("Due tomorrow",
						List.of(new NoticeSection("Body", List.of(NoticeLine.of("Due tomorrow"))))));
	}

	private void mail(long notification, String status) {
		jdbc.sql("""
				insert into mail_outbox (notification_id, status, attempts, next_attempt_at, created_at)
				values (:id, :status, 0, now() + interval '1 day', now())
				""").param("id", notification).param("status", status).update();
	}

	private String mailStatus(long notification) {
		return jdbc.sql("select status from mail_outbox where notification_id = :id")
			.param("id", notification)
			.query(String.class)
			.single();
	}

	private Account account() {
		ActingAsNationalAdmin.signIn();
		AccountAdministration.WithPassword created = administration.create(ActingAsNationalAdmin.NATIONAL_ADMIN,
				new AccountInput("nc-" + UUID.randomUUID().toString().substring(0, 10), "消息测试", "330106",
						List.of("ORG_ADMIN"), null, null, List.of(), null, null, null));
		Account account = created.account();
		ownPassword.change(new Actor(account.id(), account.username(), account.organizationCode(),
				account.organizationPath(), Set.of(Role.ORG_ADMIN)), created.oneTimePassword(), TestAccounts.PASSWORD);
		return account;
	}

	private static Notice notice(Account account, String chinese, String english) {
		return new Notice(account.id(), "test.inbox", UUID.randomUUID().toString(), "/console/stations",
				new NoticeText(chinese, List.of(new NoticeSection("内容", List.of(NoticeLine.of(chinese))))),
				new NoticeText(english, List.of(new NoticeSection("Body", List.of(NoticeLine.of(english))))));
	}

	private boolean unread(long id) {
		return jdbc.sql("select read_at is null from notification where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private boolean exists(long id) {
		return jdbc.sql("select count(*) from notification where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

}
