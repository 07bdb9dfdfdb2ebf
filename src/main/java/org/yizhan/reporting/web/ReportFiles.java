package org.yizhan.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.reporting.UnionReport;
import org.yizhan.reporting.UnionReports;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A kept report's files, drawn from the figures it keeps in the reader's language: the
 * PDF ({@link ReportPdf}) and the Excel ({@link DashboardWorkbook}), both from the same
 * {@link DashboardView} tables as the dashboard's page. Public for the benchmark of a
 * province's monthly PDF.
 */
@Component
public class ReportFiles {

	/** A file to send: its name and its bytes. */
	public record File(String name, byte[] bytes) {
	}

	private final UnionReports reports;

	private final MessageSource messages;

	private final JsonMapper json;

	ReportFiles(UnionReports reports, MessageSource messages, JsonMapper json) {
		this.reports = reports;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * The report's PDF, if its union is one the caller may read.
	 * @throws org.yizhan.platform.NotFoundException otherwise, as for a report unknown
	 */
	public File pdf(long id, Locale locale) {
		UnionReports.KeptReport kept = this.reports.get(id);
		return new File(name(kept.report(), "pdf"),
				ReportPdf.write(kept.report(), view(kept, locale), this.messages, locale, this.json));
	}

	/** The report's tables as xlsx, one sheet each, with the same checks as the PDF's. */
	public File xlsx(long id, Locale locale) {
		UnionReports.KeptReport kept = this.reports.get(id);
		UnionReport report = kept.report();
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try {
			DashboardWorkbook.write(buffer,
					report.unionName() + " · " + report.period().label(locale) + " " + this.messages
						.getMessage("reporting.report.kind." + report.period().kind().name(), null, locale),
					view(kept, locale).getTables());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new File(name(report, "xlsx"), buffer.toByteArray());
	}

	private DashboardView view(UnionReports.KeptReport kept, Locale locale) {
		return new DashboardView(kept.figures(), this.messages, locale, this.json, null, kept.report().period());
	}

	private static String name(UnionReport report, String extension) {
		return "report-" + report.unionCode() + "-" + report.period().text() + "-" + report.id() + "." + extension;
	}

}
