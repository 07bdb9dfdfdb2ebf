package org.yizhan.platform;

import java.util.List;

/**
 * Input that breaks a rule; answered with 400 and one localised message per
 * {@link Violation}.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super("Invalid input: " + violations);
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("An invalid input needs at least one violation");
		}
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(Violation violation) {
		this(List.of(violation));
	}

	public List<Violation> violations() {
		return violations;
	}

}
