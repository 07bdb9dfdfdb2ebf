package org.yizhan.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.Explanation;
import org.yizhan.platform.Violation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Refusals and notices as the console shows them, in the request's language: one place
 * that words a {@link Violation} for a person, so every page says "label：reason" alike. A
 * code without a message shows as itself rather than failing the page.
 */
@Component
public class ConsoleMessages {

	private final MessageSource messages;

	ConsoleMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The message of {@code code} with its arguments. */
	public String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** The message a refusal explains itself with. */
	public String text(Explanation.Explained refusal) {
		return text(refusal.messageCode(), refusal.args());
	}

	/**
	 * The label of a field as a form names it; an element of a list ({@code hours[2]})
	 * has its list's label.
	 */
	public String fieldLabel(String field) {
		return messages.getMessage("field." + field.replaceAll("\\[\\d+]", ""), null, field,
				LocaleContextHolder.getLocale());
	}

	/** Field name → its messages, for forms that mark each field. */
	public Map<String, List<String>> byField(List<Violation> violations) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Violation violation : violations) {
			errors.computeIfAbsent(violation.field(), key -> new ArrayList<>())
				.add(text(violation.code(), violation.args().toArray()));
		}
		return errors;
	}

	/** "Label：message" lines, for the notice area of a page. */
	public List<String> lines(List<Violation> violations) {
		return violations.stream()
			.map(violation -> fieldLabel(violation.field()) + "：" + text(violation.code(), violation.args().toArray()))
			.toList();
	}

}
