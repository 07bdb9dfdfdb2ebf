package org.yizhan.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Builds test uploads in code (station photos, a ticket's evidence), so every byte a test
 * depends on is visible in the test sources.
 */
public final class TestImages {

	/**
	 * A 1x1 lossless (VP8L) WebP: the lossless probe from Google's WebP FAQ ("How can I
	 * detect browser support for WebP?"), used widely as a feature-detection image.
	 */
	public static final byte[] WEBP_LOSSLESS_1X1 = Base64.getDecoder()
		.decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	/** A 1x1 lossy (VP8) WebP, the lossy probe from the same FAQ. */
	public static final byte[] WEBP_LOSSY_1X1 = Base64.getDecoder()
		.decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

	/**
	 * Bytes that appear in the GPS latitude of {@link #exifApp1(int)}; must not survive.
	 */
	public static final byte[] GPS_MARKER = { 0x47, 0x50, 0x53, 0x21, 0x13, 0x37, 0x7E, 0x11 };

	private TestImages() {
	}

	/**
	 * A picture of the given size, left half red and right half blue, on an opaque
	 * ground.
	 */
	public static BufferedImage redLeftBlueRight(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.dispose();
		return image;
	}

	public static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, bytes)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static byte[] jpeg(int width, int height) {
		return encode(redLeftBlueRight(width, height), "jpeg");
	}

	public static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			if (image == null) {
				throw new IllegalStateException("Not decodable by ImageIO");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A 640 × 480 JPEG, as a phone takes it (a white sign on a green wall), with an EXIF
	 * segment holding the GPS position of {@link #exifApp1(int)}.
	 */
	public static byte[] jpegWithGps() {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 140, 90));
		graphics.fillRect(0, 0, 640, 480);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(200, 150, 240, 180);
		graphics.dispose();
		return withApp1AfterSoi(encode(image, "jpeg"), exifApp1(1));
	}

	/** Inserts an APP1 segment right after the SOI marker of a JPEG. */
	public static byte[] withApp1AfterSoi(byte[] jpeg, byte[] app1Payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = app1Payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(app1Payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * An APP1 payload {@code Exif\0\0} + little-endian TIFF: IFD0 holds Orientation and a
	 * pointer to a GPS IFD with latitude/longitude, laid out as cameras do.
	 */
	public static byte[] exifApp1(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: 2 entries (2 + 24 bytes) + next IFD offset (4) -> GPS IFD at 38
		tiff.putShort((short) 2);
		entry(tiff, 0x0112, 3, 1, orientation); // Orientation, SHORT, value inline
		entry(tiff, 0x8825, 4, 1, 38); // GPSInfo IFD pointer, LONG
		tiff.putInt(0);
		// GPS IFD at 38: 4 entries (2 + 48) + next (4) -> rationals at 92
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, 'N'); // GPSLatitudeRef "N\0", inline
		entry(tiff, 0x0002, 5, 3, 92); // GPSLatitude, 3 RATIONALs at 92
		entry(tiff, 0x0003, 2, 2, 'E'); // GPSLongitudeRef "E\0", inline
		entry(tiff, 0x0004, 5, 3, 116); // GPSLongitude, 3 RATIONALs at 116
		tiff.putInt(0);
		// 31 deg 13' 54.3" N, 121 deg 28' 12.7" E; latitude degrees carry the marker
		// bytes
		tiff.put(GPS_MARKER);
		tiff.putInt(13).putInt(1).putInt(543).putInt(10);
		tiff.putInt(121).putInt(1).putInt(28).putInt(1).putInt(127).putInt(10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.write(tiff.array(), 0, tiff.position());
		return out.toByteArray();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count);
		if (type == 3) {
			tiff.putShort((short) valueOrOffset).putShort((short) 0);
		}
		else {
			tiff.putInt(valueOrOffset);
		}
	}

	/**
	 * A PNG built chunk by chunk with correct CRCs, RGB 8 bit, whose IDAT is the given
	 * uncompressed scanline data, deflated.
	 */
	public static byte[] png(int width, int height, byte[] scanlines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		chunk(out, "IDAT", deflate(scanlines));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** Scanlines of a solid RGB image: per row a filter byte 0 then width x (r, g, b). */
	public static byte[] solidScanlines(int width, int height, int r, int g, int b) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int y = 0; y < height; y++) {
			out.write(0);
			for (int x = 0; x < width; x++) {
				out.write(r);
				out.write(g);
				out.write(b);
			}
		}
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater();
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	public static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	public static boolean contains(byte[] haystack, byte[] needle) {
		return indexOf(haystack, needle) >= 0;
	}

	public static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** The marker codes of a JPEG's header segments, from SOI up to and including SOS. */
	public static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
		java.util.List<Integer> markers = new java.util.ArrayList<>();
		int pos = 2;
		markers.add(0xD8);
		while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
			int marker = jpeg[pos + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
		}
		return markers;
	}

}
