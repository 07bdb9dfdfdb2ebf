package org.yizhan.rating.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intake's settings and its device key. In production the key comes from a secret
 * store ({@code yizhan.rating.intake.device-key}, base64 of ≥ 32 bytes), the same on
 * every instance; without it, a development key is generated once into
 * {@code yizhan.rating.intake.device-key-file}, so that devices keep their identity
 * across restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IntakeProperties.class, RatingLimitProperties.class, AbuseProperties.class })
class IntakeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

	@Bean
	DeviceIdentity deviceIdentity(IntakeProperties properties) {
		String secret = properties.deviceKey();
		if (secret == null || secret.isBlank()) {
			secret = developmentKey(properties.deviceKeyFile());
		}
		try {
			return new DeviceIdentity(Base64.getDecoder().decode(secret.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"yizhan.rating.intake.device-key must be base64 of at least 32 random bytes: " + ex.getMessage());
		}
	}

	private static String developmentKey(Path file) {
		try {
			if (Files.notExists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.createDirectories(file.toAbsolutePath().getParent());
				Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "device-key", ".tmp");
				try {
					Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system: the folder's own permissions have to do.
				}
				Properties ring = new Properties();
				ring.setProperty("key", Base64.getEncoder().encodeToString(key));
				try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
					ring.store(out, "yizhan development key for rating device hashes: not for production");
				}
				try {
					// Two instances starting together must end up with one key.
					Files.createLink(file, partial);
					log.warn("No yizhan.rating.intake.device-key configured: generated a development key in {}. "
							+ "In production, configure the key from a secret store.", file.toAbsolutePath());
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// Another instance was first; use its key.
				}
				finally {
					Files.deleteIfExists(partial);
				}
			}
			Properties ring = new Properties();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				ring.load(in);
			}
			return ring.getProperty("key");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the rating device key " + file, ex);
		}
	}

}
