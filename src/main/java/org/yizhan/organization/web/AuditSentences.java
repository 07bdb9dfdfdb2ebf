package org.yizhan.organization.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yizhan.organization.audit.AuditEntry;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads an audit entry out as a person would say it: "admin 修改驿站 330106-0001", the
 * actor's roles by name, and each change as "营业时间：24/7 → Mo-Fr 08:30-17:30", with times
 * in Beijing time and reasons in words. The summaries stay as recorded (the CSV export
 * keeps them); only the page reads them this way.
 *
 * <p>
 * A summary is {@code key=value} pairs separated by {@code "; "} or {@code ", "}. A
 * change is a key whose value differs between before and after; an entry without a before
 * (a creation, a refused sign-in) shows its after as it is.
 */
@Component
class AuditSentences {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Where a pair starts: the start, or a separator, then {@code key=}. */
	private static final Pattern PAIR = Pattern.compile("(?:^|[;,] )(\\w+)=");

	private static final Pattern ISO_INSTANT = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

	private static final String NONE = "—";

	private final MessageSource messages;

	AuditSentences(MessageSource messages) {
		this.messages = messages;
	}

	/** An entry as the page shows it. */
	record Row(AuditEntry entry, String time, String roles, String sentence, List<String> changes) {
	}

	Row row(AuditEntry entry, Locale locale) {
		String action = label(entry.action(), entry.action(), locale);
		String sentence = String.join(" ", entry.username(), action, Objects.toString(entry.targetId(), "")).strip();
		return new Row(entry, time(entry.occurredAt()), roles(entry.roles(), locale), sentence,
				changes(entry.targetType(), entry.beforeSummary(), entry.afterSummary(), locale));
	}

	/** A label for an action or a kind of object, for the filters. */
	String actionLabel(String action, Locale locale) {
		return label(action, action, locale);
	}

	String targetTypeLabel(String targetType, Locale locale) {
		return label("audit.targetType." + targetType, targetType, locale);
	}

	static String time(Instant instant) {
		return LocalDateTime.ofInstant(instant, YizhanTime.ZONE).format(TIME);
	}

	private String roles(String roles, Locale locale) {
		if (roles == null || roles.isBlank()) {
			return "";
		}
		return Arrays.stream(roles.replaceAll("[\\[\\]]", "").split("\\s*,\\s*"))
			.filter(role -> !role.isBlank())
			.map(role -> label("role." + role.strip(), role.strip(), locale))
			.collect(Collectors.joining("、"));
	}

	private List<String> changes(String targetType, String before, String after, Locale locale) {
		Map<String, String> was = pairs(before);
		Map<String, String> is = pairs(after);
		List<String> lines = new ArrayList<>();
		if (was.isEmpty()) {
			is.forEach((key, value) -> lines.add(field(targetType, key, locale) + "：" + value(key, value, locale)));
			return lines.isEmpty() && after != null && !after.isBlank() ? List.of(after) : lines;
		}
		for (String key : union(was, is)) {
			if (key.equals("changed")) {
				// The changed fields' names: their values follow as pairs of their own.
				continue;
			}
			String old = was.get(key);
			String now = is.get(key);
			if (!Objects.equals(blankToNull(old), blankToNull(now))) {
				lines.add(field(targetType, key, locale) + "：" + value(key, old, locale) + " → "
						+ value(key, now, locale));
			}
		}
		return lines;
	}

	private static List<String> union(Map<String, String> was, Map<String, String> is) {
		List<String> keys = new ArrayList<>(was.keySet());
		is.keySet().stream().filter(key -> !was.containsKey(key)).forEach(keys::add);
		return keys;
	}

	/** The pairs of a summary in their order; text that is no pair is left out. */
	static Map<String, String> pairs(String summary) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (summary == null || summary.isBlank()) {
			return pairs;
		}
		Matcher pair = PAIR.matcher(summary);
		String key = null;
		int valueStart = 0;
		while (pair.find()) {
			if (key != null) {
				pairs.put(key, summary.substring(valueStart, pair.start()));
			}
			key = pair.group(1);
			valueStart = pair.end();
		}
		if (key != null) {
			pairs.put(key, summary.substring(valueStart));
		}
		return pairs;
	}

	/**
	 * A field's name: the same key may mean different things for different objects
	 * ({@code mobile} is a station's "mobile station" flag but an account's phone).
	 */
	private String field(String targetType, String key, Locale locale) {
		return label("audit.field." + targetType + "." + key,
				label("audit.field." + key, label("field." + key, key, locale), locale), locale);
	}

	private String value(String key, String value, Locale locale) {
		if (value == null || value.isBlank() || value.equals("null")) {
			return NONE;
		}
		String shown = value.strip();
		if (key.equals("roles")) {
			return roles(shown, locale);
		}
		if (key.equals("reason")) {
			return label("audit.reason." + shown, shown, locale);
		}
		shown = label("audit.value." + shown, shown, locale);
		if (key.equals("areaM2")) {
			shown = shown + " m²";
		}
		return beijingTimes(shown);
	}

	/** ISO instants (UTC) written as Beijing time. */
	private static String beijingTimes(String text) {
		Matcher instant = ISO_INSTANT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (instant.find()) {
			String replacement;
			try {
				replacement = time(Instant.parse(instant.group()));
			}
			catch (DateTimeParseException ex) {
				replacement = instant.group();
			}
			instant.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		instant.appendTail(out);
		return out.toString();
	}

	private String label(String code, String fallback, Locale locale) {
		return messages.getMessage(code, null, fallback, locale);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
