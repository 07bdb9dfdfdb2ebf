package org.yizhan.station;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.yizhan.platform.Violation;

/**
 * The token printed in a station's QR code: {@code /r/{token}}. It names the station and
 * is signed, so that nobody can rate a station by guessing its number or forge a code for
 * a station that does not have one.
 *
 * <p>
 * The token is short because it is printed: base64url of a format version, the id of the
 * signing key, the station id as a varint and the first 12 bytes of an HMAC-SHA256 over
 * the rest (96 bits; forging one online, behind rate limits, is out of reach). Keys
 * rotate: new tokens are signed with the active key; a token signed with a retired key
 * keeps working for a grace period after its retirement, so posters already on the walls
 * can be replaced in that time, and is refused as expired after it.
 */
public final class StationTokens {

	static final int FORMAT_VERSION = 1;

	private static final int MAC_BYTES = 12;

	private static final byte[] DOMAIN = "yizhan station rating token".getBytes(StandardCharsets.US_ASCII);

	private final Map<Integer, SigningKey> keys;

	private final int activeKey;

	private final Duration grace;

	private final Clock clock;

	/**
	 * @param keys the key ring by key id (1–255)
	 * @param activeKey the key that signs new tokens; it must not be retired
	 * @param grace how long tokens of a retired key keep working after its retirement
	 */
	public StationTokens(Map<Integer, SigningKey> keys, int activeKey, Duration grace, Clock clock) {
		this.keys = new TreeMap<>(keys);
		this.activeKey = activeKey;
		this.grace = grace;
		this.clock = clock;
		SigningKey active = this.keys.get(activeKey);
		if (active == null) {
			throw new IllegalArgumentException("The active rating-token key " + activeKey + " is not in the key ring");
		}
		if (active.retiredAt() != null) {
			throw new IllegalArgumentException("The active rating-token key " + activeKey + " is retired");
		}
		this.keys.keySet().forEach((id) -> {
			if (id < 1 || id > 255) {
				throw new IllegalArgumentException("Rating-token key ids are 1–255, not " + id);
			}
		});
	}

	/** The token for a station's QR code, signed with the active key. */
	public String issue(StationId station) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(24);
		out.write(FORMAT_VERSION);
		out.write(activeKey);
		writeVarint(out, station.value());
		byte[] signed = out.toByteArray();
		out.writeBytes(mac(keys.get(activeKey), signed));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
	}

	/** Reads a token from a scanned code; never throws on bad input. */
	public Verdict open(String token) {
		if (token == null || token.isEmpty() || token.length() > 64) {
			return new Refused(Refusal.MALFORMED);
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return new Refused(Refusal.MALFORMED);
		}
		if (bytes.length < 3 + MAC_BYTES || (bytes[0] & 0xff) != FORMAT_VERSION) {
			return new Refused(Refusal.MALFORMED);
		}
		int body = bytes.length - MAC_BYTES;
		long station = 0;
		int shift = 0;
		int position = 2;
		while (true) {
			if (position >= body || shift > 56) {
				return new Refused(Refusal.MALFORMED);
			}
			int b = bytes[position++] & 0xff;
			station |= (long) (b & 0x7f) << shift;
			shift += 7;
			if ((b & 0x80) == 0) {
				break;
			}
		}
		if (position != body || station <= 0) {
			return new Refused(Refusal.MALFORMED);
		}
		int keyId = bytes[1] & 0xff;
		SigningKey key = keys.get(keyId);
		if (key == null) {
			// A key taken out of the ring altogether: its codes are past any grace
			// period.
			return new Refused(Refusal.EXPIRED);
		}
		byte[] expected = mac(key, Arrays.copyOf(bytes, body));
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, body, bytes.length))) {
			return new Refused(Refusal.FORGED);
		}
		if (key.retiredAt() != null) {
			Instant expires = key.retiredAt().plus(grace);
			if (!clock.instant().isBefore(expires)) {
				return new Refused(Refusal.EXPIRED);
			}
			return new Valid(StationId.of(station), keyId, Optional.of(expires));
		}
		return new Valid(StationId.of(station), keyId, Optional.empty());
	}

	/**
	 * The station a token of a worker's request names, for a use case that refuses a bad
	 * token as an invalid field: {@code null} after adding the refusal to
	 * {@code violations} as {@code <messagePrefix>.token.malformed}, {@code .forged} or
	 * {@code .expired}, so each use case words the refusal for its own page.
	 */
	public StationId stationOrRefusal(String token, String field, String messagePrefix, List<Violation> violations) {
		Verdict verdict = open(token);
		if (verdict instanceof Valid valid) {
			return valid.station();
		}
		Refusal reason = ((Refused) verdict).reason();
		violations.add(Violation.of(field, messagePrefix + ".token." + reason.name().toLowerCase(Locale.ROOT)));
		return null;
	}

	/**
	 * The most recent rotation the key ring records: when the key retired last stopped
	 * signing (the moment every station's code changed, if the operator retired it when
	 * the new key went live, as the README asks) and when the codes it signed stop
	 * working. Empty while no key of the ring has been retired: then nothing is known
	 * about when the codes were made.
	 */
	public Optional<Rotation> lastRotation() {
		return this.keys.values()
			.stream()
			.map(SigningKey::retiredAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.map((retired) -> new Rotation(retired, retired.plus(this.grace)));
	}

	private static byte[] mac(SigningKey key, byte[] signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
			mac.update(DOMAIN);
			return Arrays.copyOf(mac.doFinal(signed), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static void writeVarint(ByteArrayOutputStream out, long value) {
		long rest = value;
		while ((rest & ~0x7fL) != 0) {
			out.write((int) ((rest & 0x7f) | 0x80));
			rest >>>= 7;
		}
		out.write((int) rest);
	}

	/**
	 * One key of the ring.
	 *
	 * @param secret at least 32 bytes
	 * @param retiredAt when it stopped signing new tokens, or {@code null} while it may
	 */
	public record SigningKey(byte[] secret, Instant retiredAt) {

		public SigningKey {
			if (secret == null || secret.length < 32) {
				throw new IllegalArgumentException("A rating-token key has at least 32 bytes");
			}
			secret = secret.clone();
		}

	}

	/**
	 * A rotation of the key ring.
	 *
	 * @param retiredAt when the retired key stopped signing new codes
	 * @param oldCodesExpire when the codes it signed stop working (posters signed with it
	 * must be replaced before)
	 */
	public record Rotation(Instant retiredAt, Instant oldCodesExpire) {

	}

	/** What a scanned token says. */
	public sealed interface Verdict permits Valid, Refused {

	}

	/**
	 * A genuine token.
	 *
	 * @param station the station it names
	 * @param keyId the key that signed it
	 * @param expires when a code signed with a retired key stops working (its poster is
	 * due for a reprint); empty for the active key
	 */
	public record Valid(StationId station, int keyId, Optional<Instant> expires) implements Verdict {

	}

	/** A token that is refused, and why. */
	public record Refused(Refusal reason) implements Verdict {

	}

	/** Why a token is refused. */
	public enum Refusal {

		/** Not a token of ours at all: wrong length, alphabet or format version. */
		MALFORMED,
		/** Well-formed, but the signature does not match: altered or made up. */
		FORGED,
		/** Signed with a key retired longer ago than the grace period. */
		EXPIRED

	}

}
