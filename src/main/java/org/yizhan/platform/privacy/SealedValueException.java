package org.yizhan.platform.privacy;

/**
 * A stored value that does not open: malformed, altered, or sealed with a key that is no
 * longer configured. Never carries the value itself.
 */
public class SealedValueException extends RuntimeException {

	SealedValueException(String reason) {
		super("Personal data cannot be opened: " + reason);
	}

}
