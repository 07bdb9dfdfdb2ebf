package org.yizhan.station.photo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.yizhan.station.photo.PhotoRejectedException.Reason;
import org.yizhan.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yizhan.support.TestImages.ascii;
import static org.yizhan.support.TestImages.concat;
import static org.yizhan.support.TestImages.contains;
import static org.yizhan.support.TestImages.decode;
import static org.yizhan.support.TestImages.encode;
import static org.yizhan.support.TestImages.jpeg;

class PhotoProcessorTests {

	private static final int SOF0_BASELINE = 0xC0;

	private static final int SOF2_PROGRESSIVE = 0xC2;

	private static final int APP1 = 0xE1;

	private static final int COM = 0xFE;

	private final PhotoProcessor processor = new PhotoProcessor();

	// accepted formats

	@Test
	void aJpegComesOutAsABaselineJpegOfTheSameSizeWithMatchingHash() throws Exception {
		ProcessedPhoto photo = this.processor.process(jpeg(400, 300));

		assertThat(photo.width()).isEqualTo(400);
		assertThat(photo.height()).isEqualTo(300);
		assertThat(TestImages.jpegMarkers(photo.image())).contains(SOF0_BASELINE).doesNotContain(SOF2_PROGRESSIVE);
		assertThat(TestImages.jpegMarkers(photo.thumbnail())).contains(SOF0_BASELINE);
		BufferedImage decoded = decode(photo.image());
		assertThat(decoded.getWidth()).isEqualTo(400);
		assertThat(decoded.getHeight()).isEqualTo(300);
		assertThat(photo.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo.image())));
	}

	@Test
	void processingTheSameUploadTwiceGivesIdenticalBytesSoStorageCanDeduplicate() {
		byte[] upload = jpeg(300, 200);

		assertThat(this.processor.process(upload).sha256()).isEqualTo(this.processor.process(upload).sha256());
	}

	@Test
	void aPngWithTransparencyIsFlattenedOntoWhiteNotBlack() {
		BufferedImage transparent = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
		for (int x = 0; x < 20; x++) {
			for (int y = 0; y < 40; y++) {
				transparent.setRGB(x, y, 0xFFFF0000); // left half opaque red, right half
														// fully transparent
			}
		}

		ProcessedPhoto photo = this.processor.process(encode(transparent, "png"));

		BufferedImage decoded = decode(photo.image());
		assertThat(new Color(decoded.getRGB(30, 20))).satisfies(c -> {
			assertThat(c.getRed()).isGreaterThan(240);
			assertThat(c.getGreen()).isGreaterThan(240);
			assertThat(c.getBlue()).isGreaterThan(240);
		});
		assertThat(new Color(decoded.getRGB(5, 20))).satisfies(c -> {
			assertThat(c.getRed()).isGreaterThan(200);
			assertThat(c.getGreen()).isLessThan(60);
		});
	}

	@Test
	void aLosslessWebpIsDecodedAndItsTransparentPixelBecomesWhite() {
		ProcessedPhoto photo = this.processor.process(TestImages.WEBP_LOSSLESS_1X1);

		assertThat(photo.width()).isEqualTo(1);
		assertThat(photo.height()).isEqualTo(1);
		assertThat(new Color(decode(photo.image()).getRGB(0, 0)).getRed()).isGreaterThan(240);
	}

	@Test
	void aLossyWebpIsDecodedToJpeg() {
		ProcessedPhoto photo = this.processor.process(TestImages.WEBP_LOSSY_1X1);

		assertThat(photo.width()).isEqualTo(1);
		assertThat(TestImages.jpegMarkers(photo.image())).contains(SOF0_BASELINE);
	}

	@Test
	void aRiffWebpHeaderIsRecognisedSoBrokenContentIsCorruptNotForeign() {
		byte[] header = Arrays.copyOf(TestImages.WEBP_LOSSY_1X1, 12);
		byte[] riffWebpWithGarbage = concat(header, ascii("VP8 garbage garbage garbage"));
		byte[] riffWave = concat(ascii("RIFF\u0024\0\0\0WAVEfmt "), new byte[32]);

		assertRejected(riffWebpWithGarbage, Reason.CORRUPT);
		assertRejected(riffWave, Reason.NOT_AN_IMAGE);
	}

	// metadata and hidden content

	@Test
	void exifWithGpsPositionIsNotCarriedOver() {
		byte[] upload = TestImages.withApp1AfterSoi(jpeg(64, 48), TestImages.exifApp1(1));
		assertThat(contains(upload, ascii("Exif"))).as("the upload carries EXIF").isTrue();
		assertThat(contains(upload, TestImages.GPS_MARKER)).as("the upload carries GPS").isTrue();

		ProcessedPhoto photo = this.processor.process(upload);

		for (byte[] output : new byte[][] { photo.image(), photo.thumbnail() }) {
			assertThat(contains(output, ascii("Exif"))).isFalse();
			assertThat(contains(output, TestImages.GPS_MARKER)).isFalse();
			assertThat(TestImages.jpegMarkers(output)).doesNotContain(APP1);
		}
	}

	@Test
	void htmlAppendedAfterAJpegIsGone() {
		byte[] script = ascii("<html><script>alert(document.cookie)</script></html>");
		byte[] polyglot = concat(jpeg(64, 48), script);

		ProcessedPhoto photo = this.processor.process(polyglot);

		assertThat(contains(photo.image(), ascii("<script"))).isFalse();
		assertThat(contains(photo.thumbnail(), ascii("<script"))).isFalse();
	}

	@Test
	void htmlHiddenInAJpegCommentSegmentIsGone() {
		byte[] jpeg = jpeg(64, 48);
		byte[] script = ascii("<script>alert(1)</script>");
		byte[] comment = concat(new byte[] { (byte) 0xFF, (byte) COM, 0, (byte) (script.length + 2) }, script);
		byte[] polyglot = concat(concat(Arrays.copyOf(jpeg, 2), comment), Arrays.copyOfRange(jpeg, 2, jpeg.length));

		ProcessedPhoto photo = this.processor.process(polyglot);

		assertThat(contains(photo.image(), ascii("<script"))).isFalse();
		assertThat(TestImages.jpegMarkers(photo.image())).doesNotContain(COM);
	}

	@Test
	void aZipArchiveAppendedToAPngIsGone() {
		byte[] zip = concat(new byte[] { 'P', 'K', 3, 4 }, ascii("evil.jsp<% Runtime.exec %>"));
		byte[] polyglot = concat(encode(TestImages.redLeftBlueRight(32, 32), "png"), zip);

		ProcessedPhoto photo = this.processor.process(polyglot);

		assertThat(contains(photo.image(), new byte[] { 'P', 'K', 3, 4 })).isFalse();
		assertThat(contains(photo.image(), ascii("evil.jsp"))).isFalse();
	}

	// EXIF orientation

	@Test
	void aPhotoTakenUprightOnAPhoneIsTurnedClockwiseWhenExifSaysSix() {
		// Stored 40x20, red left and blue right; orientation 6 means "turn 90 degrees
		// clockwise".
		byte[] upload = TestImages.withApp1AfterSoi(jpeg(40, 20), TestImages.exifApp1(6));

		ProcessedPhoto photo = this.processor.process(upload);

		assertThat(photo.width()).isEqualTo(20);
		assertThat(photo.height()).isEqualTo(40);
		BufferedImage decoded = decode(photo.image());
		assertThat(decoded.getWidth()).isEqualTo(20);
		assertReddish(decoded.getRGB(10, 5)); // the left (red) side is now on top
		assertBluish(decoded.getRGB(10, 35));
	}

	@Test
	void exifOrientationThreeTurnsThePhotoUpsideDown() {
		byte[] upload = TestImages.withApp1AfterSoi(jpeg(40, 20), TestImages.exifApp1(3));

		BufferedImage decoded = decode(this.processor.process(upload).image());

		assertThat(decoded.getWidth()).isEqualTo(40);
		assertBluish(decoded.getRGB(5, 10));
		assertReddish(decoded.getRGB(35, 10));
	}

	@Test
	void exifOrientationEightTurnsThePhotoCounterClockwise() {
		byte[] upload = TestImages.withApp1AfterSoi(jpeg(40, 20), TestImages.exifApp1(8));

		BufferedImage decoded = decode(this.processor.process(upload).image());

		assertThat(decoded.getWidth()).isEqualTo(20);
		assertBluish(decoded.getRGB(10, 5));
		assertReddish(decoded.getRGB(10, 35));
	}

	@Test
	void aJpegWithoutExifKeepsItsOrientation() {
		BufferedImage decoded = decode(this.processor.process(jpeg(40, 20)).image());

		assertThat(decoded.getWidth()).isEqualTo(40);
		assertReddish(decoded.getRGB(5, 10));
		assertBluish(decoded.getRGB(35, 10));
	}

	@Test
	void aTruncatedExifBlockIsIgnoredRatherThanFatal() {
		// Cut inside IFD0, before the Orientation value: the photo is kept as stored.
		byte[] brokenExif = Arrays.copyOf(TestImages.exifApp1(6), 20);
		byte[] upload = TestImages.withApp1AfterSoi(jpeg(40, 20), brokenExif);

		ProcessedPhoto photo = this.processor.process(upload);

		assertThat(photo.width()).isEqualTo(40);
		assertThat(photo.height()).isEqualTo(20);
	}

	// rejections

	@Test
	void nothingUploadedIsEmpty() {
		assertRejected(new byte[0], Reason.EMPTY);
		assertRejected(null, Reason.EMPTY);
	}

	@Test
	void textRenamedToJpgIsNotAnImage() {
		assertRejected(ascii("This is my station photo, honest.\n"), Reason.NOT_AN_IMAGE);
	}

	@Test
	void htmlThatContainsAJpegLaterOnIsNotAnImage() {
		assertRejected(concat(ascii("<html><body>"), jpeg(8, 8)), Reason.NOT_AN_IMAGE);
	}

	@Test
	void aGifIsNotAnImageWeAcceptAlthoughImageIoCouldReadIt() {
		byte[] gif = encode(TestImages.redLeftBlueRight(16, 16), "gif");
		assertThat(decode(gif).getWidth()).isEqualTo(16);

		assertRejected(gif, Reason.NOT_AN_IMAGE);
	}

	@Test
	void oneByteOverFiveMegabytesIsTooLargeBeforeAnythingElse() {
		byte[] upload = new byte[(int) PhotoProcessor.MAX_BYTES + 1];
		upload[0] = (byte) 0xFF;
		upload[1] = (byte) 0xD8;
		upload[2] = (byte) 0xFF;

		assertRejected(upload, Reason.TOO_LARGE);
	}

	@Test
	void exactlyFiveMegabytesIsNotTooLarge() {
		byte[] upload = new byte[(int) PhotoProcessor.MAX_BYTES];
		upload[0] = (byte) 0xFF;
		upload[1] = (byte) 0xD8;
		upload[2] = (byte) 0xFF;

		// Passes the size check and fails later, on content.
		assertRejected(upload, Reason.CORRUPT);
	}

	@Test
	void aHandBuiltPngIsAcceptedSoTheRejectionsBelowAreAboutTheSizeAlone() {
		ProcessedPhoto photo = this.processor.process(TestImages.png(3, 2, TestImages.solidScanlines(3, 2, 0, 128, 0)));

		assertThat(photo.width()).isEqualTo(3);
		assertThat(photo.height()).isEqualTo(2);
	}

	@Test
	void aSmallPngClaimingFiftyThousandPixelsSquareIsRejectedFromItsHeader() {
		// 2.5 gigapixels: decoding would need ~7.5 GB; the file is a few dozen bytes.
		byte[] bomb = TestImages.png(50_000, 50_000, TestImages.solidScanlines(4, 4, 0, 0, 0));
		assertThat(bomb.length).isLessThan(200);

		assertRejected(bomb, Reason.TOO_MANY_PIXELS);
	}

	@Test
	void aPixelCountThatOverflowsAnIntIsStillTooManyPixels() {
		// 65536 * 65536 is 0 in int arithmetic.
		assertRejected(TestImages.png(65_536, 65_536, TestImages.solidScanlines(1, 1, 0, 0, 0)),
				Reason.TOO_MANY_PIXELS);
	}

	@Test
	void aJpegCutOffInsideItsPixelDataIsCorruptRatherThanHalfGrey() {
		// The JDK decoder would return the image with the missing half painted grey.
		byte[] jpeg = jpeg(400, 300);

		assertRejected(Arrays.copyOf(jpeg, jpeg.length / 2), Reason.CORRUPT);
	}

	@Test
	void aJpegCutOffInsideItsHeaderIsCorrupt() {
		assertRejected(Arrays.copyOf(jpeg(400, 300), 100), Reason.CORRUPT);
	}

	@Test
	void aPngCutOffInsideItsPixelDataIsCorrupt() {
		byte[] png = encode(TestImages.redLeftBlueRight(200, 200), "png");

		assertRejected(Arrays.copyOf(png, png.length / 2), Reason.CORRUPT);
	}

	// size

	@Test
	void aWidePhotoIsShrunkToTwoThousandFortyEightKeepingItsAspectRatio() {
		ProcessedPhoto photo = this.processor.process(jpeg(4000, 1000));

		assertThat(photo.width()).isEqualTo(2048);
		assertThat(photo.height()).isEqualTo(512);
		BufferedImage thumbnail = decode(photo.thumbnail());
		assertThat(thumbnail.getWidth()).isEqualTo(320);
		assertThat(thumbnail.getHeight()).isEqualTo(80);
	}

	@Test
	void aTallPhotoIsShrunkByItsHeight() {
		ProcessedPhoto photo = this.processor.process(jpeg(1000, 3000));

		assertThat(photo.height()).isEqualTo(2048);
		assertThat(photo.width()).isEqualTo(683); // 1000 * 2048 / 3000 = 682.7
		BufferedImage thumbnail = decode(photo.thumbnail());
		assertThat(thumbnail.getHeight()).isEqualTo(320);
		assertThat(thumbnail.getWidth()).isEqualTo(107); // 1000 * 320 / 3000 = 106.7
	}

	@Test
	void aPhotoSmallerThanTheThumbnailIsNotEnlarged() {
		ProcessedPhoto photo = this.processor.process(jpeg(100, 50));

		assertThat(photo.width()).isEqualTo(100);
		assertThat(decode(photo.thumbnail()).getWidth()).isEqualTo(100);
	}

	@Test
	void shrinkingKeepsTheColoursWhereTheyWere() {
		BufferedImage shrunk = decode(this.processor.process(jpeg(4000, 1000)).image());

		assertReddish(shrunk.getRGB(100, 256));
		assertBluish(shrunk.getRGB(1948, 256));
	}

	@Test
	void fineStripesShrinkToEvenGreyInsteadOfMoire() {
		// One-pixel black and white stripes at a non-integer scale: a single
		// interpolation step
		// samples them unevenly and draws bands; halving first averages them.
		BufferedImage stripes = new BufferedImage(5000, 100, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 5000; x += 2) {
			for (int y = 0; y < 100; y++) {
				stripes.setRGB(x, y, 0xFFFFFF);
			}
		}

		BufferedImage shrunk = decode(this.processor.process(encode(stripes, "png")).image());

		assertThat(shrunk.getWidth()).isEqualTo(2048);
		for (int x = 8; x < 2040; x++) {
			assertThat(new Color(shrunk.getRGB(x, 20)).getGreen()).as("grey at x=%d", x).isBetween(90, 165);
		}
	}

	private void assertRejected(byte[] upload, Reason reason) {
		assertThatThrownBy(() -> this.processor.process(upload)).isInstanceOfSatisfying(PhotoRejectedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private static void assertReddish(int rgb) {
		Color color = new Color(rgb);
		assertThat(color.getRed()).as("red of %s", color).isGreaterThan(200);
		assertThat(color.getBlue()).as("blue of %s", color).isLessThan(60);
	}

	private static void assertBluish(int rgb) {
		Color color = new Color(rgb);
		assertThat(color.getBlue()).as("blue of %s", color).isGreaterThan(200);
		assertThat(color.getRed()).as("red of %s", color).isLessThan(60);
	}

}
