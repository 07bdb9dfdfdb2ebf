package org.yizhan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.yizhan.platform.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inboxes and the mail outbox, in plain SQL. Every read and change of a notification
 * names its account in the query, so one account can never reach another's.
 */
@Repository
class NotificationStore {

	private static final TypeReference<List<NoticeSection>> SECTIONS = new TypeReference<>() {
	};

	private static final String SELECT = """
			select n.id, n.kind, n.link, n.created_at, n.read_at, m.status as mail_status, n.settled_at,
			       case when :english then n.subject_en else n.subject_zh end as subject,
			       case when :english then n.settled_en else n.settled_zh end as settlement,
			       case when :english then n.body_en else n.body_zh end::text as body
			from notification n left join mail_outbox m on m.notification_id = n.id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	NotificationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The new notification's id, or empty when the recipient already has this one. */
	Optional<Long> insert(Notice notice, Instant now) {
		return jdbc.sql("""
				insert into notification (account_id, kind, dedupe_key, link, subject_zh, subject_en, body_zh, body_en,
				    created_at)
				values (:account, :kind, :key, :link, :subjectZh, :subjectEn, cast(:bodyZh as jsonb),
				    cast(:bodyEn as jsonb), :now)
				on conflict (account_id, kind, dedupe_key) do nothing
				returning id
				""")
			.param("account", notice.accountId())
			.param("kind", notice.kind())
			.param("key", notice.key())
			.param("link", notice.link())
			.param("subjectZh", notice.chinese().subject())
			.param("subjectEn", notice.english().subject())
			.param("bodyZh", json.writeValueAsString(notice.chinese().sections()))
			.param("bodyEn", json.writeValueAsString(notice.english().sections()))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	void enqueueMail(long notificationId, Instant now) {
		jdbc.sql("""
				insert into mail_outbox (notification_id, status, attempts, next_attempt_at, created_at)
				values (:id, 'PENDING', 0, :now, :now)
				""").param("id", notificationId).param("now", Timestamp.from(now)).update();
	}

	List<Notification> page(long accountId, boolean unreadOnly, boolean english, int page, int size) {
		return jdbc
			.sql(SELECT + " where n.account_id = :account" + (unreadOnly ? " and n.read_at is null" : "")
					+ " order by n.created_at desc, n.id desc limit :limit offset :offset")
			.param("english", english)
			.param("account", accountId)
			.param("limit", size)
			.param("offset", Paging.offset(page, size))
			.query(this::map)
			.list();
	}

	long count(long accountId, boolean unreadOnly) {
		return jdbc
			.sql("select count(*) from notification where account_id = :account"
					+ (unreadOnly ? " and read_at is null" : ""))
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	Optional<Notification> find(long accountId, long id, boolean english) {
		return jdbc.sql(SELECT + " where n.id = :id and n.account_id = :account")
			.param("english", english)
			.param("id", id)
			.param("account", accountId)
			.query(this::map)
			.optional();
	}

	/**
	 * Whether the account has this notification; it is read from now on if it was not.
	 */
	boolean markRead(long accountId, long id, Instant now) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and account_id = :account
				""").param("now", Timestamp.from(now)).param("id", id).param("account", accountId).update() == 1;
	}

	int markAllRead(long accountId, Instant now) {
		return jdbc.sql("update notification set read_at = :now where account_id = :account and read_at is null")
			.param("now", Timestamp.from(now))
			.param("account", accountId)
			.update();
	}

	/**
	 * Settles every recipient's notification of this kind and key not settled yet, and
	 * marks it read; its mail, when it has not gone out yet, is not sent. Returns how
	 * many notifications it settled.
	 */
	int settle(String kind, String key, String chinese, String english, Instant now) {
		List<Long> ids = jdbc.sql("""
				update notification set settled_at = :now, settled_zh = :zh, settled_en = :en,
				    read_at = coalesce(read_at, :now)
				where kind = :kind and dedupe_key = :key and settled_at is null
				returning id
				""")
			.param("now", Timestamp.from(now))
			.param("zh", chinese)
			.param("en", english)
			.param("kind", kind)
			.param("key", key)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql(
					"update mail_outbox set status = 'CANCELLED' where status = 'PENDING' and notification_id in (:ids)")
				.param("ids", ids)
				.update();
		}
		return ids.size();
	}

	/** Removes notifications that arrived before {@code cutoff}, their mail with them. */
	int purgeBefore(Instant cutoff) {
		return jdbc.sql("delete from notification where created_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	// ------------------------------------------------------------------ the outbox

	/** A mail waiting to go out, with what it says (in Chinese, the mail's language). */
	record PendingMail(long outboxId, long notificationId, long accountId, int attempts, String subject,
			List<NoticeSection> sections, String link) {
	}

	/**
	 * Up to {@code limit} mails due by {@code now}, locked for this transaction; rows
	 * another instance is sending are skipped, not waited for.
	 */
	List<PendingMail> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				select m.id, m.notification_id, m.attempts, n.account_id, n.subject_zh, n.body_zh::text as body, n.link
				from mail_outbox m join notification n on n.id = m.notification_id
				where m.status = 'PENDING' and m.next_attempt_at <= :now
				order by m.next_attempt_at, m.id
				limit :limit
				for update of m skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new PendingMail(rs.getLong("id"), rs.getLong("notification_id"),
					rs.getLong("account_id"), rs.getInt("attempts"), rs.getString("subject_zh"),
					sections(rs.getString("body")), rs.getString("link")))
			.list();
	}

	void markSent(long outboxId, int attempts, Instant now) {
		jdbc.sql("update mail_outbox set status = 'SENT', attempts = :attempts, sent_at = :now, last_error = null "
				+ "where id = :id")
			.param("attempts", attempts)
			.param("now", Timestamp.from(now))
			.param("id", outboxId)
			.update();
	}

	/**
	 * A failed attempt: tried again at {@code retryAt}, or never again when that is null.
	 */
	void markFailed(long outboxId, int attempts, Instant retryAt, String error) {
		jdbc.sql("""
				update mail_outbox set attempts = :attempts, last_error = :error,
				    status = case when cast(:retryAt as timestamptz) is null then 'FAILED' else 'PENDING' end,
				    next_attempt_at = coalesce(cast(:retryAt as timestamptz), next_attempt_at)
				where id = :id
				""")
			.param("attempts", attempts)
			.param("error", error.length() > 500 ? error.substring(0, 499) + "…" : error)
			.param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
			.param("id", outboxId)
			.update();
	}

	private Notification map(ResultSet rs, int row) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		Timestamp settledAt = rs.getTimestamp("settled_at");
		String mail = rs.getString("mail_status");
		return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
				sections(rs.getString("body")), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				readAt == null ? null : readAt.toInstant(), mail == null ? null : Notification.MailStatus.valueOf(mail),
				settledAt == null ? null : settledAt.toInstant(), rs.getString("settlement"));
	}

	private List<NoticeSection> sections(String body) {
		return json.readValue(body, SECTIONS);
	}

}
