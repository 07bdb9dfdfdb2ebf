package org.yizhan.platform;

/**
 * A request that contradicts the current state: a stale version or a lifecycle step that
 * is not allowed from where a thing is now (answered with 409).
 */
public class ConflictException extends RuntimeException {

	private final String messageCode;

	private final Object[] args;

	public ConflictException(String messageCode, Object... args) {
		super(messageCode + " " + java.util.Arrays.toString(args));
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
