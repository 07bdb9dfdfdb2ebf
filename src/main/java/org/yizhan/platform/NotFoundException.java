package org.yizhan.platform;

/**
 * A thing looked up by an identifier from outside does not exist (answered with 404). The
 * arguments are identifiers, so they are said as given: a number is not grouped ("消息 3658
 * 不存在", not "3,658").
 */
public class NotFoundException extends RuntimeException implements Explanation.Explained {

	private final Explanation explanation;

	public NotFoundException(String messageCode, Object... args) {
		this(new Explanation(messageCode, asGiven(args)));
	}

	private NotFoundException(Explanation explanation) {
		super(explanation.toString());
		this.explanation = explanation;
	}

	private static Object[] asGiven(Object[] args) {
		Object[] given = args.clone();
		for (int i = 0; i < given.length; i++) {
			if (given[i] instanceof Number number) {
				given[i] = number.toString();
			}
		}
		return given;
	}

	@Override
	public Explanation explanation() {
		return explanation;
	}

}
