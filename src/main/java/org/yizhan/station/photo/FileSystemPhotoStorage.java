package org.yizhan.station.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.BusyException;

/**
 * Keeps photos as files under a root folder, content-addressed: key {@code ab/abcdef...}
 * (the image's SHA-256, fanned out by its first two hex digits) maps to
 * {@code root/ab/abcdef....jpg} and {@code root/ab/abcdef....thumb.jpg}.
 *
 * <p>
 * Each file is written to a temporary file in the same folder, flushed to disk and then
 * renamed atomically, so a reader sees either no file or a complete one, and two requests
 * storing the same photo at once both succeed. Keys are checked against the exact form
 * this class hands out before they touch the file system, so a key from a request cannot
 * reach outside the root.
 *
 * <p>
 * A photo that cannot be written (the disk is full, the folder is read-only or gone) is
 * the server's trouble, not the uploader's: {@link #store} raises a {@link BusyException}
 * (503 with {@code Retry-After}, nothing of the upload kept: the temporary file is
 * removed and the caller's transaction rolls back) and logs the cause for the operator,
 * instead of a 500.
 */
public final class FileSystemPhotoStorage implements PhotoStorage {

	/** How long an uploader is asked to wait while the photo folder cannot be written. */
	static final Duration RETRY_WHEN_UNWRITABLE = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(FileSystemPhotoStorage.class);

	private static final Pattern KEY = Pattern.compile("([0-9a-f]{2})/(\\1[0-9a-f]{62})");

	private final Path root;

	public FileSystemPhotoStorage(Path root) {
		this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
	}

	@Override
	public String store(ProcessedPhoto photo) {
		String key = photo.sha256().substring(0, 2) + "/" + photo.sha256();
		Path image = fileFor(key, false);
		Path thumbnail = fileFor(key, true);
		boolean thumbnailWritten = false;
		try {
			Files.createDirectories(image.getParent());
			// Thumbnail first: once the image exists, its thumbnail does too.
			thumbnailWritten = writeAtomically(thumbnail, photo.thumbnail());
			writeAtomically(image, photo.image());
		}
		catch (IOException ex) {
			if (thumbnailWritten && !Files.exists(image)) {
				// A thumbnail without its image is of no use and holds space the disk
				// lacks.
				deleteQuietly(thumbnail);
			}
			log.error("Storing photo {} under {} failed; uploads are answered 503 until it can be written", key,
					this.root, ex);
			throw new BusyException(RETRY_WHEN_UNWRITABLE, "photo.storageUnwritable");
		}
		return key;
	}

	@Override
	public Optional<byte[]> read(String key, boolean thumbnail) {
		Path file = fileFor(key, thumbnail);
		try {
			return Optional.of(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading photo " + key + " failed", ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(fileFor(key, false));
			Files.deleteIfExists(fileFor(key, true));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Deleting photo " + key + " failed", ex);
		}
	}

	private Path fileFor(String key, boolean thumbnail) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a photo key: " + key);
		}
		String hash = key.substring(3);
		Path file = this.root.resolve(key.substring(0, 2))
			.resolve(thumbnail ? hash + ".thumb.jpg" : hash + ".jpg")
			.normalize();
		// The pattern already allows only hex digits and one slash; this guards later
		// edits.
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("Photo key escapes the storage root: " + key);
		}
		return file;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not remove the unused thumbnail {}", file, ex);
		}
	}

	/** Whether this call wrote the file (not when it was there already). */
	private static boolean writeAtomically(Path target, byte[] content) throws IOException {
		if (Files.exists(target)) {
			return false; // same name, same content
		}
		Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		return true;
	}

}
