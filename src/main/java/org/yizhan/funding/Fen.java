package org.yizhan.funding;

import java.math.BigDecimal;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

/**
 * Money as integer fen (分, a hundredth of a yuan), read from and written as yuan. Read
 * strictly: digits with at most two decimals, no sign, no exponent, no grouping; a third
 * decimal would be a fraction of a fen and is refused, never rounded.
 */
public final class Fen {

	/**
	 * 10 billion yuan: a national upkeep of 186,000 stations for a year is under half a
	 * billion.
	 */
	public static final long MAX = 1_000_000_000_000L;

	private static final java.util.regex.Pattern YUAN = java.util.regex.Pattern.compile("[0-9]{1,12}(\\.[0-9]+)?");

	private Fen() {
	}

	/**
	 * The fen of a yuan amount such as {@code 20000} or {@code 200.50}.
	 * @throws InvalidInputException naming {@code field}: missing, not a number,
	 * negative, a fraction of a fen, or over {@link #MAX}
	 */
	public static long parseYuan(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(Violation.of(field, "funding.amount.required"));
		}
		String text = value.strip();
		if (text.startsWith("-")) {
			throw new InvalidInputException(Violation.of(field, "funding.amount.negative", text));
		}
		if (!YUAN.matcher(text).matches()) {
			throw new InvalidInputException(Violation.of(field, "funding.amount.notNumber", text));
		}
		BigDecimal yuan = new BigDecimal(text);
		BigDecimal fen = yuan.movePointRight(2).stripTrailingZeros();
		if (fen.scale() > 0) {
			throw new InvalidInputException(Violation.of(field, "funding.amount.fractionOfFen", text));
		}
		if (fen.compareTo(BigDecimal.valueOf(MAX)) > 0) {
			throw new InvalidInputException(Violation.of(field, "funding.amount.tooLarge", format(MAX)));
		}
		return fen.longValueExact();
	}

	/** {@code 2000000} as {@code 20000.00}, {@code -20000} as {@code -200.00}. */
	public static String format(long fen) {
		String sign = fen < 0 ? "-" : "";
		long abs = Math.abs(fen);
		return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
	}

}
