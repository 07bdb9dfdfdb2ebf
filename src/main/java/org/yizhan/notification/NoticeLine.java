package org.yizhan.notification;

/**
 * One line of a notice: plain text (never markup: whatever shows it escapes it) and,
 * optionally, the console page it is about.
 *
 * @param text what the line says
 * @param link a console path ({@code /console/...}), or {@code null}
 */
public record NoticeLine(String text, String link) {

	public NoticeLine {
		NoticeRules.requireText(text, "text", 500);
		NoticeRules.requireConsoleLink(link);
	}

	public static NoticeLine of(String text) {
		return new NoticeLine(text, null);
	}

}
