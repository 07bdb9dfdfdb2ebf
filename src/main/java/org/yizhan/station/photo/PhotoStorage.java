package org.yizhan.station.photo;

import java.util.Optional;

/**
 * Where processed station photos are kept. Keys are opaque to callers and derived from
 * the image content, so storing the same photo twice yields the same key and one copy.
 */
public interface PhotoStorage {

	/**
	 * Stores the image and its thumbnail; storing the same content again is harmless.
	 * @return the key to read or delete the photo with
	 */
	String store(ProcessedPhoto photo);

	/**
	 * Reads a stored photo.
	 * @param thumbnail {@code true} for the thumbnail, {@code false} for the display
	 * image
	 * @return the JPEG bytes, or empty when nothing is stored under the key
	 * @throws IllegalArgumentException if the key is not one this storage hands out
	 */
	Optional<byte[]> read(String key, boolean thumbnail);

	/**
	 * Deletes a stored photo and its thumbnail; deleting a missing photo does nothing.
	 * @throws IllegalArgumentException if the key is not one this storage hands out
	 */
	void delete(String key);

}
