package org.yizhan.rating.qr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.yizhan.rating.StationQrCodes;

import org.springframework.stereotype.Component;

/**
 * Lays out the posters that hang in the stations, one page each, with Apache PDFBox: the
 * union's band, the station's name and code, its QR code, how to use it, and the unions
 * it belongs to.
 *
 * <p>
 * The layout is drawn in millimetres on A5 and scaled by √2 for A4. The QR code is 84 mm
 * with its quiet zone on A5 (about 70 mm of modules, above the 50 mm a code at arm's
 * length on a wall needs), drawn as vector rectangles, so it stays sharp at any printer's
 * resolution; margins are at least 10 mm, inside what office printers can print. The
 * texts are fixed Chinese with English below, whatever language the admin uses: the
 * poster speaks to the workers in the station. Each document embeds only the glyphs it
 * uses.
 */
@Component
public class PosterPrinter {

	static final float POINTS_PER_MM = 72f / 25.4f;

	/** The one line that tells a worker what to do. */
	static final String INSTRUCTION = "用微信或手机相机扫码，为本驿站评价";

	static final String INSTRUCTION_EN = "Scan with WeChat or your phone camera to rate this station";

	static final String NOTE = "匿名评价，无需登录；未按时开放、设施损坏等问题也可扫码报告";

	static final String NOTE_EN = "Anonymous, no sign-in. Report a closed station or a broken facility here too.";

	static final String BAND = "工会户外劳动者服务站点";

	static final String BAND_EN = "Trade-union service station for outdoor workers";

	static final String CODE_LABEL = "站点编码 Station code ";

	/** The QR code's side with its quiet zone, on A5. */
	static final float QR_MM = 84f;

	static final float QR_TOP_MM = 61f;

	private static final float MARGIN_MM = 10f;

	private static final float[] UNION_RED = { 0xc8 / 255f, 0x10 / 255f, 0x2e / 255f };

	private static final float[] INK = { 0.1f, 0.1f, 0.1f };

	private static final float[] GREY = { 0.38f, 0.38f, 0.38f };

	private final PosterFont font;

	PosterPrinter(PosterFont font) {
		this.font = font;
	}

	/** One station's poster as a PDF of one page. */
	public byte[] print(StationQrCodes.Code code, Paper paper) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			print(List.of(code), paper, "驿站评价二维码 " + code.stationCode() + " " + code.stationName(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The posters of {@code codes}, one page each in the order given, written to
	 * {@code out} as one PDF titled {@code title}.
	 */
	public void print(List<StationQrCodes.Code> codes, Paper paper, String title, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDType0Font typeface = this.font.load(document);
			for (StationQrCodes.Code code : codes) {
				PDPage page = new PDPage(paper.size());
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					new Layout(content, typeface, paper).draw(code);
				}
			}
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(this.font.printable(title));
			information.setSubject("工会驿站满意度评价二维码海报 · Station rating QR posters");
			information.setCreator("yizhan 驿站");
			document.getDocumentCatalog().setLanguage("zh-CN");
			document.save(out);
		}
	}

	/** Draws one poster on one page, in millimetres from the top left of an A5 sheet. */
	private final class Layout {

		private final PDPageContentStream content;

		private final PDType0Font typeface;

		private final float scale;

		private final PDRectangle page;

		Layout(PDPageContentStream content, PDType0Font typeface, Paper paper) {
			this.content = content;
			this.typeface = typeface;
			this.scale = paper.scale();
			this.page = paper.size();
		}

		void draw(StationQrCodes.Code code) throws IOException {
			float width = this.page.getWidth() / this.scale / POINTS_PER_MM;
			float textWidth = width - 2 * MARGIN_MM;

			fill(UNION_RED);
			rectangle(0, 0, width, 24);
			// a programme's brand replaces the generic band; the English line below stays
			// true
			String band = (code.band() != null) ? font.printable(code.band()) : BAND;
			text(band, 16, 12.5f, textWidth, true, new float[] { 1, 1, 1 });
			text(BAND_EN, 8.5f, 19f, textWidth, false, new float[] { 1, 1, 1 });

			name(font.printable(code.stationName()), textWidth);
			text(CODE_LABEL + code.stationCode(), 10, 57, textWidth, false, GREY);

			qr(QrSymbol.encode(code.url()), (width - QR_MM) / 2, QR_TOP_MM, QR_MM);

			text(INSTRUCTION, 15, 155, textWidth, true, INK);
			text(INSTRUCTION_EN, 9, 161, textWidth, false, INK);
			text(NOTE, 8.5f, 168, textWidth, false, GREY);
			text(NOTE_EN, 7.5f, 173, textWidth, false, GREY);

			fill(UNION_RED);
			rectangle(MARGIN_MM, 182, textWidth, 0.6f);
			text(font.printable(code.unionLine()), 11, 190, textWidth, false, INK);
			text(code.url(), 7, 197, textWidth, false, GREY);
		}

