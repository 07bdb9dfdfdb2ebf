package org.yizhan.onboarding;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the 31 of
 * {@link #ALPHABET} (digits and capitals without I, O, Z, S and V, which read like
 * digits), the last a check character over the first 17.
 *
 * <p>
 * The check is the standard's: each of the first 17 characters is worth its index in the
 * alphabet, weighted by 3<sup>i</sup> mod 31 (1, 3, 9, 27, 19, 26, ...); the check
 * character is the one worth {@code 31 − (sum mod 31)}, and 0 where that is 31. It
 * catches every single mistyped character and every swap of two neighbours. Only the
 * check digit is judged: the ninth to seventeenth characters carry an older organisation
 * code with its own GB 11714 check, which codes issued to individual businesses do not
 * always keep, so refusing on it would refuse real codes.
 *
 * @param value the 18 characters, upper case
 */
public record CreditCode(String value) {

	/** The 31 characters a code is written in, in the order of their values. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	public static final int LENGTH = 18;

	private static final int[] WEIGHTS = weights();

	public CreditCode {
		if (problem(value).isPresent()) {
			throw new IllegalArgumentException("Not a unified social credit code: " + value);
		}
	}

	/**
	 * The code in {@code text}, stripped and upper-cased (people type
	 * {@code 91330106mA…}).
	 * @return empty when it is not a valid code
	 */
	public static Optional<CreditCode> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String normalised = text.strip().toUpperCase(Locale.ROOT);
		return problem(normalised).isEmpty() ? Optional.of(new CreditCode(normalised)) : Optional.empty();
	}

	/**
	 * Why {@code text} (already normalised) is not a code: {@code length},
	 * {@code character} or {@code checkDigit}; empty when it is one.
	 */
	public static Optional<String> problem(String text) {
		if (text == null || text.length() != LENGTH) {
			return Optional.of("length");
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(text.charAt(i)) < 0) {
				return Optional.of("character");
			}
		}
		return (text.charAt(LENGTH - 1) == checkCharacter(text)) ? Optional.empty() : Optional.of("checkDigit");
	}

	/** The check character the first 17 characters of {@code text} call for. */
	public static char checkCharacter(String text) {
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			int value = ALPHABET.indexOf(text.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("'" + text.charAt(i) + "' is not a credit code character");
			}
			sum += value * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	private static int[] weights() {
		int[] weights = new int[LENGTH - 1];
		int weight = 1;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = weight;
			weight = weight * 3 % 31;
		}
		return weights;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
