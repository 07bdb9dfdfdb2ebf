package org.yizhan.organization.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.yizhan.platform.Violation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules a password a person chooses must meet (changing their own, and the first one
 * after an admin set or reset a one-time password), in one of two shipped profiles chosen
 * with {@code yizhan.security.password-policy}:
 * <ul>
 * <li>{@code dengbao} (等保 2.0, the default): characters from at least 3 of the 4 classes
 * (lower case, upper case, digits, other), changed every 90 days;</li>
 * <li>{@code asvs} (OWASP ASVS 4 §2.1): no composition rules, no rotation.</li>
 * </ul>
 * Both want at least 12 characters (等保's 8 is a floor, and 8 characters from 3 classes is
 * what {@code Password1} meets), and both refuse a common password and one that holds the
 * username or the username reversed. A password is common when it is one of the 10,000
 * most common passwords ({@code security/common-passwords.txt}) once read the way
 * guessers read it: case ignored, the usual look-alike digits and symbols as the letters
 * they stand for ({@code P@ssw0rd} is {@code password}), and digits and symbols added
 * before or after it dropped ({@code Password2024!} is {@code password}).
 */
@Component
public class PasswordPolicy {

	static final int MAX_LENGTH = 128;

	static final int MIN_LENGTH = 12;

	/** Usernames shorter than this are only refused whole, not as a part. */
	private static final int SHORTEST_USERNAME_PART = 3;

	private static final Duration DENGBAO_ROTATION = Duration.ofDays(90);

	private final Profile profile;

	private final Set<String> commonPasswords;

	/** The shipped profiles. */
	public enum Profile {

		DENGBAO, ASVS

	}

	PasswordPolicy(@Value("${yizhan.security.password-policy:dengbao}") String profile) {
		this.profile = Profile.valueOf(profile.strip().toUpperCase(Locale.ROOT));
		this.commonPasswords = readCommonPasswords();
	}

	public Profile profile() {
		return profile;
	}

	/** Every rule {@code password} breaks, reported on {@code field}. */
	public List<Violation> check(String field, String username, String password) {
		List<Violation> violations = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			violations.add(Violation.of(field, "validation.required"));
			return violations;
		}
		if (password.length() > MAX_LENGTH) {
			violations.add(Violation.of(field, "validation.tooLong", MAX_LENGTH));
			return violations;
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			violations.add(Violation.of(field, "account.password.tooShort", MIN_LENGTH));
		}
		if (profile == Profile.DENGBAO && classes(password) < 3) {
			violations.add(Violation.of(field, "account.password.classes"));
		}
		if (holdsUsername(password, username)) {
			violations.add(Violation.of(field, "account.password.containsUsername"));
		}
		if (isCommon(password)) {
			violations.add(Violation.of(field, "account.password.common"));
		}
		return violations;
	}

	/** Whether a password set at {@code changedAt} must be changed before going on. */
	public boolean isExpired(Instant changedAt, Instant now) {
		return profile == Profile.DENGBAO && !now.isBefore(changedAt.plus(DENGBAO_ROTATION));
	}

	private static boolean holdsUsername(String password, String username) {
		if (username == null || username.isBlank()) {
			return false;
		}
		String name = username.strip().toLowerCase(Locale.ROOT);
		String lower = password.toLowerCase(Locale.ROOT);
		if (name.length() < SHORTEST_USERNAME_PART) {
			return lower.equals(name);
		}
		return lower.contains(name) || lower.contains(new StringBuilder(name).reverse());
	}

	private boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (commonPasswords.contains(lower)) {
			return true;
		}
		String core = trimDigitsAndSymbols(lower);
		String readAsLetters = trimDigitsAndSymbols(asLetters(core));
		return (!core.isEmpty() && commonPasswords.contains(core))
				|| (!readAsLetters.isEmpty() && commonPasswords.contains(readAsLetters));
	}

	/** The letters that look-alike digits and symbols stand for in a password. */
	private static String asLetters(String password) {
		StringBuilder letters = new StringBuilder(password.length());
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			letters.append(switch (c) {
				case '@', '4' -> 'a';
				case '8' -> 'b';
				case '3' -> 'e';
				case '1', '!', '|' -> 'i';
				case '0' -> 'o';
				case '$', '5' -> 's';
				case '7', '+' -> 't';
				default -> c;
			});
		}
		return letters.toString();
	}

	/**
	 * Without the digits and symbols before the first letter and after the last (where
	 * people put the ones a composition rule asks for). Only the middle of a password
	 * that is letters throughout is kept: {@code 123456} stays as it is.
	 */
	private static String trimDigitsAndSymbols(String password) {
		int start = 0;
		int end = password.length();
		while (start < end && !Character.isLetter(password.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(password.charAt(end - 1))) {
			end--;
		}
		return (start == end) ? password : password.substring(start, end);
	}

	private static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static Set<String> readCommonPasswords() {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank()) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common-password list", ex);
		}
		return passwords;
	}

}
