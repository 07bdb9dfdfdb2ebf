package org.yizhan.platform;

import java.util.Arrays;

/**
 * A thing looked up by an identifier from outside does not exist (answered with 404).
 */
public class NotFoundException extends RuntimeException {

	private final String messageCode;

	private final Object[] args;

	public NotFoundException(String messageCode, Object... args) {
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
