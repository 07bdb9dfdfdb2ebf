package org.yizhan.rating.qr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The typeface of the posters: WenQuanYi Micro Hei, cut to GBK (see
 * {@code fonts/README.md}), embedded into each PDF as a subset of the glyphs it uses.
 *
 * <p>
 * A station name may hold a character the font lacks (CJK Extension B and beyond, most
 * other scripts); PDFBox would refuse to draw it. Such a character is printed as 〓 (the
 * typesetter's mark for a missing character) and {@link #missing} names it, so the
 * console can tell the admin before they print.
 */
@Component
public class PosterFont {

	static final String RESOURCE = "fonts/wqy-microhei-gbk.ttf";

	/** What a character the font lacks is printed as. */
	public static final int MISSING_MARK = '〓';

	private final byte[] file;

	private final BitSet covered;

	PosterFont() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			this.file = in.readAllBytes();
			this.covered = coverage(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the poster font " + RESOURCE, ex);
		}
	}

	/**
	 * The font for one document. Each document parses its own copy (from the bytes read
	 * once), because a parsed font reads its tables lazily and is not safe to share
	 * between documents being written at the same time.
	 */
	PDType0Font load(PDDocument document) throws IOException {
		return PDType0Font.load(document, new ByteArrayInputStream(this.file), true);
	}

	/** Whether the font can draw {@code codePoint}. */
	public boolean covers(int codePoint) {
		return codePoint >= 0 && this.covered.get(codePoint);
	}

	/** {@code text} with every character the font lacks replaced by 〓. */
	public String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> out.appendCodePoint(covers(codePoint) ? codePoint : MISSING_MARK));
		return out.toString();
	}

	/** The distinct characters of {@code text} the font lacks, in order of appearance. */
	public List<String> missing(String text) {
		Set<String> missing = new LinkedHashSet<>();
		text.codePoints()
			.filter((codePoint) -> !covers(codePoint))
			.forEach((codePoint) -> missing.add(new String(Character.toChars(codePoint))));
		return List.copyOf(missing);
	}

	private static BitSet coverage(byte[] file) throws IOException {
		try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file))) {
			CmapLookup cmap = font.getUnicodeCmapLookup();
			BitSet covered = new BitSet(0x30000);
			for (int codePoint = 0x20; codePoint < 0x30000; codePoint++) {
				if (cmap.getGlyphId(codePoint) > 0) {
					covered.set(codePoint);
				}
			}
			return covered;
		}
	}

}
