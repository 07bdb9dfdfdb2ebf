package org.yizhan.notification;

import java.util.List;

/**
 * One page of an inbox, newest first.
 *
 * @param items the notifications on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many notifications the listing has in all
 * @param unread how many of the inbox's notifications are unread
 */
public record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {

	public NotificationPage {
		items = List.copyOf(items);
	}

	public long pages() {
		return (total + size - 1) / size;
	}

}
