package org.yizhan.rating.qr;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads QR codes back the way a phone would: from pixels, with ZXing's decoder, so a test
 * proves a drawing can be scanned rather than that it matches what the code meant to
 * draw.
 */
public final class QrCodes {

	private QrCodes() {
	}

	/** The code in {@code image}; fails the test when none can be read. */
	public static Result read(BufferedImage image) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
		}
		catch (NotFoundException ex) {
			throw new AssertionError("No QR code found in a " + image.getWidth() + "×" + image.getHeight() + " image");
		}
		catch (ReaderException ex) {
			throw new AssertionError("The QR code does not read: " + ex, ex);
		}
	}

}
