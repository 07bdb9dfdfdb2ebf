package org.yizhan.onboarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.platform.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the applicant mail waiting in {@code application_mail}: written in the
 * transaction of the change it tells of, so a mail server outage delays a mail but never
 * loses one nor holds up a submission. Every instance runs it; each takes due rows with
 * {@code for update skip locked}, so no mail goes twice from two instances. A failed
 * attempt is tried again after a back-off that doubles from one minute and is given up
 * after eight (FAILED). Without a mail server a mail is RECORDED: kept, and logged.
 */
@Component
class ApplicantMailOutbox {

	static final int BATCH = 10;

	static final int MAX_ATTEMPTS = 8;

	private static final Logger log = LoggerFactory.getLogger(ApplicantMailOutbox.class);

	private final JdbcClient jdbc;

	private final ApplicantMailer mailer;

	private final PersonalDataCipher cipher;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ApplicantMailOutbox(JdbcClient jdbc, ApplicantMailer mailer, PersonalDataCipher cipher,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.cipher = cipher;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${yizhan.onboarding.mail.poll-interval:PT30S}",
			fixedDelayString = "${yizhan.onboarding.mail.poll-interval:PT30S}")
	void sendOnSchedule() {
		sendDue();
	}

	/**
	 * Sends what is due, a batch per transaction, until nothing is; returns how many
	 * went.
	 */
	int sendDue() {
		int handled = 0;
		int batch;
		do {
			batch = this.transaction.execute(status -> sendBatch());
			handled += batch;
		}
		while (batch == BATCH);
		return handled;
	}

	private record Due(long id, String emailSealed, String subject, String body, int attempts) {
	}

	private int sendBatch() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc.sql("""
				select id, email_sealed, subject, body, attempts from application_mail
				where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id limit :limit
				for update skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("limit", BATCH)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		for (Due mail : due) {
			try {
				boolean sent = this.mailer.send(this.cipher.open(mail.emailSealed()), mail.subject(), mail.body());
				this.jdbc
					.sql("update application_mail set status = :status, attempts = attempts + 1, sent_at = :now "
							+ "where id = :id")
					.param("status", sent ? "SENT" : "RECORDED")
					.param("now", Timestamp.from(now))
					.param("id", mail.id())
					.update();
			}
			catch (RuntimeException ex) {
				int attempts = mail.attempts() + 1;
				boolean givenUp = attempts >= MAX_ATTEMPTS;
				String error = String.valueOf(ex.getMessage());
				log.warn("Applicant mail {} failed (attempt {}{}): {}", mail.id(), attempts,
						givenUp ? ", given up" : "", error);
				this.jdbc.sql("""
						update application_mail set status = :status, attempts = :attempts,
						    next_attempt_at = :next, last_error = :error where id = :id
						""")
					.param("status", givenUp ? "FAILED" : "PENDING")
					.param("attempts", attempts)
					.param("next", Timestamp.from(now.plus(Duration.ofMinutes(1L << Math.min(attempts - 1, 20)))))
					.param("error", error.substring(0, Math.min(error.length(), 500)))
					.param("id", mail.id())
					.update();
			}
		}
		return due.size();
	}

}
