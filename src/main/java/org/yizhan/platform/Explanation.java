package org.yizhan.platform;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Why a request was refused, as a message code and its arguments for the caller to read
 * in their language: what the platform's refusals (404, 403, 409, 413, ...) carry.
 *
 * @param code the message key
 * @param args its arguments; a copy is kept and a copy handed out
 */
public record Explanation(String code, Object[] args) implements Serializable {

	public Explanation {
		args = args.clone();
	}

	@Override
	public Object[] args() {
		return args.clone();
	}

	/** The code and the arguments, for logs and the exception's own message. */
	@Override
	public String toString() {
		return code + " " + Arrays.toString(args);
	}

	/**
	 * A refusal that explains itself; the problem handlers and the console word it from
	 * its code and arguments.
	 */
	public interface Explained {

		Explanation explanation();

		default String messageCode() {
			return explanation().code();
		}

		default Object[] args() {
			return explanation().args();
		}

	}

}
