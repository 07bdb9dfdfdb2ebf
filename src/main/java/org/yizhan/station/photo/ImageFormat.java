package org.yizhan.station.photo;

import java.util.Optional;

/**
 * The upload formats we accept, recognised by their first bytes only: a file name or a
 * declared content type is whatever the client chose to send.
 */
enum ImageFormat {

	JPEG("jpeg"), PNG("png"), WEBP("webp");

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };

	private static final byte[] WEBP_TAG = { 'W', 'E', 'B', 'P' };

	private final String imageIoName;

	ImageFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	/** The ImageIO format name whose reader decodes this format. */
	String imageIoName() {
		return this.imageIoName;
	}

	static Optional<ImageFormat> detect(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		// RIFF, 4 bytes of little-endian size, then the form type.
		if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
