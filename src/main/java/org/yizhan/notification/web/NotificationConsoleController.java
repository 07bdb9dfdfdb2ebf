package org.yizhan.notification.web;

import java.util.Locale;

import org.yizhan.notification.NotificationPage;
import org.yizhan.notification.Notifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's notification centre: the bell in the navigation bar (loaded by htmx once
 * per page, not polled, so an idle console still times out), the inbox, one notification
 * with the page it leads to, and marking read.
 */
@Controller
class NotificationConsoleController {

	static final int PAGE_SIZE = 20;

	private final Notifications notifications;

	NotificationConsoleController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/console/notifications/bell")
	String bell(Model model) {
		model.addAttribute("unread", notifications.countUnreadMine());
		return "notification/console/notification-bell :: bell";
	}

	@GetMapping("/console/notifications")
	String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		NotificationPage result = notifications.listMine(unread, Math.max(0, page), PAGE_SIZE, locale);
		model.addAttribute("result", result);
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("mailOn", notifications.mailOn());
		return "notification/console/notifications";
	}

	@GetMapping("/console/notifications/{id}")
	String show(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("notification", notifications.getMine(id, locale));
		return "notification/console/notification";
	}

	@PostMapping("/console/notifications/{id}/read")
	String markRead(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		notifications.markRead(id, locale);
		redirect.addFlashAttribute("notice", "notification.markedRead");
		return "redirect:/console/notifications/" + id;
	}

	@PostMapping("/console/notifications/read-all")
	String markAllRead(RedirectAttributes redirect) {
		notifications.markAllRead();
		redirect.addFlashAttribute("notice", "notification.allMarkedRead");
		return "redirect:/console/notifications";
	}

}
