package org.yizhan.rating.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

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
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 49 49");
		assertThat(document.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(1);
		Element path = (Element) document.getElementsByTagNameNS("*", "path").item(0);
		assertThat(svg.length()).as("compact").isLessThan(12_000);

		int scale = 10;
		BufferedImage image = new BufferedImage(49 * scale, 49 * scale, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		graphics.setColor(Color.BLACK);
		graphics
			.fill(AffineTransform.getScaleInstance(scale, scale).createTransformedShape(parse(path.getAttribute("d"))));
		graphics.dispose();
		assertThat(QrCodes.read(image).getText()).isEqualTo(URL);
	}

	/**
	 * A path as SVG reads it, for the commands a QR drawing may use: moves, lines,
	 * horizontal and vertical lines (absolute and relative) and close.
	 */
	static Path2D parse(String d) {
		Matcher tokens = Pattern.compile("([MmLlHhVvZz])|(-?\\d+(?:\\.\\d+)?)").matcher(d);
		Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
		char command = 0;
		double x = 0;
		double y = 0;
		double startX = 0;
		double startY = 0;
		java.util.List<Double> numbers = new java.util.ArrayList<>();
		java.util.List<Object> items = new java.util.ArrayList<>();
		while (tokens.find()) {
			items.add(tokens.group(1) != null ? (Object) tokens.group(1).charAt(0) : Double.valueOf(tokens.group(2)));
		}
		int i = 0;
		while (i < items.size()) {
			if (items.get(i) instanceof Character c) {
				command = c;
				i++;
				if (command == 'Z' || command == 'z') {
					path.closePath();
					x = startX;
					y = startY;
					continue;
				}
			}
			numbers.clear();
			int arity = (command == 'H' || command == 'h' || command == 'V' || command == 'v') ? 1 : 2;
			for (int k = 0; k < arity; k++) {
				numbers.add((Double) items.get(i++));
			}
			switch (command) {
				case 'M', 'm' -> {
					x = (command == 'm' ? x : 0) + numbers.get(0);
					y = (command == 'm' ? y : 0) + numbers.get(1);
					path.moveTo(x, y);
					startX = x;
					startY = y;
					command = (command == 'm') ? 'l' : 'L';
				}
				case 'L', 'l' -> {
					x = (command == 'l' ? x : 0) + numbers.get(0);
					y = (command == 'l' ? y : 0) + numbers.get(1);
					path.lineTo(x, y);
				}
				case 'H', 'h' -> {
					x = (command == 'h' ? x : 0) + numbers.get(0);
					path.lineTo(x, y);
				}
				case 'V', 'v' -> {
					y = (command == 'v' ? y : 0) + numbers.get(0);
					path.lineTo(x, y);
				}
				default -> throw new AssertionError("Unexpected path command " + command);
			}
		}
		return path;
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
