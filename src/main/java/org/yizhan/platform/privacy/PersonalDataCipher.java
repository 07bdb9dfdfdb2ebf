package org.yizhan.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data (phone and ID numbers) for storage with AES-256-GCM, and opens it
 * again.
 *
 * <p>
 * A sealed value reads {@code v1.<key id>.<base64url(nonce | ciphertext | tag)>}. The key
 * id travels with the value so that a key ring can hold the active key and the retired
 * ones: values sealed before a rotation still open, new values are sealed with the active
 * key, and {@link SealedColumnRotation} re-seals old values in the background. That is
 * key rotation without downtime. The key id and format version are bound into the tag as
 * associated data, so a value cannot be relabelled to another key undetected.
 *
 * <p>
 * Each seal draws a fresh random 96-bit nonce: the same phone number sealed twice gives
 * two different values, so equal values cannot be spotted by comparing the column.
 */
public final class PersonalDataCipher {

	private static final String VERSION = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** Key ids are short and safe in the sealed form: no dot, no separator games. */
	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private final Map<String, SecretKey> keys;

	private final String activeKeyId;

	private final String activePrefix;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param keys every key that may have sealed a stored value, by id; each 32 bytes
	 * @param activeKeyId the key that seals new values
	 */
	public PersonalDataCipher(Map<String, byte[]> keys, String activeKeyId) {
		Objects.requireNonNull(keys, "keys");
		Map<String, SecretKey> ring = new LinkedHashMap<>();
		keys.forEach((id, key) -> {
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalArgumentException(
						"Personal-data key id '" + id + "' must be 1-32 letters, digits, '-' or '_'");
			}
			if (key.length != 32) {
				throw new IllegalArgumentException(
						"Personal-data key '" + id + "' has " + key.length + " bytes; AES-256 needs 32");
			}
			ring.put(id, new SecretKeySpec(key.clone(), "AES"));
		});
		if (!ring.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active personal-data key '" + activeKeyId
					+ "' is not among the configured keys " + ring.keySet());
		}
		this.keys = Map.copyOf(ring);
		this.activeKeyId = activeKeyId;
		this.activePrefix = VERSION + "." + activeKeyId + ".";
	}

	/** Seals {@code plaintext} with the active key; {@code null} stays {@code null}. */
	public String seal(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.activeKeyId, nonce);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return this.activePrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * Opens a value {@link #seal sealed} with any key of the ring; {@code null} stays
	 * {@code null}.
	 * @throws SealedValueException if the value is malformed, names an unknown key or was
	 * altered
	 */
	public String open(String sealed) {
		if (sealed == null) {
			return null;
		}
		String[] parts = sealed.split("\\.", -1);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new SealedValueException("not a sealed value");
		}
		String keyId = parts[1];
		if (!this.keys.containsKey(keyId)) {
			throw new SealedValueException("sealed with key '" + keyId + "', which is not configured");
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new SealedValueException("not a sealed value");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new SealedValueException("truncated");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new SealedValueException("altered or sealed with a different key");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Whether {@code sealed} is sealed with the active key (and needs no re-sealing). */
	public boolean isSealedWithActiveKey(String sealed) {
		return sealed != null && sealed.startsWith(this.activePrefix);
	}

	/** The SQL {@code LIKE} pattern of values sealed with the active key. */
	String activePattern() {
		return this.activePrefix.replace("_", "\\_") + "%";
	}

	String activeKeyId() {
		return this.activeKeyId;
	}

	private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD((VERSION + "." + keyId).getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

}
