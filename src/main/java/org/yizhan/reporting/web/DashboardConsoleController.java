package org.yizhan.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PublicBaseUrl;
import org.yizhan.reporting.Dashboard;
import org.yizhan.reporting.DisplayTokens;
import org.yizhan.reporting.UnionDashboards;

import org.springframework.context.MessageSource;
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
 * The console's dashboard (概览): a union's figures with their charts and tables, the
 * drill-down to its child unions, each table as Excel, and the display tokens of its
 * control-room screen.
 */
@Controller
class DashboardConsoleController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final UnionDashboards dashboards;

	private final DisplayTokens displays;

	private final MessageSource messages;

	private final ConsoleMessages consoleMessages;

	private final JsonMapper json;

	private final PublicBaseUrl baseUrl;

	DashboardConsoleController(UnionDashboards dashboards, DisplayTokens displays, MessageSource messages,
			ConsoleMessages consoleMessages, JsonMapper json, PublicBaseUrl baseUrl) {
		this.dashboards = dashboards;
		this.displays = displays;
		this.messages = messages;
		this.consoleMessages = consoleMessages;
		this.json = json;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/console/dashboard")
	String dashboard(@RequestParam(required = false) String org, Model model) {
		Dashboard dashboard = this.dashboards.forUnion(code(org));
		model.addAttribute("view", view(dashboard));
		model.addAttribute("union", dashboard.union());
		model.addAttribute("ancestry", this.dashboards.listAncestry(dashboard.union().code()));
		model.addAttribute("mayManageDisplays", Actor.required().holds(Role.ORG_ADMIN));
		return "reporting/console/dashboard";
	}

	/**
	 * One table of the dashboard ({@code table}: its id) or all of them, one sheet each,
	 * as xlsx. The workbook is written to memory first: it is a few kilobytes, and a
	 * refusal found while writing can then still be an error page.
	 */
	@GetMapping("/console/dashboard/export")
	void export(@RequestParam(required = false) String org, @RequestParam(required = false) String table,
			HttpServletResponse response) throws IOException {
		Dashboard dashboard = this.dashboards.forUnion(code(org));
		DashboardView view = view(dashboard);
		List<FigureTable> tables = view.getTables();
		String suffix = "";
		if (table != null && !table.isBlank()) {
			FigureTable one = view.table(table.strip());
			if (one == null) {
				throw new InvalidInputException(Violation.of("table", "validation.unknownValue", table.strip(),
						String.join(", ", tables.stream().map(FigureTable::id).toList())));
			}
			tables = List.of(one);
			suffix = "-" + one.id();
		}
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		DashboardWorkbook.write(buffer, dashboard.union().name() + " · "
				+ this.messages.getMessage("reporting.title", null, locale()) + " · " + dashboard.today(), tables);
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("dashboard-" + dashboard.union().code() + suffix + "-" + dashboard.today() + ".xlsx")
					.build()
					.toString());
		response.setContentLength(buffer.size());
		try (OutputStream out = response.getOutputStream()) {
			buffer.writeTo(out);
		}
	}

	@GetMapping("/console/dashboard/displays")
	String displays(@RequestParam(required = false) String org, Model model) {
		Organization union = this.dashboards.readable(code(org));
		model.addAttribute("errors", java.util.Map.of());
		model.addAttribute("union", union);
		model.addAttribute("tokens", this.displays.list(union.code()));
		model.addAttribute("maxLabel", DisplayTokens.MAX_LABEL);
		return "reporting/console/displays";
	}

	@PostMapping("/console/dashboard/displays")
	String createDisplay(@RequestParam(required = false) String org, @RequestParam(required = false) String label,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Organization union = this.dashboards.readable(code(org));
		try {
			DisplayTokens.Created created = this.displays.create(union.code(), label);
			model.addAttribute("created", created);
			model.addAttribute("displayUrl", this.baseUrl.resolve(request) + "/display/" + created.secret());
			model.addAttribute("errors", java.util.Map.of());
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", this.consoleMessages.byField(ex.violations()));
			model.addAttribute("label", label);
		}
		// the secret is shown once, on this answer, and never again (no redirect to a
		// page that could be reloaded)
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("union", union);
		model.addAttribute("tokens", this.displays.list(union.code()));
		model.addAttribute("maxLabel", DisplayTokens.MAX_LABEL);
		return "reporting/console/displays";
	}

	@PostMapping("/console/dashboard/displays/{id}/revoke")
	String revokeDisplay(@PathVariable long id, @RequestParam(required = false) String org,
			RedirectAttributes redirect) {
		Organization union = this.dashboards.readable(code(org));
		this.displays.revoke(union.code(), id);
		redirect.addFlashAttribute("notice", "reporting.display.revoked");
		redirect.addAttribute("org", union.code());
		return "redirect:/console/dashboard/displays";
	}

	private DashboardView view(Dashboard dashboard) {
		return new DashboardView(dashboard, this.messages, locale(), this.json,
				code -> "/console/dashboard?org=" + code);
	}

	private static String code(String org) {
		return (org == null || org.isBlank()) ? Actor.required().organizationCode() : org.strip();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
