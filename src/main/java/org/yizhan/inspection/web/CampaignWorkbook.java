package org.yizhan.inspection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yizhan.inspection.Campaign;
import org.yizhan.inspection.CampaignProgress;
import org.yizhan.inspection.CampaignReport;
import org.yizhan.platform.Csv;
import org.yizhan.platform.YizhanTime;
import org.yizhan.ticket.RectificationTally;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's report as an Excel workbook: a summary sheet (what the campaign is, its
 * progress and rectification per union) and one row per sampled station. Counts and
 * scores are numbers; every text cell — station names, assignees' names, the campaign's
 * name, all typed by people — is neutralised as the exports are ({@link Csv#neutralise}),
 * so a name such as {@code =HYPERLINK(...)} is shown, never run. Times are Beijing time.
 */
@Component
class CampaignWorkbook {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Characters XML 1.0 cannot carry at all; a workbook with one would not open. */
	private static final Pattern XML_ILLEGAL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private final MessageSource messages;

	CampaignWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	byte[] write(CampaignReport report, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "yizhan", "1.0");
		try {
			summary(workbook.newWorksheet(text("inspection.report.sheet.summary", locale)), report.progress(), locale);
			stations(workbook.newWorksheet(text("inspection.report.sheet.stations", locale)), report, locale);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void summary(Worksheet sheet, CampaignProgress progress, Locale locale) {
		Campaign c = progress.campaign();
		int r = 0;
		string(sheet, r, 0, c.name());
		sheet.style(r, 0).bold().set();
		r += 2;
		r = fact(sheet, r, text("inspection.report.union", locale), c.unionName() + " (" + c.unionCode() + ")");
		r = fact(sheet, r, text("inspection.report.kind", locale), text("inspection.kind." + c.kind().name(), locale)
				+ (c.mystery() ? " · " + text("inspection.mystery", locale) : ""));
		r = fact(sheet, r, text("field.checklistId", locale),
				c.checklistName(locale) + " v" + c.checklistVersionNumber());
		r = fact(sheet, r, text("inspection.period", locale), c.startsOn() + " – " + c.endsOn());
		r = fact(sheet, r, text("field.samplePercent", locale), text("inspection.sample.drawn", locale,
				c.samplePercent() == null ? 100 : c.samplePercent(), c.sampleSize(), Long.toString(c.seed())));
		r = fact(sheet, r, text("inspection.report.published", locale),
				c.published() ? TIME.format(c.publishedAt()) : "—");
		r++;
		String[] header = { text("inspection.report.union", locale), text("inspection.progress.planned", locale),
				text("inspection.progress.visited", locale), text("inspection.progress.passed", locale),
				text("inspection.progress.failed", locale), text("inspection.progress.cases", locale),
				text("inspection.progress.rectified", locale), text("inspection.progress.awaitingRecheck", locale),
				text("inspection.progress.open", locale), text("inspection.progress.overdue", locale) };
		header(sheet, r++, header);
		for (CampaignProgress.UnionCounts union : progress.unions()) {
			counts(sheet, r++, union.name(), union.counts());
		}
		counts(sheet, r, text("inspection.progress.total", locale), progress.total());
		sheet.range(r, 0, r, header.length - 1).style().bold().set();
		sheet.width(0, 24);
	}

	private void stations(Worksheet sheet, CampaignReport report, Locale locale) {
		String[] header = { text("inspection.report.stationCode", locale), text("inspection.station", locale),
				text("inspection.report.district", locale), text("inspection.assignee", locale),
				text("inspection.report.inspectedAt", locale), text("inspection.score", locale),
				text("inspection.result", locale), text("inspection.failedItems", locale),
				text("inspection.progress.rectified", locale), text("inspection.progress.awaitingRecheck", locale),
				text("inspection.progress.open", locale), text("inspection.progress.overdue", locale) };
		header(sheet, 0, header);
		int r = 1;
		for (CampaignReport.Row row : report.stations()) {
			string(sheet, r, 0, row.code());
			string(sheet, r, 1, row.name());
			string(sheet, r, 2, row.districtCode());
			string(sheet, r, 3, row.assignee());
			if (row.inspectedAt() != null) {
				string(sheet, r, 4, TIME.format(row.inspectedAt()));
				number(sheet, r, 5, row.score());
			}
			string(sheet, r, 6, text(
					row.passed() == null ? "inspection.toDo" : row.passed() ? "inspection.passed" : "inspection.failed",
					locale));
			sheet.value(r, 7, row.failedItems());
			RectificationTally t = row.rectification();
			sheet.value(r, 8, t.rectified());
			sheet.value(r, 9, t.awaitingRecheck());
			sheet.value(r, 10, t.open());
			sheet.value(r, 11, t.overdue());
			r++;
		}
		sheet.width(1, 28);
		sheet.width(4, 17);
	}

	private static int fact(Worksheet sheet, int r, String label, String value) {
		string(sheet, r, 0, label);
		sheet.style(r, 0).bold().set();
		string(sheet, r, 1, value);
		return r + 1;
	}

	private static void header(Worksheet sheet, int r, String[] cells) {
		for (int c = 0; c < cells.length; c++) {
			string(sheet, r, c, cells[c]);
		}
		sheet.range(r, 0, r, cells.length - 1).style().bold().fillColor("DDEBF7").set();
	}

	private static void counts(Worksheet sheet, int r, String name, CampaignProgress.Counts counts) {
		string(sheet, r, 0, name);
		long[] values = { counts.planned(), counts.visited(), counts.passed(), counts.failed(),
				counts.rectification().cases(), counts.rectification().rectified(),
				counts.rectification().awaitingRecheck(), counts.rectification().open(),
				counts.rectification().overdue() };
		for (int c = 0; c < values.length; c++) {
			sheet.value(r, c + 1, values[c]);
		}
	}

	private static void string(Worksheet sheet, int r, int c, String value) {
		if (value != null && !value.isEmpty()) {
			sheet.inlineString(r, c, XML_ILLEGAL.matcher(Csv.neutralise(value)).replaceAll(""));
		}
	}

	private static void number(Worksheet sheet, int r, int c, BigDecimal value) {
		if (value != null) {
			sheet.value(r, c, value);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
