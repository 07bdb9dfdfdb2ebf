package org.yizhan.notification.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yizhan.notification.NoticeSection;
import org.yizhan.notification.Notification;
import org.yizhan.notification.NotificationPage;
import org.yizhan.notification.Notifications;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in account's inbox over JSON, in the language of {@code Accept-Language}:
 * its own notifications only; another account's id answers 404 like a missing one.
 */
@ApiController("/api/v1/me/notifications")
class NotificationApiController {

	static final int MAX_PAGE_SIZE = 100;

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	record NotificationJson(long id, String kind, String subject, List<NoticeSection> sections, String link,
			Instant createdAt, Instant readAt, Notification.MailStatus mail, Instant settledAt, String settlement) {

		static NotificationJson of(Notification notification) {
			return new NotificationJson(notification.id(), notification.kind(), notification.subject(),
					notification.sections(), notification.link(), notification.createdAt(), notification.readAt(),
					notification.mail(), notification.settledAt(), notification.settlement());
		}

	}

	record Page(List<NotificationJson> items, int page, int size, long total, long pages, long unread) {
	}

	@GetMapping
	Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		NotificationPage result = notifications.listMine(unread, page, size, LocaleContextHolder.getLocale());
		return new Page(result.items().stream().map(NotificationJson::of).toList(), result.page(), result.size(),
				result.total(), result.pages(), result.unread());
	}

	@PostMapping("/{id}/read")
	NotificationJson markRead(@PathVariable long id) {
		return NotificationJson.of(notifications.markRead(id, LocaleContextHolder.getLocale()));
	}

	@PostMapping("/read-all")
	Map<String, Object> markAllRead() {
		return Map.of("marked", notifications.markAllRead(), "unread", notifications.countUnreadMine());
	}

}
