package org.yizhan.rating.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What stands for a phone in the database: keyed hashes (HMAC-SHA256 with a server
 * secret, cut to 16 bytes) of its device id and of its browser fingerprint, never the
 * values themselves. Without the key, a stored hash cannot be matched to a cookie, nor
 * computed from one; with it, the same device always gives the same hash, which is what
 * "one rating per device, station and day" needs. 128 bits keep collisions out of reach
 * at any realistic number of phones and keep the indexes small.
 */
public final class DeviceIdentity {

	static final int HASH_BYTES = 16;

	private static final byte[] DEVICE = "yizhan device\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FINGERPRINT = "yizhan fingerprint\0".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec key;

	/** A MAC per request thread: initialising one costs more than the hash itself. */
	private final ThreadLocal<Mac> macs;

	public DeviceIdentity(byte[] secret) {
		if (secret == null || secret.length < 32) {
			throw new IllegalArgumentException("The device key has at least 32 bytes");
		}
		this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/** The keyed hash of a device id (already checked for its shape). */
	public byte[] deviceHash(String deviceId) {
		return hash(DEVICE, deviceId);
	}

	/** The keyed hash of a browser fingerprint (already checked for its shape). */
	public byte[] fingerprintHash(String fingerprint) {
		return hash(FINGERPRINT, fingerprint);
	}

	private byte[] hash(byte[] domain, String value) {
		Mac mac = macs.get();
		mac.update(domain);
		return Arrays.copyOf(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)), HASH_BYTES);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
