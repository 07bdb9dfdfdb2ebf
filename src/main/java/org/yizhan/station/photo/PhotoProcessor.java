package org.yizhan.station.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.yizhan.platform.BusyException;
import org.yizhan.station.photo.PhotoRejectedException.Reason;

/**
 * Turns an uploaded station photo into a display image and a thumbnail that are safe to
 * serve.
 *
 * <p>
 * Nothing of the upload is passed through: the pixels are decoded and encoded again as
 * baseline JPEG, so EXIF (GPS position, camera serial), comments, ICC profiles and any
 * bytes hidden after the image (HTML, a ZIP archive) are gone. The size limits are
 * checked before any pixel is decoded, on the byte count and then on the header (the
 * dimensions and the bits per sample, read by the ImageIO reader without decoding), so a
 * small file that claims to be 50000 x 50000 pixels, or 16 bits per sample (a 311 KB PNG
 * of 6324 x 6324 at 16-bit RGBA needs 320 MB and seconds to decode), cannot exhaust
 * memory.
 *
 * <p>
 * Thread-safe. Decoding a photo at the pixel limit needs about {@code MAX_PIXELS * 4}
 * bytes of heap while it runs, so only as many decodes run at once as
 * {@link PhotoDecodeSlots} allows; when every slot is taken, the upload is refused with a
 * {@link BusyException} (never after the header has refused it). Callers should not hold
 * a database connection while calling {@link #process}.
 */
public final class PhotoProcessor {

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	public static final long MAX_PIXELS = 40_000_000L;

	/** Bits per sample a photo may have: cameras and phones write 8. */
	public static final int MAX_BITS_PER_SAMPLE = 8;

	private static final int DISPLAY_MAX_EDGE_PIXELS = 2048;

	private static final int THUMBNAIL_MAX_EDGE_PIXELS = 320;

	private static final float JPEG_QUALITY = 0.85f;

	private final PhotoDecodeSlots slots;

	/** A processor that decodes at most two photos at once and never waits for a slot. */
	public PhotoProcessor() {
		this(new PhotoDecodeSlots(2, Duration.ZERO));
	}

	public PhotoProcessor(PhotoDecodeSlots slots) {
		this.slots = slots;
	}

