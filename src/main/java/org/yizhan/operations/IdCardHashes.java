package org.yizhan.operations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What stands for an ID card at a door: HMAC-SHA256 of its number under a key of this
 * module's own, cut to 16 bytes. The number itself is never stored nor logged; without
 * the key the hash cannot be turned back into a number by trying the few billion valid
 * ones, and with its own key it cannot be matched to another table's hashes. It keeps one
 * card from counting twice within the check-in period and is erased after 180 days
 * ({@link DoorJobs}).
 */
@Component
class IdCardHashes {

	static final int HASH_BYTES = 16;

	/** 17 digits and a check character (GB 11643). */
	private static final Pattern NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECKS = "10X98765432";

	private static final byte[] DOMAIN = "yizhan door id card\0".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec key;

	IdCardHashes(@Value("${yizhan.operations.doors.card-key:}") String cardKey,
			@Value("${yizhan.operations.doors.card-key-file:./yizhan-data/keys/door-cards.properties}") Path file) {
		byte[] secret = DevelopmentKeyFile.configuredOrDevelopment(cardKey, file, "door ID card hashes",
				"yizhan.operations.doors.card-key");
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** The number as a card reader may send it (spaces, a lower-case x), normalised. */
	static String normalise(String number) {
		return number.replace(" ", "").strip().toUpperCase(Locale.ROOT);
	}

	/** Whether a normalised number has the form and the check character of an ID card. */
	static boolean valid(String number) {
		if (!NUMBER.matcher(number).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECKS.charAt(sum % 11) == number.charAt(17);
	}

	/** The keyed hash of a valid, normalised number. */
	byte[] hash(String number) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(DOMAIN);
			return Arrays.copyOf(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)), HASH_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
