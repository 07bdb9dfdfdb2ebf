package org.yizhan.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.reporting.UnionDashboards;
import org.yizhan.reporting.UnionReports;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A union's monthly and yearly reports (月报、年报): the list of those kept, a form to make
 * one on demand, and each as PDF and Excel, drawn from the figures the report keeps in
 * the reader's language.
 */
@Controller
class ReportConsoleController {

	private final UnionReports reports;

	private final UnionDashboards dashboards;

	private final ReportFiles files;

	private final ConsoleMessages consoleMessages;

	ReportConsoleController(UnionReports reports, UnionDashboards dashboards, ReportFiles files,
			ConsoleMessages consoleMessages) {
		this.reports = reports;
		this.dashboards = dashboards;
		this.files = files;
		this.consoleMessages = consoleMessages;
	}

	@GetMapping("/console/dashboard/reports")
	String list(@RequestParam(required = false) String org, Model model) {
		Organization union = this.dashboards.readable(code(org));
		YearMonth thisMonth = YearMonth.from(this.dashboards.today());
		return page(union, "MONTH", thisMonth.toString(), Map.of(), model);
	}

	@PostMapping("/console/dashboard/reports")
	String make(@RequestParam(required = false) String org, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String period, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Organization union = this.dashboards.readable(code(org));
		try {
			var made = this.reports.make(union.code(), kind, period);
			redirect.addFlashAttribute("notice", "reporting.report.madeNotice");
			redirect.addFlashAttribute("madeId", made.id());
			redirect.addAttribute("org", union.code());
			return "redirect:/console/dashboard/reports";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return page(union, kind, period, this.consoleMessages.byField(ex.violations()), model);
		}
	}

	@GetMapping("/console/dashboard/reports/{id}/pdf")
	void pdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		ReportFiles.File file = this.files.pdf(id, LocaleContextHolder.getLocale());
		send(response, "application/pdf", file.name(), file.bytes());
	}

	@GetMapping("/console/dashboard/reports/{id}/xlsx")
	void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		ReportFiles.File file = this.files.xlsx(id, LocaleContextHolder.getLocale());
		send(response, DashboardConsoleController.XLSX, file.name(), file.bytes());
	}

	private String page(Organization union, String kind, String period, Map<String, List<String>> errors, Model model) {
		model.addAttribute("union", union);
		model.addAttribute("reports", this.reports.list(union.code()));
		model.addAttribute("kind", kind);
		model.addAttribute("period", period);
		model.addAttribute("errors", errors);
		return "reporting/console/reports";
	}

	private static void send(HttpServletResponse response, String type, String name, byte[] body) throws IOException {
		response.setContentType(type);
		response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString());
		response.setContentLength(body.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(body);
		}
	}

	private static String code(String org) {
		return (org == null || org.isBlank()) ? Actor.required().organizationCode() : org.strip();
	}

}
