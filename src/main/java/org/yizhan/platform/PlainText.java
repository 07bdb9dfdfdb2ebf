package org.yizhan.platform;

/**
 * What free text typed by people may not hold: invisible formatting characters (Unicode
 * category Cf), among them the right-to-left overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make a name or an address read differently from what is stored, and
 * the zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF) that make two values
 * that look the same differ. The shared rule of every module's text fields.
 */
public final class PlainText {

	/** The message code of the refusal. */
	public static final String INVISIBLE_CHARACTERS = "validation.invisibleCharacters";

	private PlainText() {
	}

	/** Whether {@code text} holds an invisible formatting character. */
	public static boolean hasInvisibleCharacters(String text) {
		if (text == null) {
			return false;
		}
		return text.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.FORMAT);
	}

	/**
	 * A violation on {@code field} when {@code text} holds an invisible formatting
	 * character, else {@code null}.
	 */
	public static Violation check(String text, String field) {
		return hasInvisibleCharacters(text) ? Violation.of(field, INVISIBLE_CHARACTERS) : null;
	}

}
