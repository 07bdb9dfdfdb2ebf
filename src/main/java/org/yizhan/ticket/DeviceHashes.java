package org.yizhan.ticket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.stereotype.Component;

/**
 * Turns the device id a reporter's phone sends into what is stored: an HMAC-SHA256 under
 * a server key. Equal devices still compare equal, which is all the duplicate check and
 * the per-device limit need, while the stored value can neither be turned back into the
 * phone's cookie nor recomputed from a guess without the key.
 */
@Component
public class DeviceHashes {

	private static final byte[] DOMAIN = "yizhan problem-ticket device".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec key;

	DeviceHashes(TicketSettings settings) {
		byte[] secret = DevelopmentKeyFile.configuredOrDevelopment(settings.deviceKey(), settings.deviceKeyFile(),
				"problem-ticket device hashes", "yizhan.rating.tickets.device-key");
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** The stored form of a device id. */
	public byte[] hash(String deviceId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(DOMAIN);
			return mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
