package org.yizhan.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret kept in a file beside the embedded database, generated at the first start, for
 * development and tests where no secret store exists: every key of yizhan (QR tokens,
 * device hashes, personal data) falls back to one when its property is unset. Production
 * configures the keys instead, since instances sharing a database must share them.
 *
 * <p>
 * The file is written whole under a temporary name readable by its owner only and then
 * linked into place, so two instances starting together end up with one key (the second
 * link fails and that instance reads the first one's) and a crash never leaves half a
 * key.
 */
public final class DevelopmentKeyFile {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentKeyFile.class);

	private static final SecureRandom random = new SecureRandom();

	private DevelopmentKeyFile() {
	}

	/** Base64 of 32 random bytes: one new key. */
	public static String newKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * A single secret key: the configured one ({@code configured}, base64), or else the
	 * development key kept in {@code file} (generated at the first start); either must be
	 * at least 32 bytes.
	 * @param purpose what the key is for, in the file's comment and the warning
	 * @param property the property that production should set instead
	 * @throws IllegalStateException when the key is not base64 or is too short
	 */
	public static byte[] configuredOrDevelopment(String configured, Path file, String purpose, String property) {
		String base64 = configured;
		if (base64 == null || base64.isBlank()) {
			base64 = readOrCreate(file, Map.of("key", newKey()), purpose, property).getProperty("key");
			if (base64 == null) {
				throw new IllegalStateException("The key file " + file + " for " + purpose + " holds no key");
			}
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not base64: " + ex.getMessage());
		}
		if (key.length < 32) {
			throw new IllegalStateException(property + " must be base64 of at least 32 random bytes");
		}
		return key;
	}

	/**
	 * The entries of {@code file}, first writing {@code firstEntries} into it if it does
	 * not exist yet.
	 * @param purpose what the key is for, in the file's comment and the warning
	 * @param property the property that production should set instead
	 */
	public static Properties readOrCreate(Path file, Map<String, String> firstEntries, String purpose,
			String property) {
		try {
			if (Files.notExists(file)) {
				create(file, firstEntries, purpose, property);
			}
			Properties entries = new Properties();
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				entries.load(in);
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the " + purpose + " key file " + file, ex);
		}
	}

	private static void create(Path file, Map<String, String> entries, String purpose, String property)
			throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path partial = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the folder's own permissions have to do.
			}
			Properties stored = new Properties();
			stored.putAll(entries);
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				stored.store(out, "yizhan development key for " + purpose + ": not for production");
			}
			try {
				Files.createLink(file, partial);
				log.warn(
						"No {} configured: generated a development key for {} in {}. "
								+ "In production, configure it from a secret store.",
						property, purpose, file.toAbsolutePath());
			}
			catch (FileAlreadyExistsException ex) {
				// Another instance on this machine was first: its key is the one.
			}
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

}