		/**
		 * The station's name, as large as fits in two lines (20 pt down to 11 pt),
		 * centred in the space between the band and the code; a longer name goes on to a
		 * third line at the smallest size.
		 */
		private void name(String name, float maxWidthMm) throws IOException {
			float size = 20;
			List<String> lines = wrap(name, size, maxWidthMm);
			while (lines.size() > 2 && size > 11) {
				size -= 1;
				lines = wrap(name, size, maxWidthMm);
			}
			lines = balanced(name, size, maxWidthMm, lines);
			float lineMm = size * 1.3f / POINTS_PER_MM;
			float top = 29;
			float height = 22;
			float first = top + (height - lineMm * lines.size()) / 2 + size * 0.9f / POINTS_PER_MM;
			for (int i = 0; i < lines.size(); i++) {
				text(lines.get(i), size, first + i * lineMm, maxWidthMm, true, INK);
			}
		}

		/**
		 * The same number of lines, as even as they come: a name over two lines reads
		 * better as two halves than as a full line and a stub.
		 */
		private List<String> balanced(String text, float size, float maxWidthMm, List<String> lines)
				throws IOException {
			if (lines.size() < 2) {
				return lines;
			}
			float width = widthMm(text, size) / lines.size();
			while (width < maxWidthMm) {
				List<String> even = wrap(text, size, width);
				if (even.size() <= lines.size()) {
					return even;
				}
				width += maxWidthMm * 0.02f;
			}
			return lines;
		}

		/** Greedy wrapping by character: Chinese breaks anywhere. */
		private List<String> wrap(String text, float size, float maxWidthMm) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			int[] codePoints = text.strip().codePoints().toArray();
			for (int codePoint : codePoints) {
				String candidate = line + new String(Character.toChars(codePoint));
				if (line.length() > 0 && widthMm(candidate, size) > maxWidthMm) {
					lines.add(line.toString().strip());
					line.setLength(0);
				}
				line.appendCodePoint(codePoint);
			}
			if (line.length() > 0) {
				lines.add(line.toString().strip());
			}
			return lines;
		}

		/**
		 * One centred line; shrunk to fit when longer than the space (a long union name
		 * or base URL). Bold is the font's own outline stroked as well as filled: the
		 * font has no bold face.
		 */
		private void text(String text, float size, float baselineMm, float maxWidthMm, boolean bold, float[] colour)
				throws IOException {
			float fitted = Math.min(size, size * maxWidthMm / Math.max(widthMm(text, size), 0.001f));
			float width = widthMm(text, fitted);
			float pageWidthMm = this.page.getWidth() / this.scale / POINTS_PER_MM;
			this.content.beginText();
			this.content.setFont(this.typeface, fitted * this.scale);
			fill(colour);
			if (bold) {
				this.content.setStrokingColor(colour[0], colour[1], colour[2]);
				this.content.setLineWidth(fitted * this.scale * 0.035f);
				this.content.setRenderingMode(RenderingMode.FILL_STROKE);
			}
			else {
				this.content.setRenderingMode(RenderingMode.FILL);
			}
			this.content.newLineAtOffset(x((pageWidthMm - width) / 2), y(baselineMm));
			this.content.showText(text);
			this.content.endText();
		}

		/**
		 * The code at {@code (leftMm, topMm)}, {@code sideMm} wide with its quiet zone:
		 * every run of dark modules as one rectangle of a single path, filled at once, so
		 * that renderers leave no hairlines between neighbouring modules.
		 */
		private void qr(QrSymbol symbol, float leftMm, float topMm, float sideMm) throws IOException {
			float module = sideMm / symbol.modulesWithQuietZone();
			fill(new float[] { 0, 0, 0 });
			IOException[] failure = new IOException[1];
			symbol.forEachRun((row, column, length) -> {
				if (failure[0] == null) {
					try {
						float left = leftMm + (column + QrSymbol.QUIET_ZONE) * module;
						float top = topMm + (row + QrSymbol.QUIET_ZONE) * module;
						this.content.addRect(x(left), y(top + module), length * module * this.scale * POINTS_PER_MM,
								module * this.scale * POINTS_PER_MM);
					}
					catch (IOException ex) {
						failure[0] = ex;
					}
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
			this.content.fill();
		}

		private void rectangle(float leftMm, float topMm, float widthMm, float heightMm) throws IOException {
			this.content.addRect(x(leftMm), y(topMm + heightMm), widthMm * this.scale * POINTS_PER_MM,
					heightMm * this.scale * POINTS_PER_MM);
			this.content.fill();
		}

		private void fill(float[] colour) throws IOException {
			this.content.setNonStrokingColor(colour[0], colour[1], colour[2]);
		}

		private float widthMm(String text, float size) throws IOException {
			return this.typeface.getStringWidth(text) / 1000f * size / POINTS_PER_MM;
		}

		/** From millimetres on the A5 layout to points on the page, left edge. */
		private float x(float mm) {
			return mm * this.scale * POINTS_PER_MM;
		}

		/** From millimetres below the top on the A5 layout to points above the bottom. */
		private float y(float mm) {
			return this.page.getHeight() - mm * this.scale * POINTS_PER_MM;
		}

	}

}
