package org.yizhan.station;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.station.photo.FileSystemPhotoStorage;
import org.yizhan.station.photo.PhotoProcessor;
import org.yizhan.station.photo.PhotoRejectedException;
import org.yizhan.station.photo.PhotoStorage;
import org.yizhan.station.photo.ProcessedPhoto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos taken at a station as evidence of work done there (a resolved problem ticket),
 * for other modules: checked, re-encoded and stored exactly as station photos are, so no
 * EXIF (GPS position, camera serial) or hidden bytes survive, and read back by the key
 * they were stored under; whether a caller may see one is the caller's rule. They are
 * kept apart from station photos, in {@code evidence/} under {@code yizhan.photos.dir}:
 * storage is by content, and removing a station photo must never remove the same picture
 * kept as evidence, nor the other way round.
 */
@Service
public class EvidencePhotos {

	private final PhotoProcessor processor;

	private final PhotoStorage storage;

	EvidencePhotos(PhotoProcessor processor, @Value("${yizhan.photos.dir}") Path photos) {
		this.processor = processor;
		this.storage = new FileSystemPhotoStorage(photos.resolve("evidence"));
	}

	/**
	 * Re-encodes and stores an upload, inside the caller's transaction. The file is
	 * written before the caller's row; if the transaction then rolls back, the file goes
	 * again, unless one of the caller's own rows already shows the same picture
	 * ({@code inUseByCaller}; storage is by content). Decoding holds the caller's
	 * database connection while it runs (bounded by the decoding slots); a caller that
	 * can should {@link #prepare} the upload before its transaction and
	 * {@link #store(Prepared, Predicate) store} it inside.
	 * @param field the request field the upload came in, named in a refusal
	 * @return the key to read the photo with
	 * @throws InvalidInputException naming {@code field} when the upload is empty, not a
	 * JPEG, PNG or WebP, over 5 MB, 40 megapixels or 8 bits per sample, or broken
	 * @throws org.yizhan.platform.BusyException when every decoding slot is taken
	 */
	public String store(byte[] upload, String field, Predicate<String> inUseByCaller) {
		return store(prepare(upload, field), inUseByCaller);
	}

	/**
	 * Checks and re-encodes an upload without storing it: the slow part of
	 * {@link #store(byte[], String, Predicate)}, to be done outside any transaction.
	 * @throws InvalidInputException naming {@code field} as {@code store} does
	 * @throws org.yizhan.platform.BusyException when every decoding slot is taken
	 */
	public Prepared prepare(byte[] upload, String field) {
		try {
			return new Prepared(this.processor.process(upload));
		}
		catch (PhotoRejectedException ex) {
			throw new InvalidInputException(Violation.of(field, ex.messageCode()));
		}
	}

	/**
	 * Stores a prepared photo, inside the caller's transaction, as {@code store} does.
	 */
	public String store(Prepared prepared, Predicate<String> inUseByCaller) {
		String key = this.storage.store(prepared.photo);
		if (!inUseByCaller.test(key) && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						EvidencePhotos.this.storage.delete(key);
					}
				}
			});
		}
		return key;
	}

	/** The stored JPEG, or its thumbnail; empty when nothing is stored under the key. */
	public Optional<byte[]> read(String key, boolean thumbnail) {
		return this.storage.read(key, thumbnail);
	}

	/** An upload checked and re-encoded, ready to be stored. */
	public static final class Prepared {

		private final ProcessedPhoto photo;

		private Prepared(ProcessedPhoto photo) {
			this.photo = photo;
		}

	}

}
