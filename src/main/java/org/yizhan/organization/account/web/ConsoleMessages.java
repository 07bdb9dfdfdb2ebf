package org.yizhan.organization.account.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.Violation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the messages of refusals for the console's account pages. */
@Component
class ConsoleMessages {

	private final MessageSource messages;

	ConsoleMessages(MessageSource messages) {
		this.messages = messages;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** Field name → its messages, for forms that mark each field. */
	Map<String, List<String>> byField(List<Violation> violations) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Violation violation : violations) {
			errors.computeIfAbsent(violation.field(), key -> new ArrayList<>())
				.add(text(violation.code(), violation.args().toArray()));
		}
		return errors;
	}

	/** "Label: message" lines, for the notice area of a page. */
	List<String> lines(List<Violation> violations) {
		return violations.stream()
			.map(violation -> text("field." + violation.field()) + "："
					+ text(violation.code(), violation.args().toArray()))
			.toList();
	}

}
