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
 * The rules a password must meet, in one of two shipped profiles chosen with
 * {@code yizhan.security.password-policy}:
 * <ul>
 * <li>{@code dengbao} (等保 2.0, the default): at least 8 characters from at least 3 of the
 * 4 classes (lower case, upper case, digits, other), changed every 90 days;</li>
 * <li>{@code asvs} (OWASP ASVS 4 §2.1): at least 12 characters, no composition rules, no
 * rotation, and not one of the 10,000 most common passwords
 * ({@code security/common-passwords.txt}).</li>
 * </ul>
 * Both refuse the username as password and lock an account for 30 minutes after 5
 * consecutive failed sign-ins.
 */
@Component
public class PasswordPolicy {

	public static final int MAX_FAILED_ATTEMPTS = 5;

	public static final Duration LOCKOUT = Duration.ofMinutes(30);

	static final int MAX_LENGTH = 128;

	private static final Duration DENGBAO_ROTATION = Duration.ofDays(90);

	private final Profile profile;

	private final Set<String> commonPasswords;

	/** The shipped profiles. */
	public enum Profile {

		DENGBAO, ASVS

	}

	PasswordPolicy(@Value("${yizhan.security.password-policy:dengbao}") String profile) {
		this.profile = Profile.valueOf(profile.strip().toUpperCase(Locale.ROOT));
		this.commonPasswords = this.profile == Profile.ASVS ? readCommonPasswords() : Set.of();
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
		if (username != null && password.equalsIgnoreCase(username.strip())) {
			violations.add(Violation.of(field, "account.password.sameAsUsername"));
		}
		if (profile == Profile.DENGBAO) {
			if (password.length() < 8) {
				violations.add(Violation.of(field, "account.password.tooShort", 8));
			}
			if (classes(password) < 3) {
				violations.add(Violation.of(field, "account.password.classes"));
			}
		}
		else {
			if (password.codePointCount(0, password.length()) < 12) {
				violations.add(Violation.of(field, "account.password.tooShort", 12));
			}
			if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
				violations.add(Violation.of(field, "account.password.common"));
			}
		}
		return violations;
	}

	/** Whether a password set at {@code changedAt} must be changed before going on. */
	public boolean isExpired(Instant changedAt, Instant now) {
		return profile == Profile.DENGBAO && !now.isBefore(changedAt.plus(DENGBAO_ROTATION));
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
