package org.yizhan.notification;

import java.util.List;

/**
 * A notice in one language: its subject (the inbox line and the e-mail's subject) and its
 * body as sections of lines.
 *
 * @param subject one line, at most 200 characters
 * @param sections the body
 */
public record NoticeText(String subject, List<NoticeSection> sections) {

	public NoticeText {
		NoticeRules.requireText(subject, "subject", 200);
		sections = List.copyOf(sections);
	}

}
