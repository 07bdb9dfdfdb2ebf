package org.yizhan.rating.qr;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.yizhan.platform.PngImages;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A station's QR code as modules, and its drawings: PNG for screens and quick prints, SVG
 * and PDF paths for print shops.
 *
 * <p>
 * Error correction is level H (about 30% of the symbol may be lost): the code hangs on
 * the wall of a public toilet, a sanitation depot or a petrol station for years, where it
 * gets dirty, scratched, sun-bleached and taped over. The price is a denser symbol
 * (version 6, 41 modules, for a URL of about 50 characters), which at the poster's 70 mm
 * still has 1.7 mm modules, far above what a phone camera needs at arm's length. Every
 * drawing keeps the standard quiet zone of 4 modules, without which scanners miss the
 * finder patterns on a busy wall.
 */
public final class QrSymbol {

	/** Why H: see the class comment. */
	public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.H;

	/** The white border on each side, in modules (ISO/IEC 18004 asks for 4). */
	public static final int QUIET_ZONE = 4;

	private final BitMatrix modules;

	private QrSymbol(BitMatrix modules) {
		this.modules = modules;
	}

	/** The QR code of {@code text} (a URL), in byte mode with error correction H. */
	public static QrSymbol encode(String text) {
		try {
			// Width and height 0 and no margin: one matrix cell per module, nothing else.
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION, EncodeHintType.MARGIN, 0));
			return new QrSymbol(matrix);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", ex);
		}
	}

	/** Modules per side, without the quiet zone. */
	public int modules() {
		return this.modules.getWidth();
	}

	/** Modules per side, with the quiet zone on both sides. */
	public int modulesWithQuietZone() {
		return modules() + 2 * QUIET_ZONE;
	}

	/**
	 * Hands each horizontal run of dark modules to {@code runs}, row by row from the top:
	 * drawings fill one rectangle per run rather than one per module.
	 */
	public void forEachRun(RunConsumer runs) {
		int size = modules();
		for (int row = 0; row < size; row++) {
			int column = 0;
			while (column < size) {
				if (!this.modules.get(column, row)) {
					column++;
					continue;
				}
				int start = column;
				while (column < size && this.modules.get(column, row)) {
					column++;
				}
				runs.run(row, start, column - start);
			}
		}
	}

	/**
	 * A square black-and-white PNG of {@code pixels} per side: a whole number of pixels
	 * per module, so that no module is blurred, centred with at least the quiet zone
	 * around it (the pixels left over widen the border).
	 * @throws IllegalArgumentException when {@code pixels} cannot hold one pixel per
	 * module and the quiet zone
	 */
	public byte[] png(int pixels) {
		int scale = pixels / modulesWithQuietZone();
		if (scale < 1) {
			throw new IllegalArgumentException(
					pixels + " pixels cannot hold a QR code of " + modulesWithQuietZone() + " modules");
		}
		int offset = (pixels - modules() * scale) / 2;
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
		var graphics = image.createGraphics();
		try {
			graphics.setColor(java.awt.Color.WHITE);
			graphics.fillRect(0, 0, pixels, pixels);
			graphics.setColor(java.awt.Color.BLACK);
			forEachRun((row, column, length) -> graphics.fillRect(offset + column * scale, offset + row * scale,
					length * scale, scale));
		}
		finally {
			graphics.dispose();
		}
		return PngImages.encode(image);
	}

	/**
	 * The code as SVG: a white square the size of the symbol with its quiet zone, and the
	 * dark modules as one path in module units (one subpath per run), so it scales to any
	 * print size and stays a few kilobytes. Width and height are left to whoever places
	 * it; the view box keeps it square.
	 */
	public String svg() {
		int size = modulesWithQuietZone();
		StringBuilder path = new StringBuilder(modules() * modules());
		forEachRun((row, column, length) -> path.append('M')
			.append(column + QUIET_ZONE)
			.append(' ')
			.append(row + QUIET_ZONE)
			.append('h')
			.append(length)
			.append("v1h-")
			.append(length)
			.append('z'));
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
					.formatted(size, size)
				+ "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>".formatted(size, size) + "<path fill=\"#000\" d=\""
				+ path + "\"/></svg>\n";
	}

	/** One horizontal run of dark modules. */
	@FunctionalInterface
	public interface RunConsumer {

		/**
		 * @param row the module row, 0 at the top, quiet zone not counted
		 * @param column the first module of the run, 0 at the left
		 * @param length how many dark modules it spans
		 */
		void run(int row, int column, int length);

	}

}
