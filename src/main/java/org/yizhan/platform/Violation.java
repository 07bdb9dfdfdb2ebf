package org.yizhan.platform;

import java.util.List;

/**
 * One reason an input was refused: the field it concerns (as the client named it, e.g.
 * {@code location.lat} or {@code amenities[2]}), a message code resolved against
 * {@code messages*.properties} and the arguments of that message.
 */
public record Violation(String field, String code, List<Object> args) {

	public Violation {
		args = List.copyOf(args);
	}

	public static Violation of(String field, String code, Object... args) {
		return new Violation(field, code, List.of(args));
	}

}
