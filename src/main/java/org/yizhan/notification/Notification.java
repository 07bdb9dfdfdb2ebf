package org.yizhan.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification in its recipient's inbox, in the language asked for.
 *
 * @param id its id
 * @param kind what sort of notice ({@link Notice#kind()})
 * @param subject its subject
 * @param sections its body
 * @param link the console page it leads to, or {@code null}
 * @param createdAt when it arrived
 * @param readAt when its recipient marked it read, {@code null} while unread
 * @param mail where its e-mail stands, {@code null} when none was sent (mail off, or no
 * address)
 * @param settledAt when the module that wrote it said the matter is settled (a ticket
 * resolved, or passed on), {@code null} while it stands
 * @param settlement what settled it, one line in the language asked for, or {@code null}
 */
public record Notification(long id, String kind, String subject, List<NoticeSection> sections, String link,
		Instant createdAt, Instant readAt, MailStatus mail, Instant settledAt, String settlement) {

	public Notification {
		sections = List.copyOf(sections);
	}

	public boolean isRead() {
		return readAt != null;
	}

	/**
	 * Whether the matter is settled: its deadlines and requests no longer stand.
	 */
	public boolean isSettled() {
		return settledAt != null;
	}

	/** Where a notification's e-mail stands. */
	public enum MailStatus {

		/** Waiting to be sent, or to be tried again after a failure. */
		PENDING,
		/** Handed to the mail server. */
		SENT,
		/** Given up after the last attempt; the notification is in the inbox only. */
		FAILED,
		/**
		 * Not sent: the notice was settled before its mail went out, and the mail would
		 * have asked for what is already done.
		 */
		CANCELLED

	}

}
