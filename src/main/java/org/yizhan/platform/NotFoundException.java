package org.yizhan.platform;

/**
 * A thing looked up by an identifier from outside does not exist (answered with 404).
 */
public class NotFoundException extends RuntimeException implements Explanation.Explained {

	private final Explanation explanation;

	public NotFoundException(String messageCode, Object... args) {
		this(new Explanation(messageCode, args));
	}

	private NotFoundException(Explanation explanation) {
		super(explanation.toString());
		this.explanation = explanation;
	}

	@Override
	public Explanation explanation() {
		return explanation;
	}

}
