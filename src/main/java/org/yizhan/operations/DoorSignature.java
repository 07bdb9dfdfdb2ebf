package org.yizhan.operations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a door device signs a request (ADR 0029, docs/api.md): HMAC-SHA256 under the
 * device's secret (its ASCII bytes, exactly as shown when the device was registered) over
 *
 * <pre>
 * METHOD + "\n" + PATH + "\n" + TIMESTAMP + "\n" + NONCE + "\n" + hex(SHA-256(body))
 * </pre>
 *
 * in lower-case hex, sent with the device's id, the timestamp (Unix seconds) and the
 * nonce (16–64 of {@code A-Z a-z 0-9 _ -}, new for every request) in the headers
 * {@code X-Door-Device}, {@code X-Door-Timestamp}, {@code X-Door-Nonce} and
 * {@code X-Door-Signature}. The path is the request's path without its query; an empty
 * body hashes as the empty string. Public and free of Spring, so that a device maker can
 * copy it.
 */
public final class DoorSignature {

	public static final String DEVICE_HEADER = "X-Door-Device";

	public static final String TIMESTAMP_HEADER = "X-Door-Timestamp";

	public static final String NONCE_HEADER = "X-Door-Nonce";

	public static final String SIGNATURE_HEADER = "X-Door-Signature";

	private DoorSignature() {
	}

	/** The signature of a request, lower-case hex. */
	public static String sign(String secret, String method, String path, long timestamp, String nonce, byte[] body) {
		return HexFormat.of().formatHex(mac(secret, canonical(method, path, timestamp, nonce, body)));
	}

	/** Whether {@code signature} is the request's, compared in constant time. */
	public static boolean matches(String secret, String method, String path, long timestamp, String nonce, byte[] body,
			String signature) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(given, mac(secret, canonical(method, path, timestamp, nonce, body)));
	}

	static String canonical(String method, String path, long timestamp, String nonce, byte[] body) {
		return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
	}

	static byte[] mac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static String sha256Hex(byte[] body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
