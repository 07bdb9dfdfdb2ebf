package org.yizhan.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The short-lived entry code a worker's phone shows to a smart station's door at night
 * (ADR 0029): text a door controller checks with {@link EntryCodeVerifier} without a
 * network, holding only its own id, its station's id and its secret.
 *
 * <pre>
 * YZE1.&lt;station id&gt;.&lt;device id&gt;.&lt;expires, Unix seconds&gt;.&lt;nonce&gt;.&lt;mac&gt;
 * </pre>
 *
 * The nonce is 12 random bytes and the mac the first 16 bytes of HMAC-SHA256 under the
 * device's secret (its ASCII bytes) over everything before the last dot, both base64url
 * without padding; about 90 characters, a small QR code. A code names one door and lives
 * {@link #LIFETIME_SECONDS} seconds, so a screenshot passed on is soon worthless, and the
 * controller remembers the nonces it let in until they expire, so one code opens once.
 */
public final class EntryCodes {

	public static final String PREFIX = "YZE1";

	/** How long a code is good for: long enough to walk to the door. */
	public static final long LIFETIME_SECONDS = 120;

	static final int MAC_BYTES = 16;

	private EntryCodes() {
	}

	/** The code for one door, good until {@code expires}. */
	public static String issue(String secret, long stationId, long deviceId, Instant expires, byte[] nonce) {
		String signed = PREFIX + "." + stationId + "." + deviceId + "." + expires.getEpochSecond() + "."
				+ base64(nonce);
		return signed + "." + base64(mac(secret, signed));
	}

	static byte[] mac(String secret, String signed) {
		return Arrays.copyOf(DoorSignature.mac(secret, signed), MAC_BYTES);
	}

	static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
