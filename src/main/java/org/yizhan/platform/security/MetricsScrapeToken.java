package org.yizhan.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one credential that reads {@code /actuator/prometheus}: a secret shared with the
 * Prometheus server ({@code yizhan.metrics.scrape-token}, sent as
 * {@code Authorization: Bearer …}), and nothing else. It belongs to no account, so it
 * opens no page and no API call, and an account's password or token does not open the
 * metrics (ADR 0031).
 *
 * <p>
 * Only the SHA-256 of the secret is kept, and a presented token is compared by its digest
 * with {@link MessageDigest#isEqual}, which takes the same time wherever the digests
 * differ: the time of an answer tells nothing about how much of a guess was right, and
 * comparing digests of equal length hides the secret's length too.
 */
final class MetricsScrapeToken {

	/**
	 * Long enough that guessing is hopeless: {@code openssl rand -base64 32} gives 44.
	 */
	static final int MINIMUM_LENGTH = 32;

	private final byte[] digest;

	private MetricsScrapeToken(byte[] digest) {
		this.digest = digest;
	}

	/**
	 * The configured token; without one, no request reads the metrics.
	 * @throws IllegalStateException when a token is set but too short to be a secret
	 */
	static MetricsScrapeToken of(String configured) {
		if (configured == null || configured.isBlank()) {
			return new MetricsScrapeToken(null);
		}
		String token = configured.strip();
		if (token.length() < MINIMUM_LENGTH) {
			throw new IllegalStateException(
					"yizhan.metrics.scrape-token has " + token.length() + " characters; a scrape token needs at least "
							+ MINIMUM_LENGTH + " (for example the output of 'openssl rand -base64 32')");
		}
		return new MetricsScrapeToken(sha256(token));
	}

	/**
	 * Whether any token is configured: without one the metrics are closed to everyone.
	 */
	boolean configured() {
		return this.digest != null;
	}

	/** Whether a presented token is the configured one, in constant time. */
	boolean matches(String presented) {
		if (this.digest == null || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(this.digest, sha256(presented.strip()));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
