package org.yizhan.station.photo;

import java.awt.image.BufferedImage;

/**
 * The EXIF Orientation tag of a JPEG, read straight from the bytes. Phones store the
 * sensor's pixels as they were and record the rotation here; since re-encoding drops
 * EXIF, we must turn the pixels ourselves or portrait photos end up lying on their side.
 *
 * <p>
 * Only IFD0 of the first {@code Exif} APP1 segment is read. Anything unexpected
 * (truncated segment, offsets out of bounds, wrong tag type, values outside 1..8) means
 * "as stored": a photo on its side is better than a rejected upload.
 */
final class ExifOrientation {

	/** As stored: no turning needed. */
	static final int NORMAL = 1;

	private static final int TAG_ORIENTATION = 0x0112;

	private static final int TYPE_SHORT = 3;

	private ExifOrientation() {
	}

	/** Returns the orientation 1..8, {@link #NORMAL} when absent or unreadable. */
	static int of(byte[] jpeg) {
		int pos = 2; // after SOI
		while (pos + 4 <= jpeg.length) {
			if ((jpeg[pos] & 0xFF) != 0xFF) {
				return NORMAL;
			}
			int marker = jpeg[pos + 1] & 0xFF;
			if (marker == 0xFF) { // fill byte before a marker
				pos++;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image: no
													// more headers
				return NORMAL;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without
																		// a length
				pos += 2;
				continue;
			}
			int length = u16(jpeg, pos + 2, false); // includes the two length bytes
			int payload = pos + 4;
			int payloadLength = length - 2;
			if (payloadLength < 0 || payload + payloadLength > jpeg.length) {
				return NORMAL;
			}
			if (marker == 0xE1 && isExif(jpeg, payload, payloadLength)) {
				return fromTiff(jpeg, payload + 6, payloadLength - 6);
			}
			pos = payload + payloadLength;
		}
		return NORMAL;
	}

	private static boolean isExif(byte[] b, int start, int length) {
		return length >= 6 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i' && b[start + 3] == 'f'
				&& b[start + 4] == 0 && b[start + 5] == 0;
	}

	private static int fromTiff(byte[] b, int tiff, int length) {
		if (length < 8) {
			return NORMAL;
		}
		boolean littleEndian;
		if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			littleEndian = true;
		}
		else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			littleEndian = false;
		}
		else {
			return NORMAL;
		}
		if (u16(b, tiff + 2, littleEndian) != 42) {
			return NORMAL;
		}
		long ifd = u32(b, tiff + 4, littleEndian);
		if (ifd < 8 || ifd + 2 > length) {
			return NORMAL;
		}
		int entries = u16(b, tiff + (int) ifd, littleEndian);
		for (int i = 0; i < entries; i++) {
			int entry = (int) ifd + 2 + 12 * i;
			if (entry + 12 > length) {
				return NORMAL;
			}
			if (u16(b, tiff + entry, littleEndian) == TAG_ORIENTATION) {
				if (u16(b, tiff + entry + 2, littleEndian) != TYPE_SHORT) {
					return NORMAL;
				}
				int value = u16(b, tiff + entry + 8, littleEndian);
				return (value >= 1 && value <= 8) ? value : NORMAL;
			}
		}
		return NORMAL;
	}

	/**
	 * Turns the pixels so the image shows upright. The image must be
	 * {@code TYPE_INT_RGB}.
	 */
	static BufferedImage apply(int orientation, BufferedImage source) {
		if (orientation < 2 || orientation > 8) {
			return source;
		}
		int w = source.getWidth();
		int h = source.getHeight();
		boolean swapsAxes = orientation >= 5;
		int outW = swapsAxes ? h : w;
		int outH = swapsAxes ? w : h;
		int[] in = source.getRGB(0, 0, w, h, null, 0, w);
		int[] out = new int[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				// Where the stored pixel (x, y) lands when displayed, per the EXIF 2.3
				// table.
				int tx;
				int ty;
				switch (orientation) {
					case 2 -> { // mirrored horizontally
						tx = w - 1 - x;
						ty = y;
					}
					case 3 -> { // rotated 180
						tx = w - 1 - x;
						ty = h - 1 - y;
					}
					case 4 -> { // mirrored vertically
						tx = x;
						ty = h - 1 - y;
					}
					case 5 -> { // transposed
						tx = y;
						ty = x;
					}
					case 6 -> { // needs 90 degrees clockwise
						tx = h - 1 - y;
						ty = x;
					}
					case 7 -> { // transversed
						tx = h - 1 - y;
						ty = w - 1 - x;
					}
					default -> { // 8: needs 90 degrees counter-clockwise
						tx = y;
						ty = w - 1 - x;
					}
				}
				out[ty * outW + tx] = in[y * w + x];
			}
		}
		BufferedImage result = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
		result.setRGB(0, 0, outW, outH, out, 0, outW);
		return result;
	}

	private static int u16(byte[] b, int at, boolean littleEndian) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return littleEndian ? (second << 8) | first : (first << 8) | second;
	}

	private static long u32(byte[] b, int at, boolean littleEndian) {
		long high = u16(b, littleEndian ? at + 2 : at, littleEndian);
		long low = u16(b, littleEndian ? at : at + 2, littleEndian);
		return (high << 16) | low;
	}

}
