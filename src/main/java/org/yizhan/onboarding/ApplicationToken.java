package org.yizhan.onboarding;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The applicant's key to an application's status: 128 random bits in 22 URL-safe base64
 * characters. Whoever holds it reads that one application's status and nothing else; it
 * cannot be guessed, and nothing about other applications (their number, their order) can
 * be read from it.
 *
 * @param value the 22 characters
 */
public record ApplicationToken(String value) {

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public ApplicationToken {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an application token");
		}
	}

	public static ApplicationToken random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new ApplicationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The token in {@code text}; empty for anything that cannot be one. */
	public static Optional<ApplicationToken> parse(String text) {
		return (text != null && FORM.matcher(text).matches()) ? Optional.of(new ApplicationToken(text))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
