package org.yizhan.inspection.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yizhan.inspection.Campaign;
import org.yizhan.inspection.CampaignProgress;
import org.yizhan.inspection.CampaignReport;
import org.yizhan.platform.YizhanTime;
import org.yizhan.ticket.RectificationTally;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A campaign's report for print: A4 landscape, the campaign's facts, its progress and
 * rectification per union, then every sampled station, the table's header repeated on
 * each page.
 *
 * <p>
 * Chinese is drawn with the font the application carries
 * ({@code fonts/wqy-microhei-gbk.ttf}, the posters' typeface: GBK and more, see
 * {@code fonts/README.md}), embedded as a subset of the glyphs used, so the PDF prints
 * the same on any machine and needs no font installed where it is made or read. A
 * character the font lacks (a rare name beyond GBK, an emoji) is printed as 〓, the
 * typesetter's mark for a missing character, instead of failing the report. Made with
 * PDFBox, already used for the posters.
 */
@Component
class CampaignPdf {

	static final String FONT = "fonts/wqy-microhei-gbk.ttf";

	private static final int MISSING_MARK = '〓';

	private static final float MARGIN = 36;

	private static final float SIZE = 8.5f;

	private static final float LINE = 13;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private final MessageSource messages;

	private final byte[] font;

	CampaignPdf(MessageSource messages) {
		this.messages = messages;
		try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
			this.font = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the report font " + FONT, ex);
		}
	}

	byte[] write(CampaignReport report, Locale locale, Instant madeAt) {
		try (PDDocument document = new PDDocument()) {
			// each document parses its own copy: a parsed font is not shared between
			// threads
			PDType0Font typeface = PDType0Font.load(document, new ByteArrayInputStream(this.font), true);
			Campaign c = report.progress().campaign();
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(c.name());
			info.setCreator("yizhan");
			Pages pages = new Pages(document, typeface);
			pages.text(c.name(), 16, MARGIN);
			pages.skip(6);
			pages.text(text("inspection.report.union", locale) + "：" + c.unionName() + "（" + c.unionCode() + "）  "
					+ text("inspection.report.kind", locale) + "：" + text("inspection.kind." + c.kind().name(), locale)
					+ (c.mystery() ? " · " + text("inspection.mystery", locale) : ""), SIZE + 1, MARGIN);
			pages.text(text("field.checklistId", locale) + "：" + c.checklistName(locale) + " v"
					+ c.checklistVersionNumber() + "  " + text("inspection.period", locale) + "：" + c.startsOn() + " – "
					+ c.endsOn() + "  " + text("inspection.report.published", locale) + "："
					+ (c.published() ? TIME.format(c.publishedAt()) : "—"), SIZE + 1, MARGIN);
			pages.text(text("inspection.sample.drawn", locale, c.samplePercent() == null ? 100 : c.samplePercent(),
					c.sampleSize(), Long.toString(c.seed())), SIZE + 1, MARGIN);
			pages.text(text("inspection.report.madeAt", locale, TIME.format(madeAt)), SIZE + 1, MARGIN);
			pages.skip(8);

			float[] unionColumns = { 200, 55, 55, 55, 55, 55, 55, 60, 55, 55 };
			List<String> unionHeader = List.of(text("inspection.report.union", locale),
					text("inspection.progress.planned", locale), text("inspection.progress.visited", locale),
					text("inspection.progress.passed", locale), text("inspection.progress.failed", locale),
					text("inspection.progress.cases", locale), text("inspection.progress.rectified", locale),
					text("inspection.progress.awaitingRecheck", locale), text("inspection.progress.open", locale),
					text("inspection.progress.overdue", locale));
			pages.table(unionColumns, unionHeader);
			for (CampaignProgress.UnionCounts union : report.progress().unions()) {
				pages.row(unionColumns, unionHeader, counts(union.name(), union.counts()));
			}
			pages.row(unionColumns, unionHeader,
					counts(text("inspection.progress.total", locale), report.progress().total()));
			pages.skip(10);

			pages.text(text("inspection.report.sheet.stations", locale), SIZE + 3, MARGIN);
			float[] stationColumns = { 75, 190, 55, 80, 80, 40, 50, 50, 45, 50, 45, 40 };
			List<String> stationHeader = List.of(text("inspection.report.stationCode", locale),
					text("inspection.station", locale), text("inspection.report.district", locale),
					text("inspection.assignee", locale), text("inspection.report.inspectedAt", locale),
					text("inspection.score", locale), text("inspection.result", locale),
					text("inspection.failedItems", locale), text("inspection.progress.rectified", locale),
					text("inspection.progress.awaitingRecheck", locale), text("inspection.progress.open", locale),
					text("inspection.progress.overdue", locale));
			pages.table(stationColumns, stationHeader);
			for (CampaignReport.Row row : report.stations()) {
				RectificationTally t = row.rectification();
				pages.row(stationColumns, stationHeader, List.of(row.code(), row.name(), row.districtCode(),
						row.assignee(), row.inspectedAt() == null ? "" : TIME.format(row.inspectedAt()),
						row.score() == null ? "" : row.score().toPlainString(),
						text(row.passed() == null ? "inspection.toDo"
								: row.passed() ? "inspection.passed" : "inspection.failed", locale),
						Integer.toString(row.failedItems()), Long.toString(t.rectified()),
						Long.toString(t.awaitingRecheck()), Long.toString(t.open()), Long.toString(t.overdue())));
			}
			pages.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> counts(String name, CampaignProgress.Counts counts) {
		RectificationTally r = counts.rectification();
		return List.of(name, Long.toString(counts.planned()), Long.toString(counts.visited()),
				Long.toString(counts.passed()), Long.toString(counts.failed()), Long.toString(r.cases()),
				Long.toString(r.rectified()), Long.toString(r.awaitingRecheck()), Long.toString(r.open()),
				Long.toString(r.overdue()));
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	/** The pages being written: where the next line goes, a new page when one is full. */
	private static final class Pages {

		private final PDDocument document;

		private final PDType0Font font;

		private final Map<Integer, Boolean> drawable = new HashMap<>();

		private PDPageContentStream content;

		private float y;

		Pages(PDDocument document, PDType0Font font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = page.getMediaBox().getHeight() - MARGIN;
		}

		void skip(float points) {
			this.y -= points;
		}

		void text(String text, float size, float x) throws IOException {
			if (this.y - size < MARGIN) {
				newPage();
			}
			this.y -= size + 3;
			show(text, size, x, this.y);
		}

		/** A table's header row, on a new page when fewer than three rows fit. */
		void table(float[] widths, List<String> header) throws IOException {
			if (this.y - 3 * LINE < MARGIN) {
				newPage();
			}
			line(widths, header, true);
		}

		/** A table row; on a new page, the header first. */
		void row(float[] widths, List<String> header, List<String> cells) throws IOException {
			if (this.y - LINE < MARGIN) {
				newPage();
				line(widths, header, true);
			}
			line(widths, cells, false);
		}

		private void line(float[] widths, List<String> cells, boolean header) throws IOException {
			this.y -= LINE;
			float x = MARGIN;
			for (int i = 0; i < widths.length; i++) {
				show(fit(cells.get(i), widths[i] - 4), SIZE, x, this.y);
				x += widths[i];
			}
			if (header) {
				this.content.setLineWidth(0.5f);
				this.content.moveTo(MARGIN, this.y - 3);
				this.content.lineTo(x, this.y - 3);
				this.content.stroke();
			}
		}

		/** The cell's text, cut with … to its column's width. */
		private String fit(String value, float width) throws IOException {
			String text = printable(value == null ? "" : value);
			if (width(text) <= width) {
				return text;
			}
			while (!text.isEmpty() && width(text + "…") > width) {
				text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
			}
			return text + "…";
		}

		private float width(String text) throws IOException {
			return this.font.getStringWidth(text) / 1000 * SIZE;
		}

		private void show(String text, float size, float x, float baseline) throws IOException {
			this.content.beginText();
			this.content.setFont(this.font, size);
			this.content.newLineAtOffset(x, baseline);
			this.content.showText(printable(text));
			this.content.endText();
		}

		/** The text with every character the font cannot draw replaced by 〓. */
		private String printable(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(codePoint -> out.appendCodePoint(drawable(codePoint) ? codePoint : MISSING_MARK));
			return out.toString();
		}

		private boolean drawable(int codePoint) {
			return this.drawable.computeIfAbsent(codePoint, cp -> {
				if (Character.isISOControl(cp)) {
					return false;
				}
				try {
					this.font.encode(new String(Character.toChars(cp)));
					return true;
				}
				catch (IOException | IllegalArgumentException ex) {
					return false;
				}
			});
		}

		void close() throws IOException {
			this.content.close();
		}

	}

}