	/**
	 * Validates and re-encodes an upload. Photos smaller than the display size or the
	 * thumbnail size are not enlarged.
	 * @param upload the bytes exactly as received
	 * @throws PhotoRejectedException if the upload is not an acceptable photo
	 * @throws BusyException if its header is acceptable but no decoding slot came free
	 */
	public ProcessedPhoto process(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new PhotoRejectedException(Reason.EMPTY, "Upload is empty");
		}
		if (upload.length > MAX_BYTES) {
			throw new PhotoRejectedException(Reason.TOO_LARGE,
					"Upload has " + upload.length + " bytes, more than the " + MAX_BYTES + " allowed");
		}
		ImageFormat format = ImageFormat.detect(upload)
			.orElseThrow(() -> new PhotoRejectedException(Reason.NOT_AN_IMAGE,
					"Upload does not start like a JPEG, PNG or WebP file"));
		BufferedImage decoded = decode(upload, format, this.slots);
		int orientation = (format == ImageFormat.JPEG) ? ExifOrientation.of(upload) : ExifOrientation.NORMAL;
		BufferedImage display = ExifOrientation.apply(orientation, toRgbFitting(decoded, DISPLAY_MAX_EDGE_PIXELS));
		BufferedImage thumbnail = toRgbFitting(display, THUMBNAIL_MAX_EDGE_PIXELS);
		byte[] image = encodeJpeg(display);
		return new ProcessedPhoto(image, encodeJpeg(thumbnail), display.getWidth(), display.getHeight(),
				Sha256.hex(image));
	}

	private static BufferedImage decode(byte[] upload, ImageFormat format, PhotoDecodeSlots slots) {
		// Choose the reader by the format we recognised, not by ImageIO's own sniffing,
		// so only
		// the three accepted formats ever reach a decoder.
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format + " on the class path");
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
			// ignoreMetadata: we drop it anyway, and parsing it is attack surface.
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new PhotoRejectedException(Reason.CORRUPT, format + " header declares " + width + "x" + height);
			}
			if ((long) width * height > MAX_PIXELS) {
				throw new PhotoRejectedException(Reason.TOO_MANY_PIXELS,
						format + " header declares " + width + "x" + height + ", more than " + MAX_PIXELS + " pixels");
			}
			int bits = maxBitsPerSample(reader);
			if (bits > MAX_BITS_PER_SAMPLE) {
				throw new PhotoRejectedException(Reason.TOO_DEEP,
						format + " header declares " + bits + " bits per sample, more than " + MAX_BITS_PER_SAMPLE);
			}
			if (!slots.tryAcquire()) {
				throw new BusyException(slots.waitFor().plusSeconds(2), "photo.busy");
			}
			try {
				TruncationWatch truncation = new TruncationWatch();
				reader.addIIOReadWarningListener(truncation);
				BufferedImage image = reader.read(0, reader.getDefaultReadParam());
				if (truncation.seen) {
					throw new PhotoRejectedException(Reason.CORRUPT, format + " upload ends before its end marker");
				}
				return image;
			}
			finally {
				slots.release();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PhotoRejectedException rejected) {
				throw rejected;
			}
			if (ex instanceof BusyException busy) {
				throw busy;
			}
			// Decoders signal malformed input with all kinds of runtime exceptions, not
			// just
			// IIOException (e.g. IndexOutOfBounds, IllegalArgument, NegativeArraySize).
			throw new PhotoRejectedException(Reason.CORRUPT, format + " upload cannot be decoded: " + ex, ex);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * The largest sample size of the image as stored, from its header: a PNG's bit depth
	 * (16 for a 16-bit RGBA file), 8 for a baseline JPEG. Unknown counts as too deep.
	 */
	private static int maxBitsPerSample(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
			type = types.hasNext() ? types.next() : null;
		}
		if (type == null) {
			return Integer.MAX_VALUE;
		}
		int max = 0;
		for (int size : type.getSampleModel().getSampleSize()) {
			max = Math.max(max, size);
		}
		return max;
	}

	/**
	 * Notices a JPEG that was cut off, typically by an interrupted upload. The JDK
	 * decoder does not fail on it: it warns and paints the missing part grey, and we
	 * would rather ask for the photo again than publish it half grey. The warning is only
	 * a message, so we match the text of {@code JPEGImageReader}'s WARNING_NO_EOI (its
	 * resource bundle has no translations); {@code PhotoProcessorTests} fails if a JDK
	 * update rewords it. Other warnings (an invalid ICC profile, stray bytes before a
	 * marker) leave a usable picture and are accepted.
	 */
	private static final class TruncationWatch implements IIOReadWarningListener {

		private boolean seen;

		@Override
		public void warningOccurred(ImageReader source, String warning) {
			if (warning != null && warning.contains("Missing EOI")) {
				this.seen = true;
			}
		}

	}

	/**
	 * Returns an opaque {@code TYPE_INT_RGB} copy whose longest edge is at most
	 * {@code maxEdge}, keeping the aspect ratio. Transparency is flattened onto white,
	 * since JPEG has no alpha and transparent pixels would otherwise come out black.
	 */
	private static BufferedImage toRgbFitting(BufferedImage source, int maxEdge) {
		int width = source.getWidth();
		int height = source.getHeight();
		double scale = Math.min(1.0, (double) maxEdge / Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		BufferedImage current = source;
		// Halve step by step: a single bilinear or bicubic step that shrinks by more than
		// half
		// skips source pixels and aliases. The first pass also flattens and converts.
		do {
			boolean canHalve = current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight;
			int nextWidth = canHalve ? current.getWidth() / 2 : targetWidth;
			int nextHeight = canHalve ? current.getHeight() / 2 : targetHeight;
			BufferedImage next = new BufferedImage(nextWidth, nextHeight, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = next.createGraphics();
			try {
				graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, canHalve
						? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
				graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				graphics.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING,
						RenderingHints.VALUE_COLOR_RENDER_QUALITY);
				graphics.setColor(Color.WHITE);
				graphics.fillRect(0, 0, nextWidth, nextHeight);
				graphics.drawImage(current, 0, 0, nextWidth, nextHeight, null);
			}
			finally {
				graphics.dispose();
			}
			current = next;
		}
		while (current.getWidth() != targetWidth || current.getHeight() != targetHeight);
		return current;
	}

	private static byte[] encodeJpeg(BufferedImage rgb) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			// No stream or image metadata and no thumbnails: the writer emits a bare JFIF
			// header.
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Encoding a JPEG in memory failed", ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
