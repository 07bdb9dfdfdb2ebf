package org.yizhan.ticket;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * A phone photo as cameras write it: a JPEG whose EXIF carries a GPS position, with bytes
 * a test can look for afterwards.
 */
public final class EvidenceImages {

	/** Bytes inside the GPS latitude; no stored photo may keep them. */
	public static final byte[] GPS_MARKER = { 0x47, 0x50, 0x53, 0x21, 0x13, 0x37, 0x7E, 0x11 };

	private EvidenceImages() {
	}

	/** A 640 × 480 JPEG with an EXIF segment holding a GPS position. */
	public static byte[] jpegWithGps() {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 140, 90));
		graphics.fillRect(0, 0, 640, 480);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(200, 150, 240, 180);
		graphics.dispose();
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", encoded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] jpeg = encoded.toByteArray();
		byte[] app1 = exifWithGps();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((app1.length + 2) >> 8);
		out.write((app1.length + 2) & 0xFF);
		out.writeBytes(app1);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	public static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** {@code Exif\0\0} and a little-endian TIFF: IFD0 points to a GPS IFD. */
	private static byte[] exifWithGps() {
		ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		entry(tiff, 0x0112, 3, 1, 1);
		entry(tiff, 0x8825, 4, 1, 38);
		tiff.putInt(0);
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, 'N');
		entry(tiff, 0x0002, 5, 3, 92);
		entry(tiff, 0x0003, 2, 2, 'E');
		entry(tiff, 0x0004, 5, 3, 116);
		tiff.putInt(0);
		tiff.put(GPS_MARKER);
		tiff.putInt(13).putInt(1).putInt(543).putInt(10);
		tiff.putInt(120).putInt(1).putInt(7).putInt(1).putInt(127).putInt(10);
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

}
