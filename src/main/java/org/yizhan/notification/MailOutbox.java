package org.yizhan.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Assignments;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail waiting in the outbox. Every instance runs it; each takes the due rows
 * with {@code for update skip locked}, so two instances never send the same mail and
 * neither waits for the other. A failed attempt is tried again after a back-off that
 * doubles from {@code first-retry}; after {@code max-attempts} the mail is given up,
 * which the log says and the inbox shows. The notification itself is never affected.
 *
 * <p>
 * A mail is sent while its row is locked and marked sent in the same transaction: if the
 * commit failed after the server accepted the mail, it would be sent once more. Without a
 * transaction spanning the mail server that cannot be ruled out; it errs on the side of a
 * duplicate rather than a lost mail.
 */
@Component
class MailOutbox {

	static final int BATCH = 10;

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final NotificationStore store;

	private final ObjectProvider<JavaMailSender> sender;

	private final MailComposer composer;

	private final AccountDirectory directory;

	private final Assignments assignments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration firstRetry;

	MailOutbox(NotificationStore store, ObjectProvider<JavaMailSender> sender, MailComposer composer,
			AccountDirectory directory, Assignments assignments, TransactionTemplate transaction, Clock clock,
			@Value("${yizhan.notifications.mail.max-attempts:8}") int maxAttempts,
			@Value("${yizhan.notifications.mail.first-retry:PT1M}") Duration firstRetry) {
		if (maxAttempts < 1) {
			throw new IllegalStateException("yizhan.notifications.mail.max-attempts must be at least 1");
		}
		if (firstRetry.isNegative() || firstRetry.isZero()) {
			throw new IllegalStateException("yizhan.notifications.mail.first-retry must be positive");
		}
		this.store = store;
		this.sender = sender;
		this.composer = composer;
		this.directory = directory;
		this.assignments = assignments;
		this.transaction = transaction;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.firstRetry = firstRetry;
	}

	@Scheduled(initialDelayString = "${yizhan.notifications.mail.poll-interval:PT30S}",
			fixedDelayString = "${yizhan.notifications.mail.poll-interval:PT30S}")
	void sendOnSchedule() {
		sendDue();
	}

	/**
	 * Sends every mail that is due, a batch per transaction.
	 * @return how many were handed to the mail server
	 */
	int sendDue() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		while (true) {
			Batch batch = transaction.execute(status -> sendBatch(mail));
			sent += batch.sent();
			if (batch.taken() < BATCH) {
				return sent;
			}
		}
	}

	private record Batch(int taken, int sent) {
	}

	private Batch sendBatch(JavaMailSender mail) {
		Instant now = clock.instant();
		List<NotificationStore.PendingMail> due = store.lockDue(now, BATCH);
		int sent = 0;
		for (NotificationStore.PendingMail pending : due) {
			int attempt = pending.attempts() + 1;
			Optional<String> address = directory.findEmail(pending.accountId());
			if (address.isEmpty()) {
				// The holder removed their address after the notice arrived: nowhere to
				// send it, and no point in trying again.
				store.markFailed(pending.outboxId(), attempt, null, "the account has no e-mail address any more");
				continue;
			}
			try {
				MimeMessage message = mail.createMimeMessage();
				String name = assignments.findAccount(pending.accountId())
					.map(AccountSummary::displayName)
					.orElse(null);
				composer.write(message, pending, address.get(), name);
				mail.send(message);
				store.markSent(pending.outboxId(), attempt, clock.instant());
				sent++;
			}
			catch (MailException | MessagingException ex) {
				failed(pending, attempt, now, ex);
			}
		}
		return new Batch(due.size(), sent);
	}

	private void failed(NotificationStore.PendingMail pending, int attempt, Instant now, Exception ex) {
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (attempt >= maxAttempts) {
			log.warn("Gave up e-mailing notification {} to account {} after {} attempts; it stays in the inbox. "
					+ "Last error: {}", pending.notificationId(), pending.accountId(), attempt, error);
			store.markFailed(pending.outboxId(), attempt, null, error);
			return;
		}
		Instant retryAt = now.plus(backoff(attempt));
		log.info("E-mail of notification {} failed (attempt {} of {}), trying again at {}: {}",
				pending.notificationId(), attempt, maxAttempts, retryAt, error);
		store.markFailed(pending.outboxId(), attempt, retryAt, error);
	}

	/** {@code first-retry} after the first failure, doubling after each further one. */
	Duration backoff(int failedAttempts) {
		return firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
	}

}
