package org.yizhan.platform;

import java.util.Arrays;

/**
 * A request that contradicts the current state: a stale version or a lifecycle step that
 * is not allowed from where a thing is now (answered with 409).
 */
public class ConflictException extends RuntimeException {

	private final String messageCode;

	private final Object[] args;

	private final String field;

	public ConflictException(String messageCode, Object... args) {
		this(null, messageCode, args);
	}

	/**
	 * @param field the request field whose value conflicts ({@code version},
	 * {@code status})
	 */
	public ConflictException(String field, String messageCode, Object... args) {
		super(messageCode + " " + Arrays.toString(args));
		this.field = field;
		this.messageCode = messageCode;
		this.args = args.clone();
	}

	/** The request field whose value conflicts, {@code null} when none. */
	public String field() {
		return field;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] args() {
		return args.clone();
	}

}
