package org.yizhan.calendar;

/**
 * An {@code opening_hours} string the OSM grammar rejects.
 */
public class InvalidOpeningHoursException extends IllegalArgumentException {

	private final String input;

	private final int position;

	private final String detail;

	InvalidOpeningHoursException(String input, int position, String detail) {
		super("Invalid opening_hours at character " + position + ": " + detail);
		this.input = input;
		this.position = position;
		this.detail = detail;
	}

	public String input() {
		return input;
	}

	/** The 1-based character position where the string stops being valid. */
	public int position() {
		return position;
	}

	/** The parser's own explanation, in English. */
	public String detail() {
		return detail;
	}

}
