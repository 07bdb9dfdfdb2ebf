package org.yizhan.ticket;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns the device id a reporter's phone sends into what is stored: an HMAC-SHA256 under
 * a server key. Equal devices still compare equal, which is all the duplicate check and
 * the per-device limit need, while the stored value can neither be turned back into the
 * phone's cookie nor recomputed from a guess without the key.
 */
@Component
public class DeviceHashes {

	private static final Logger log = LoggerFactory.getLogger(DeviceHashes.class);

	private static final byte[] DOMAIN = "yizhan problem-ticket device".getBytes(StandardCharsets.US_ASCII);

	private final SecretKeySpec key;

	DeviceHashes(TicketSettings settings) {
		byte[] secret = (settings.deviceKey() != null && !settings.deviceKey().isBlank()) ? decode(settings.deviceKey())
				: developmentKey(settings.deviceKeyFile());
		if (secret.length < 32) {
			throw new IllegalStateException("yizhan.rating.tickets.device-key must be at least 32 bytes");
		}
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

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("yizhan.rating.tickets.device-key is not base64");
		}
	}

	/**
	 * A key kept in a file, generated at the first start: for development and tests,
	 * where no secret store exists. Instances sharing a database must share the key, so
	 * production configures it.
	 */
	private static byte[] developmentKey(Path file) {
		try {
			if (Files.notExists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.createDirectories(file.toAbsolutePath().getParent());
				try {
					Files.createFile(file);
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException ex) {
						// Not a POSIX file system: the folder's own permissions have to
						// do.
					}
					Properties stored = new Properties();
					stored.setProperty("key", Base64.getEncoder().encodeToString(key));
					try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
						stored.store(out,
								"yizhan development key for problem-ticket device hashes: not for production");
					}
					log.warn("No yizhan.rating.tickets.device-key configured: generated a development key in {}. "
							+ "In production, configure it from a secret store.", file.toAbsolutePath());
				}
				catch (FileAlreadyExistsException ex) {
					// Another instance on this machine made it first: read theirs.
				}
			}
			Properties stored = new Properties();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(in);
			}
			String key = stored.getProperty("key");
			if (key == null) {
				throw new IllegalStateException("The device-key file " + file + " holds no key");
			}
			return decode(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the device-key file " + file, ex);
		}
	}

}
