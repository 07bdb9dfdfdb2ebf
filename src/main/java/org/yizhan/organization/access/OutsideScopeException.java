package org.yizhan.organization.access;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal that says why in the caller's language: the message code names the rule, e.g.
 * that an organisation lies outside the caller's subtree.
 */
public class OutsideScopeException extends AccessDeniedException {

	private final String messageCode;

	private final String field;

	public OutsideScopeException(String field, String messageCode) {
		super(messageCode);
		this.field = field;
		this.messageCode = messageCode;
	}

	public String messageCode() {
		return messageCode;
	}

	/** The request field whose value is out of reach, {@code null} when none. */
	public String field() {
		return field;
	}

}
