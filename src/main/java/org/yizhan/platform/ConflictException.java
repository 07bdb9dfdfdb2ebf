package org.yizhan.platform;

/**
 * A request that contradicts the current state: a stale version or a lifecycle step that
 * is not allowed from where a thing is now (answered with 409).
 */
public class ConflictException extends RuntimeException implements Explanation.Explained {

	private final Explanation explanation;

	private final String field;

	public ConflictException(String messageCode, Object... args) {
		this(null, messageCode, args);
	}

	/**
	 * @param field the request field whose value conflicts ({@code version},
	 * {@code status})
	 */
	public ConflictException(String field, String messageCode, Object... args) {
		this(field, new Explanation(messageCode, args));
	}

	private ConflictException(String field, Explanation explanation) {
		super(explanation.toString());
		this.field = field;
		this.explanation = explanation;
	}

	@Override
	public Explanation explanation() {
		return explanation;
	}

	/** The request field whose value conflicts, {@code null} when none. */
	public String field() {
		return field;
	}

}
