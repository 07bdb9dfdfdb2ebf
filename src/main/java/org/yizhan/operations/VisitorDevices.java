package org.yizhan.operations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What stands for a phone while its check-in period runs: the keyed hash the ratings use
 * (HMAC-SHA256 of the page's device id, cut to 16 bytes), under a key of its own. With
 * its own key a visit's guard row cannot be matched to the same phone's ratings or
 * problem reports, even by someone who reads both tables; and the row itself is gone
 * shortly after the period ends ({@link VisitGuardPurge}).
 */
@Component
class VisitorDevices {

	static final int HASH_BYTES = 16;

	private static final byte[] DOMAIN = "yizhan visit device\0".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A coupon's guard hashes the same device id under another domain: the two rows of
	 * one phone cannot be matched to each other.
	 */
	private static final byte[] COUPON_DOMAIN = "yizhan coupon device\0".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec key;

	/** A MAC per request thread: initialising one costs more than the hash itself. */
	private final ThreadLocal<Mac> macs;

	VisitorDevices(@Value("${yizhan.operations.visits.device-key:}") String deviceKey,
			@Value("${yizhan.operations.visits.device-key-file:./yizhan-data/keys/visit-devices.properties}") Path file) {
		byte[] secret = DevelopmentKeyFile.configuredOrDevelopment(deviceKey, file, "visit check-in device hashes",
				"yizhan.operations.visits.device-key");
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/** The keyed hash of a device id (already checked for its shape). */
	byte[] hash(String deviceId) {
		return hash(DOMAIN, deviceId);
	}

	/** The keyed hash that guards a coupon's once-a-day rule (its own domain). */
	byte[] hashForCoupons(String deviceId) {
		return hash(COUPON_DOMAIN, deviceId);
	}

	private byte[] hash(byte[] domain, String deviceId) {
		Mac mac = this.macs.get();
		mac.update(domain);
		return Arrays.copyOf(mac.doFinal(deviceId.getBytes(StandardCharsets.US_ASCII)), HASH_BYTES);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
