package org.yizhan.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The notification centre's rows of the access matrix: one's own inbox only; a token may
 * read it.
 */
final class NotificationAccessRows implements AccessRows {

	static final String FOREIGN_NOTICE = "矩阵外人的消息";

	/** Each role's own notification; the national admin's is the foreign one. */
	private final Map<String, Long> notifications = new HashMap<>();

	private long foreignNotification;

	@Override
	public void prepare(AccessFixture fixture) {
		Notifications centre = fixture.bean(Notifications.class);
		long nationalAdmin = fixture.jdbc()
			.sql("select id from account where username = 'admin'")
			.query(Long.class)
			.single();
		this.foreignNotification = centre.deliver(notice(nationalAdmin, FOREIGN_NOTICE)).orElseThrow();
		fixture.roleAccounts()
			.forEach((role, id) -> this.notifications.put(role, centre.deliver(notice(id, "矩阵消息")).orElseThrow()));
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// notification centre and the own e-mail address (digests): one's own inbox only;
		// a token may read it, but only a password sign-in sets the address mail goes to
		rows.add(api("GET", "/api/v1/me/notifications", c -> c.get("/api/v1/me/notifications"), SIGNED_IN, null)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(api("POST", "/api/v1/me/notifications/{id}/read",
				c -> c.json("POST", "/api/v1/me/notifications/" + notification(c) + "/read", "{}"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/me/notifications/read-all",
				c -> c.json("POST", "/api/v1/me/notifications/read-all", "{}"), SIGNED_IN, null));
		rows.add(page("GET", "/console/notifications", c -> c.get("/console/notifications"), SIGNED_IN, null)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(
				page("GET", "/console/notifications/bell", c -> c.get("/console/notifications/bell"), SIGNED_IN, null));
		rows.add(page("GET", "/console/notifications/{id}", c -> c.get("/console/notifications/" + notification(c)),
				SIGNED_IN, HIDDEN)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(page("POST", "/console/notifications/{id}/read",
				c -> c.form("/console/notifications/" + notification(c) + "/read", Map.of()), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/notifications/read-all",
				c -> c.form("/console/notifications/read-all", Map.of()), SIGNED_IN, null));
		return rows;
	}

	private static Notice notice(long account, String subject) {
		var text = new NoticeText(subject, List.of(new NoticeSection("矩阵", List.of(NoticeLine.of(subject)))));
		return new Notice(account, "matrix.notice", "n" + System.nanoTime(), "/console/stations", text, text);
	}

	/** The caller's own notification, or the national admin's for the foreign cell. */
	private long notification(Cell c) {
		return (c.foreign || c.anonymous()) ? this.foreignNotification : this.notifications.get(c.role);
	}

}
