package org.yizhan.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.Actor;
import org.yizhan.platform.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre: how any module tells an account something, and how an account
 * reads its inbox.
 *
 * <p>
 * A notice is delivered inside the transaction of whoever delivers it: the notification
 * and, when mail is on ({@code spring.mail.host} set) and the account has an address, its
 * e-mail in the outbox, commit or roll back with the work that produced them. The e-mail
 * itself goes out later, from the outbox, so an unreachable mail server delays mail but
 * never loses a notice or holds up its sender. The inbox methods act for the signed-in
 * account and reach only its own notifications: another account's are not found.
 *
 * <p>
 * Reading and marking read are not audited: they change only the reader's own view of
 * their inbox, not anything the unions answer for.
 */
@Service
public class Notifications {

	private final NotificationStore store;

	private final AccountDirectory directory;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	Notifications(NotificationStore store, AccountDirectory directory, ObjectProvider<JavaMailSender> mail,
			Clock clock) {
		this.store = store;
		this.directory = directory;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Puts the notice into its recipient's inbox and queues its e-mail, once: the same
	 * recipient, kind and key a second time changes nothing.
	 * @return the new notification's id; empty when the recipient already had it
	 */
	@Transactional
	public Optional<Long> deliver(Notice notice) {
		Optional<Long> id = store.insert(notice, clock.instant());
		if (id.isPresent() && mailOn() && directory.findEmail(notice.accountId()).isPresent()) {
			store.enqueueMail(id.get(), clock.instant());
		}
		return id;
	}

	/** Whether notifications are also e-mailed: a mail server is configured. */
	public boolean mailOn() {
		return mail.getIfAvailable() != null;
	}

	/** A page of the signed-in account's inbox, newest first. */
	@Transactional(readOnly = true)
	public NotificationPage listMine(boolean unreadOnly, int page, int size, Locale locale) {
		long account = me().accountId();
		return new NotificationPage(store.page(account, unreadOnly, english(locale), page, size), page, size,
				store.count(account, unreadOnly), store.count(account, true));
	}

	/** How many of the signed-in account's notifications are unread, for the bell. */
	@Transactional(readOnly = true)
	public long countUnreadMine() {
		return store.count(me().accountId(), true);
	}

	/**
	 * One of the signed-in account's notifications.
	 * @throws NotFoundException when the account has no notification with this id
	 */
	@Transactional(readOnly = true)
	public Notification getMine(long id, Locale locale) {
		return store.find(me().accountId(), id, english(locale)).orElseThrow(() -> notFound(id));
	}

	/**
	 * Marks one of the signed-in account's notifications read; marking it again keeps the
	 * first time.
	 * @throws NotFoundException when the account has no notification with this id
	 */
	@Transactional
	public Notification markRead(long id, Locale locale) {
		long account = me().accountId();
		if (!store.markRead(account, id, clock.instant())) {
			throw notFound(id);
		}
		return store.find(account, id, english(locale)).orElseThrow(() -> notFound(id));
	}

	/**
	 * Marks every unread notification of the signed-in account read; returns how many.
	 */
	@Transactional
	public int markAllRead() {
		return store.markAllRead(me().accountId(), clock.instant());
	}

	private static Actor me() {
		return Actor.required();
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("notification.notFound", id);
	}

}
