package org.yizhan.platform.security;

import java.util.Arrays;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal with a reason the caller should read (answered with 403 and the localised
 * message), e.g. an admin granting a role they do not hold. Raised by the modules' use
 * cases; the filter chains turn it into problem details or a page.
 */
public class ForbiddenException extends AccessDeniedException {

	private final String messageCode;

	private final Object[] args;

	public ForbiddenException(String messageCode, Object... args) {
		super(messageCode + " " + Arrays.toString(args));
		this.messageCode = messageCode;
		this.args = args.clone();
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] args() {
		return args.clone();
	}

}
