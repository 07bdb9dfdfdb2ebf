package org.yizhan.station.photo;

import java.util.Objects;

/**
 * A re-encoded station photo, ready to store: both images are baseline JPEGs without
 * metadata. The arrays are not copied (they can be megabytes), so treat them as
 * read-only.
 *
 * @param image the display image, longest edge at most 2048 px
 * @param thumbnail the thumbnail, longest edge at most 320 px
 * @param width width of {@code image} in pixels, after EXIF orientation
 * @param height height of {@code image} in pixels, after EXIF orientation
 * @param sha256 lower-case hex SHA-256 of {@code image}; storage addresses content by it
 */
public record ProcessedPhoto(byte[] image, byte[] thumbnail, int width, int height, String sha256) {

	public ProcessedPhoto {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(thumbnail, "thumbnail");
		Objects.requireNonNull(sha256, "sha256");
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException("Photo size must be positive, was " + width + "x" + height);
		}
		// Storage trusts this hash as the file name, so a wrong one would break
		// de-duplication.
		if (!Sha256.hex(image).equals(sha256)) {
			throw new IllegalArgumentException("sha256 does not match the image bytes");
		}
	}

}
