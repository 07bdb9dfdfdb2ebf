package org.yizhan.rating.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QrSymbolTests {

	/** A public base and a token of the length {@code StationTokens} issues (23). */
	static final String URL = "https://yizhan.example.cn/r/AQEBhqcLuFXrQ0cmMpL2Qc-";

	@Test
	void aUrlOfFiftyOneCharactersIsAVersionSixSymbolAtErrorCorrectionH() {
		assertThat(URL).hasSize(51);
		QrSymbol symbol = QrSymbol.encode(URL);
		assertThat(symbol.modules()).isEqualTo(41);
		assertThat(symbol.modulesWithQuietZone()).isEqualTo(49);
	}

	@Test
	void thePngReadsBackToTheUrlWithErrorCorrectionH() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrSymbol.encode(URL).png(1024)));
		assertThat(image.getWidth()).isEqualTo(1024);
		assertThat(image.getHeight()).isEqualTo(1024);
		Result result = QrCodes.read(image);
		assertThat(result.getText()).isEqualTo(URL);
		assertThat(result.getResultMetadata()).containsEntry(ResultMetadataType.ERROR_CORRECTION_LEVEL, "H");
	}

	@Test
	void thePngKeepsAQuietZoneOfAtLeastFourModulesAndWholePixelModules() throws IOException {
		QrSymbol symbol = QrSymbol.encode(URL);
		for (int pixels : new int[] { 128, 500, 1024, 4096 }) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(symbol.png(pixels)));
			int scale = pixels / symbol.modulesWithQuietZone();
			int border = darkBorder(image);
			assertThat(border).as("%d px", pixels).isGreaterThanOrEqualTo(4 * scale);
			// the top-left finder pattern's outer ring is exactly 7 modules of whole
			// pixels
			int run = 0;
			while (dark(image, border + run, border)) {
				run++;
			}
			assertThat(run).as("%d px", pixels).isEqualTo(7 * scale);
			assertThat(QrCodes.read(image).getText()).isEqualTo(URL);
		}
	}

	@Test
	void aPngTooSmallForTheModulesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrSymbol.encode(URL).png(48));
	}

	@Test
	void theSvgIsXmlWithOnePathThatReadsBackWhenDrawn() throws Exception {
		String svg = QrSymbol.encode(URL).svg();
		Document document = QrCodes.parseSvg(svg);
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 49 49");
		assertThat(document.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(1);
		assertThat(svg.length()).as("compact").isLessThan(12_000);

		assertThat(QrCodes.readSvg(svg).getText()).isEqualTo(URL);
	}

	/** The width of the white border around the symbol, scanning rows from the top. */
	private static int darkBorder(BufferedImage image) {
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if (dark(image, x, y)) {
					return Math.min(x, y);
				}
			}
		}
		throw new AssertionError("blank image");
	}

	private static boolean dark(BufferedImage image, int x, int y) {
		return (image.getRGB(x, y) & 0xff) < 128;
	}

}
