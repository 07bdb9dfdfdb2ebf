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

	/**
	 * Says that what notices of this kind and key were about is settled, e.g. the ticket
	 * they asked someone to deal with by a deadline was resolved or passed on: every
	 * recipient's notice shows the note (in the console's language) with its deadline no
	 * longer standing, and counts as read. Its e-mail, if still waiting in the outbox, is
	 * not sent; e-mail already sent stays sent. A notice settled once keeps its first
	 * note, so the earlier holder of a ticket keeps reading where it went, not how it
	 * ended. Settling what nobody received changes nothing.
	 * @param kind the notices' kind ({@link Notice#kind()})
	 * @param key their key ({@link Notice#key()})
	 * @param chinese one line in Chinese, e.g. 已于 2026-12-07 16:20 解决
	 * @param english the same line in English
	 * @return how many notices it settled
	 */
	@Transactional
	public int settle(String kind, String key, String chinese, String english) {
		NoticeRules.requireText(kind, "kind", 40);
		NoticeRules.requireText(key, "key", 60);
		NoticeRules.requireText(chinese, "settlement", 200);
		NoticeRules.requireText(english, "settlement", 200);
		return store.settle(kind, key, chinese, english, clock.instant());
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
