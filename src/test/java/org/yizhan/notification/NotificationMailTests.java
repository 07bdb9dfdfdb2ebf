package org.yizhan.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.station.Station;
import org.yizhan.supervision.digest.DigestFixtures;
import org.yizhan.supervision.digest.DigestTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.supervision.digest.DigestFixtures.at;
import static org.yizhan.supervision.digest.DigestFixtures.daysAhead;

/**
 * E-mail through a real SMTP server (GreenMail) run inside the test: a digest arrives
 * once per recipient and period, in UTF-8 with a Chinese subject that decodes and both a
 * plain-text and an HTML part; a mail server that is down delays the mail, which is then
 * sent once, and after the last attempt the mail is given up while the notification
 * stays.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "yizhan.notifications.mail.poll-interval=1h",
		"yizhan.notifications.mail.max-attempts=3", "yizhan.notifications.mail.first-retry=PT5M",
		"yizhan.notifications.console-url=https://yizhan.example.cn/" })
class NotificationMailTests extends DigestTestSupport {

	static final int PORT = freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	MailOutbox outbox;

	@AfterEach
	void serverUp() {
		if (!smtp.isRunning()) {
			smtp.start();
		}
	}

	@Test
	void aDigestIsMailedOnceWithAChineseSubjectThatDecodesAndBothParts() throws Exception {
		LocalDate yesterday = daysAhead(220);
		Station station = fixtures.station("540102", "邮件驿站");
		String address = "master-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long master = fixtures.account("540102", "STATION_MASTER", address, station);
		fixtures.rating(station, yesterday, "11:00", 5, "COUNTED", "CLEAN");

		clock.set(at(yesterday.plusDays(1), "08:00"));
		digests.deliverDue();
		outbox.sendDue();
		// a second run of each, as another instance or the next schedule would
		digests.deliverDue();
		outbox.sendDue();

		// the daily digest of the period, once; the monthly summary of last month (whose
		// silent-station list names this station) is another period of another kind
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage received : to(address)) {
			if (received.getSubject().startsWith("驿站日报")) {
				mails.add(received);
			}
		}
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		String subject = "驿站日报 " + yesterday + "：昨日评价 1 条，满意度 100.0%";
		assertThat(mail.getSubject()).isEqualTo(subject);
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("驿站");
		assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("驿站");
		assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
			.isEqualTo("测试STATION_MASTER");
		Map<String, String> parts = parts(mail);
		assertThat(parts).containsOnlyKeys("text/plain", "text/html");
		assertThat(parts.get("text/plain")).contains(subject, "有效评价 1 条，满意度 100.0%（4 星及以上），平均 5.0 星",
				"https://yizhan.example.cn/console/notifications/");
		assertThat(parts.get("text/html")).contains("<h1", subject,
				"href=\"https://yizhan.example.cn/console/notifications/", "在驿站平台查看");
		assertThat(jdbc
			.sql("select count(*) from mail_outbox m join notification n on n.id = m.notification_id "
					+ "where n.account_id = :account and m.status <> 'SENT'")
			.param("account", master)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMailServerThatIsDownDelaysTheMailWhichIsThenSentOnce() throws Exception {
		String address = "down-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long account = fixtures.account("540102", "ORG_ADMIN", address);
		smtp.stop();
		clock.set(at(daysAhead(230), "08:00"));
		notifications.deliver(notice(account, "停机测试"));

		assertThat(outbox.sendDue()).isZero();
		assertThat(status(account)).isEqualTo("PENDING");
		assertThat(attempts(account)).isOne();

		smtp.start();
		// not due again yet: the first retry waits five minutes
		assertThat(outbox.sendDue()).isZero();
		clock.advance(Duration.ofMinutes(5));
		assertThat(outbox.sendDue()).isOne();
		assertThat(outbox.sendDue()).isZero();
		clock.advance(Duration.ofHours(1));
		assertThat(outbox.sendDue()).isZero();

		assertThat(to(address)).hasSize(1);
		assertThat(to(address).get(0).getSubject()).isEqualTo("停机测试");
		assertThat(status(account)).isEqualTo("SENT");
		assertThat(attempts(account)).isEqualTo(2);
	}

	@Test
	void afterTheLastAttemptTheMailIsGivenUpAndTheInboxSaysSo() throws Exception {
		String address = "never-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long account = fixtures.account("540102", "ORG_ADMIN", address);
		smtp.stop();
		clock.set(at(daysAhead(231), "08:00"));
		long id = notifications.deliver(notice(account, "放弃测试")).orElseThrow();

		outbox.sendDue();
		clock.advance(Duration.ofMinutes(5));
		outbox.sendDue();
		clock.advance(Duration.ofMinutes(10));
		outbox.sendDue();
		assertThat(status(account)).isEqualTo("FAILED");
		assertThat(attempts(account)).isEqualTo(3);

		smtp.start();
		clock.advance(Duration.ofDays(1));
		assertThat(outbox.sendDue()).isZero();
		assertThat(to(address)).isEmpty();
		DigestFixtures.signInAs(account, "540102", "100000/540000/540100/540102",
				org.yizhan.organization.Role.ORG_ADMIN);
		Notification kept = notifications.getMine(id, java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(kept.subject()).isEqualTo("放弃测试");
		assertThat(kept.mail()).isEqualTo(Notification.MailStatus.FAILED);
	}

	@Test
	void anAccountWithoutAnAddressGetsTheNotificationAndNoMail() {
		long account = fixtures.account("540102", "ORG_ADMIN", null);
		notifications.deliver(notice(account, "无邮箱测试"));
		assertThat(jdbc
			.sql("select count(*) from mail_outbox m join notification n on n.id = m.notification_id "
					+ "where n.account_id = :account")
			.param("account", account)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from notification where account_id = :account")
			.param("account", account)
			.query(Long.class)
			.single()).isOne();
	}

	private static Notice notice(long account, String subject) {
		return new Notice(account, "test.mail", UUID.randomUUID().toString(), "/console/stations",
				new NoticeText(subject, List.of(new NoticeSection("测试", List.of(NoticeLine.of("内容"))))),
				new NoticeText("Mail test", List.of(new NoticeSection("Test", List.of(NoticeLine.of("Body"))))));
	}

	private String status(long account) {
		return jdbc
			.sql("select m.status from mail_outbox m join notification n on n.id = m.notification_id "
					+ "where n.account_id = :account")
			.param("account", account)
			.query(String.class)
			.single();
	}

	private int attempts(long account) {
		return jdbc
			.sql("select m.attempts from mail_outbox m join notification n on n.id = m.notification_id "
					+ "where n.account_id = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

	private static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			for (jakarta.mail.Address recipient : message.getAllRecipients()) {
				if (((InternetAddress) recipient).getAddress().equals(address)) {
					mails.add(message);
				}
			}
		}
		return mails;
	}

	/** The text parts of a mail by type, wherever they sit in its multipart tree. */
	private static Map<String, String> parts(Part part) throws Exception {
		Map<String, String> found = new java.util.TreeMap<>();
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				found.putAll(parts(body));
			}
		}
		else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
			assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
			found.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
		}
		return found;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
