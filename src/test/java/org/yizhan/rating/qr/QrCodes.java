package org.yizhan.rating.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

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

	/** An SVG as an XML document, parsed without doctypes or external entities. */
	public static Document parseSvg(String svg) throws ParserConfigurationException, SAXException, IOException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The code in an SVG drawing of it: its view box and every {@code <path>} filled
	 * black on white at 10 pixels per unit, then read like a picture.
	 */
	public static Result readSvg(String svg) {
		try {
			Document document = parseSvg(svg);
			String[] viewBox = document.getDocumentElement().getAttribute("viewBox").trim().split("[ ,]+");
			int scale = 10;
			int width = (int) Math.ceil(Double.parseDouble(viewBox[2]) * scale);
			int height = (int) Math.ceil(Double.parseDouble(viewBox[3]) * scale);
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(Color.BLACK);
			AffineTransform transform = AffineTransform.getScaleInstance(scale, scale);
			transform.translate(-Double.parseDouble(viewBox[0]), -Double.parseDouble(viewBox[1]));
			NodeList paths = document.getElementsByTagNameNS("*", "path");
			for (int i = 0; i < paths.getLength(); i++) {
				graphics.fill(transform.createTransformedShape(parse(((Element) paths.item(i)).getAttribute("d"))));
			}
			graphics.dispose();
			return read(image);
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new AssertionError("Not an SVG document: " + ex, ex);
		}
	}

	/**
	 * A path as SVG reads it, for the commands a QR drawing may use: moves, lines,
	 * horizontal and vertical lines (absolute and relative) and close.
	 */
	private static Path2D parse(String d) {
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

}
