package org.yizhan.platform;

/**
 * What free text typed by people may not hold: invisible formatting characters (Unicode
 * category Cf), among them the right-to-left overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make a name or an address read differently from what is stored, and
 * the zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF) that make two values
 * that look the same differ (a joiner inside an emoji excepted). The shared rule of every
 * module's text fields: station texts, rating comments, ticket reports and notes.
 */
public final class PlainText {

	/** The message code of the refusal. */
	public static final String INVISIBLE_CHARACTERS = "validation.invisibleCharacters";

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private PlainText() {
	}

	/** Whether {@code text} holds an invisible formatting character. */
	public static boolean hasInvisibleCharacters(String text) {
		if (text == null) {
			return false;
		}
		int[] codePoints = text.codePoints().toArray();
		for (int i = 0; i < codePoints.length; i++) {
			if (Character.getType(codePoints[i]) == Character.FORMAT && !joinsEmoji(codePoints, i)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A zero-width joiner between two symbols, as in 🤷‍♂️ or 👨‍👩‍👧, which phones type
	 * into comments: it draws one emoji and hides no text.
	 */
	private static boolean joinsEmoji(int[] codePoints, int i) {
		return codePoints[i] == ZERO_WIDTH_JOINER && i > 0 && i + 1 < codePoints.length && emojiPart(codePoints[i - 1])
				&& emojiPart(codePoints[i + 1]);
	}

	private static boolean emojiPart(int codePoint) {
		int type = Character.getType(codePoint);
		// a symbol, a skin-tone modifier, or the emoji variation selector (U+FE0F)
		return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || codePoint == 0xFE0F;
	}

	/**
	 * A violation on {@code field} when {@code text} holds an invisible formatting
	 * character, else {@code null}.
	 */
	public static Violation check(String text, String field) {
		return hasInvisibleCharacters(text) ? Violation.of(field, INVISIBLE_CHARACTERS) : null;
	}

}
