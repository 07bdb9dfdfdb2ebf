package org.yizhan.listing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yizhan.listing.FreshnessFigures;
import org.yizhan.organization.Actor;
import org.yizhan.platform.Csv;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's page of how truthful a union's listings are (核实情况), per child union, and
 * the same table as xlsx for a meeting.
 */
@Controller
class FreshnessFiguresController {

	static final String PAGE = "/console/listing/figures";

	private final FreshnessFigures figures;

	private final MessageSource messages;

	FreshnessFiguresController(FreshnessFigures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(@RequestParam(required = false) String org, @RequestParam(required = false) String month, Model model) {
		FreshnessFigures.Report report = figures.forUnion(code(org), month);
		model.addAttribute("report", report);
		model.addAttribute("withinDays", FreshnessFigures.WITHIN_DAYS);
		return "listing/figures";
	}

	/**
	 * The page's table as xlsx: counts as numbers, shares as fractions formatted as
	 * percentages and waits in hours, so a leader can sum and chart them; names
	 * neutralised as the CSV writer does, since they come from people.
	 */
	@GetMapping(PAGE + ".xlsx")
	void export(@RequestParam(required = false) String org, @RequestParam(required = false) String month,
			HttpServletResponse response) throws IOException {
		FreshnessFigures.Report report = figures.forUnion(code(org), month);
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(buffer, "yizhan", "1.0");
		Worksheet sheet = workbook.newWorksheet(text("listing.figures.title"));
		sheet.inlineString(0, 0, Csv.neutralise(report.union().name() + " · " + text("listing.figures.title") + " · "
				+ text("listing.figures.asOf", report.today(), report.month())));
		List<String> headers = headers();
		for (int c = 0; c < headers.size(); c++) {
			sheet.inlineString(1, c, headers.get(c));
			sheet.style(1, c).bold().set();
		}
		List<FreshnessFigures.Row> rows = new ArrayList<>(report.children());
		rows.add(report.whole());
		int r = 2;
		for (FreshnessFigures.Row row : rows) {
			int c = 0;
			sheet.inlineString(r, c++, Csv.neutralise(row.name()));
			sheet.value(r, c++, row.listed());
			for (int i = 0; i < FreshnessFigures.WITHIN_DAYS.length; i++) {
				sheet.value(r, c, row.share(i));
				sheet.style(r, c++).format("0.0%").set();
			}
			sheet.value(r, c++, row.held());
			sheet.value(r, c++, row.shutReports());
			sheet.value(r, c++, row.settled());
			sheet.value(r, c++, row.unsettledOverDay());
			hours(sheet, r, c++, row.medianWait());
			hours(sheet, r, c, row.p90Wait());
			r++;
		}
		sheet.finish();
		workbook.finish();
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("listing-figures-" + report.union().code() + "-" + report.month() + ".xlsx")
					.build()
					.toString());
		response.setContentLength(buffer.size());
		try (OutputStream out = response.getOutputStream()) {
			buffer.writeTo(out);
		}
	}

	private List<String> headers() {
		List<String> headers = new ArrayList<>();
		headers.add(text("listing.figures.union"));
		headers.add(text("listing.figures.listed"));
		for (int days : FreshnessFigures.WITHIN_DAYS) {
			headers.add(text("listing.figures.within", days));
		}
		headers.add(text("listing.figures.held"));
		headers.add(text("listing.figures.shutReports"));
		headers.add(text("listing.figures.settled"));
		headers.add(text("listing.figures.unsettled"));
		headers.add(text("listing.figures.median"));
		headers.add(text("listing.figures.p90"));
		return headers;
	}

	private static void hours(Worksheet sheet, int r, int c, Duration wait) {
		if (wait != null) {
			sheet.value(r, c, wait.toMinutes() / 60.0);
			sheet.style(r, c).format("0.0").set();
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	private static String code(String org) {
		return (org == null || org.isBlank()) ? Actor.required().organizationCode() : org.strip();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
