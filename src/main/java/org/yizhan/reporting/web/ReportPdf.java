package org.yizhan.reporting.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yizhan.platform.YizhanTime;
import org.yizhan.reporting.UnionReport;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * A union's report for print: A4 landscape, the union, the period and when the report was
 * made, the key figures, then every table of the dashboard with its chart drawn as bars
 * above it, the table's header repeated when it runs onto a new page. The tables are the
 * page's and the Excel's ({@link DashboardView}), so the three cannot disagree.
 *
 * <p>
 * Chinese is drawn with the font the application carries
 * ({@code fonts/wqy-microhei-gbk.ttf}, as the posters and the campaign reports are: ADR
 * 0030), embedded as a subset of the glyphs used, so the PDF prints the same on any
 * machine; a character beyond the font (an emoji in a union's name) is printed as 〓
 * rather than failing the report.
 */
final class ReportPdf {

	static final String FONT = "fonts/wqy-microhei-gbk.ttf";

	private static final byte[] FONT_BYTES = readFont();

	private static final int MISSING_MARK = '〓';

	private static final float MARGIN = 36;

	private static final float SIZE = 8.5f;

	private static final float LINE = 13;

	private static final float CHART_HEIGHT = 120;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private ReportPdf() {
	}

	static byte[] write(UnionReport report, DashboardView view, MessageSource messages, Locale locale,
			JsonMapper json) {
		try (PDDocument document = new PDDocument()) {
			// each document parses its own copy: a parsed font is not shared between
			// threads
			PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
			String kind = messages.getMessage("reporting.report.kind." + report.period().kind().name(), null, locale);
			String title = report.unionName() + " · " + report.period().label(locale) + " " + kind;
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("yizhan");
			Pages pages = new Pages(document, font);
			pages.text(title, 16);
			pages.skip(4);
			pages.text(messages.getMessage("reporting.report.made",
					new Object[] { TIME.format(report.madeAt()), report.madeBy() }, locale), SIZE + 1);
			pages.text(messages.getMessage("reporting.report.note", new Object[] { view.dashboard().today() }, locale),
					SIZE);
			pages.skip(8);
			List<String> kpiHeader = new ArrayList<>();
			List<String> kpiValues = new ArrayList<>();
			List<String> kpiNotes = new ArrayList<>();
			for (DashboardView.Kpi kpi : view.getKpis()) {
				kpiHeader.add(kpi.label());
				kpiValues.add(kpi.value());
				kpiNotes.add(kpi.note());
			}
			float[] kpiWidths = widths(kpiHeader.size(), 0);
			pages.table(kpiWidths, kpiHeader);
			pages.row(kpiWidths, kpiHeader, kpiValues);
			pages.row(kpiWidths, kpiHeader, kpiNotes);
			for (FigureTable table : view.getTables()) {
				pages.skip(12);
				Chart chart = Chart.of(table.chart(), json);
				pages.need(SIZE + 6 + ((chart == null) ? 0 : CHART_HEIGHT + 24) + 4 * LINE);
				pages.text(table.title(), SIZE + 3);
				if (chart != null) {
					pages.chart(chart);
				}
				float[] widths = widths(table.headers().size(), 150);
				pages.table(widths, table.headers());
				for (List<Object> row : table.rows()) {
					pages.row(widths, table.headers(), row.stream().map(FigureTable::text).toList());
				}
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

	/** Columns over the page's width, the first {@code first} points wide when given. */
	private static float[] widths(int columns, float first) {
		float page = PDRectangle.A4.getHeight() - 2 * MARGIN;
		float[] widths = new float[columns];
		if (first <= 0 || columns == 1) {
			java.util.Arrays.fill(widths, Math.min(page / columns, 160));
			return widths;
		}
		widths[0] = first;
		for (int i = 1; i < columns; i++) {
			widths[i] = Math.min((page - first) / (columns - 1), 110);
		}
		return widths;
	}

	private static byte[] readFont() {
		try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the report font " + FONT, ex);
		}
	}

	/** The first series of a table's chart: what the PDF draws as bars. */
	record Chart(List<String> categories, String series, List<Double> values) {

		static Chart of(String chartJson, JsonMapper json) {
			if (chartJson == null) {
				return null;
			}
			JsonNode chart = json.readTree(chartJson);
			JsonNode first = chart.path("series").path(0);
			List<String> categories = new ArrayList<>();
			chart.path("categories").forEach(node -> categories.add(node.asString()));
			List<Double> values = new ArrayList<>();
			first.path("values").forEach(node -> values.add(node.isNull() ? 0 : node.asDouble()));
			if (categories.isEmpty() || values.size() != categories.size()) {
				return null;
			}
			return new Chart(categories, first.path("name").asString(), values);
		}

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

		/** A new page unless {@code points} fit on this one. */
		void need(float points) throws IOException {
			if (this.y - points < MARGIN) {
				newPage();
			}
		}

		void text(String text, float size) throws IOException {
			need(size + 3);
			this.y -= size + 3;
			show(text, size, MARGIN, this.y);
		}

		/**
		 * Bars of the chart's first series, scaled to the largest value, each labelled
		 * with its value above and its category below.
		 */
		void chart(Chart chart) throws IOException {
			need(CHART_HEIGHT + 24);
			float width = PDRectangle.A4.getHeight() - 2 * MARGIN;
			float base = this.y - CHART_HEIGHT - 4;
			double max = chart.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			int n = chart.categories().size();
			float slot = width / n;
			float bar = Math.max(1, Math.min(slot * 0.6f, 40));
			float small = Math.min(7, Math.max(4, slot / 4));
			this.content.setLineWidth(0.5f);
			this.content.moveTo(MARGIN, base);
			this.content.lineTo(MARGIN + width, base);
			this.content.stroke();
			this.content.setNonStrokingColor(0.16f, 0.38f, 0.71f);
			for (int i = 0; i < n; i++) {
				double value = chart.values().get(i);
				float height = (max <= 0) ? 0 : (float) (value / max * (CHART_HEIGHT - 16));
				this.content.addRect(MARGIN + i * slot + (slot - bar) / 2, base, bar, height);
			}
			this.content.fill();
			this.content.setNonStrokingColor(0f, 0f, 0f);
			for (int i = 0; i < n; i++) {
				double value = chart.values().get(i);
				float height = (max <= 0) ? 0 : (float) (value / max * (CHART_HEIGHT - 16));
				String number = (value == Math.rint(value)) ? String.format(Locale.ROOT, "%,d", (long) value)
						: String.format(Locale.ROOT, "%.1f", value);
				float x = MARGIN + i * slot + 1;
				show(fit(number, slot - 2, small), small, x, base + height + 2);
				show(fit(chart.categories().get(i), slot - 2, small), small, x, base - small - 2);
			}
			show(chart.series(), SIZE, MARGIN, this.y - 8);
			this.y = base - small - 10;
		}

		/** A table's header row, on a new page when fewer than three rows fit. */
		void table(float[] widths, List<String> header) throws IOException {
			need(3 * LINE);
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
				show(fit(cells.get(i), widths[i] - 4, SIZE), SIZE, x, this.y);
				x += widths[i];
			}
			if (header) {
				this.content.setLineWidth(0.5f);
				this.content.moveTo(MARGIN, this.y - 3);
				this.content.lineTo(x, this.y - 3);
				this.content.stroke();
			}
		}

		/** The text, cut with … to the width. */
		private String fit(String value, float width, float size) throws IOException {
			String text = printable((value == null) ? "" : value);
			if (width(text, size) <= width) {
				return text;
			}
			while (!text.isEmpty() && width(text + "…", size) > width) {
				text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
			}
			return text + "…";
		}

		private float width(String text, float size) throws IOException {
			return this.font.getStringWidth(text) / 1000 * size;
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
