package org.yizhan.platform.security;

import org.yizhan.platform.Explanation;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal with a reason the caller should read (answered with 403 and the localised
 * message), e.g. an admin granting a role they do not hold. Raised by the modules' use
 * cases; the filter chains turn it into problem details or a page.
 */
public class ForbiddenException extends AccessDeniedException implements Explanation.Explained {

	private final Explanation explanation;

	public ForbiddenException(String messageCode, Object... args) {
		this(new Explanation(messageCode, args));
	}

	private ForbiddenException(Explanation explanation) {
		super(explanation.toString());
		this.explanation = explanation;
	}

	@Override
	public Explanation explanation() {
		return explanation;
	}

}
