package org.yizhan.notification;

import java.util.List;

/**
 * A headed group of lines in a notice, e.g. "昨日评价" with its figures.
 *
 * @param heading the section's title
 * @param lines its lines, in order
 */
public record NoticeSection(String heading, List<NoticeLine> lines) {

	public NoticeSection {
		NoticeRules.requireText(heading, "heading", 200);
		lines = List.copyOf(lines);
	}

}
