package org.yizhan.organization.web;

import java.util.List;

import org.yizhan.platform.Violation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Refusals as the console shows them: the field's label, then the reason. */
final class ConsoleMessages {

	private ConsoleMessages() {
	}

	static List<String> describe(MessageSource messages, List<Violation> violations) {
		return violations.stream()
			.map(violation -> messages.getMessage("field." + violation.field(), null, violation.field(),
					LocaleContextHolder.getLocale()) + "："
					+ message(messages, violation.code(), violation.args().toArray()))
			.toList();
	}

	static String message(MessageSource messages, String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
