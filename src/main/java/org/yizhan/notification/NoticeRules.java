package org.yizhan.notification;

import java.util.regex.Pattern;

/** What every part of a notice must satisfy, checked as it is built. */
final class NoticeRules {

	/**
	 * Links stay inside the console: an e-mail turns them into absolute addresses of this
	 * platform, and nothing else may end up behind a link in someone's inbox.
	 */
	private static final Pattern CONSOLE_LINK = Pattern
		.compile("/console(/[A-Za-z0-9._~\\-]+)*/?(\\?[A-Za-z0-9=&._~%\\-]*)?");

	private NoticeRules() {
	}

	static void requireText(String value, String name, int maxLength) {
		if (value == null || value.isBlank() || value.length() > maxLength) {
			throw new IllegalArgumentException("A notice's " + name + " needs 1 to " + maxLength + " characters");
		}
	}

	static void requireConsoleLink(String link) {
		if (link != null && (link.length() > 300 || !CONSOLE_LINK.matcher(link).matches())) {
			throw new IllegalArgumentException("A notice links to a console path, not " + link);
		}
	}

}
