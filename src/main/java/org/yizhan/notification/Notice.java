package org.yizhan.notification;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something to tell one account, as the module that has something to say hands it to
 * {@link Notifications#deliver}. It is written in both languages of the console when it
 * is made, because it describes the moment it was made (a digest's day), not the moment
 * it is read.
 *
 * @param accountId the recipient
 * @param kind what sort of notice, as {@code area.name} (e.g. {@code digest.daily})
 * @param key what makes it one of its kind for the recipient (e.g. a digest's period): a
 * second notice with the same recipient, kind and key is not delivered
 * @param link the console page it leads to ({@code /console/...}), or {@code null}
 * @param chinese the text in Chinese, also the e-mail's
 * @param english the text in English, for a console switched to English
 */
public record Notice(long accountId, String kind, String key, String link, NoticeText chinese, NoticeText english) {

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+");

	public Notice {
		if (kind == null || kind.length() > 40 || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("A notice's kind reads like digest.daily, not " + kind);
		}
		NoticeRules.requireText(key, "key", 60);
		NoticeRules.requireConsoleLink(link);
		Objects.requireNonNull(chinese, "chinese");
		Objects.requireNonNull(english, "english");
	}
}
