package org.yizhan.coverage;

/**
 * A site selection problem that cannot be solved as given, naming the input field at
 * fault (for example {@code demand[12].weight}) so that a caller can point at it.
 */
public class InvalidSiteSelectionException extends IllegalArgumentException {

	private final String field;

	InvalidSiteSelectionException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	/**
	 * The offending field, with a zero-based index where it is one of many.
	 * @return the field name, such as {@code p}, {@code radiusMeters} or
	 * {@code candidates[3].lat}
	 */
	public String field() {
		return this.field;
	}

}
