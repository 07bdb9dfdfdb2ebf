package org.yizhan.organization.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.Actor;
import org.yizhan.organization.audit.AuditFilter;
import org.yizhan.organization.audit.AuditLog;
import org.yizhan.organization.audit.AuditPage;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's audit log: filters, pages of entries in Shanghai time, and the CSV export
 * of what is filtered.
 */
@Controller
class AuditConsoleController {

	static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final ConsoleMessages consoleMessages;

	private final MessageSource messages;

	private final AuditSentences sentences;

	AuditConsoleController(AuditLog log, MessageSource messages, ConsoleMessages consoleMessages,
			AuditSentences sentences) {
		this.consoleMessages = consoleMessages;
		this.log = log;
		this.messages = messages;
		this.sentences = sentences;
	}

	/** A drop-down's choice: what is sent, what is read. */
	record Choice(String value, String label) {
	}

	@GetMapping("/console/audit")
	String list(AuditRequest request, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletResponse response) {
		Actor viewer = AuditRequest.viewer();
		AuditPage result;
		try {
			AuditFilter filter = request.toFilter(viewer, log);
			result = log.search(filter, Math.max(0, page), PAGE_SIZE);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("problems", consoleMessages.lines(ex.violations()));
			result = new AuditPage(List.of(), 0, PAGE_SIZE, 0);
		}
		model.addAttribute("filters", request);
		model.addAttribute("result", result);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("rows", result.content().stream().map(entry -> sentences.row(entry, locale)).toList());
		model.addAttribute("actions", choices(log.listActions(), action -> sentences.actionLabel(action, locale)));
		model.addAttribute("targetTypes",
				choices(log.listTargetTypes(), type -> sentences.targetTypeLabel(type, locale)));
		model.addAttribute("query", query(request));
		return "organization/console/audit";
	}

	@GetMapping("/console/audit/export.csv")
	void export(AuditRequest request, HttpServletResponse response) {
		Actor viewer = AuditRequest.viewer();
		AuditFilter filter = request.toFilter(viewer, log);
		log.recordExport(viewer.organizationCode(), request.describe());
		AuditCsv.write(log, filter, messages, LocaleContextHolder.getLocale(), response);
	}

	/** The values by their labels, in the order of the labels. */
	private static List<Choice> choices(List<String> values, Function<String, String> label) {
		Collator collator = Collator.getInstance(Locale.CHINA);
		return values.stream()
			.map(value -> new Choice(value, label.apply(value)))
			.sorted(Comparator.comparing(Choice::label, collator))
			.toList();
	}

	/** The filters as a query string, for the paging links and the export. */
	private static String query(AuditRequest request) {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		add(query, "from", request.from());
		add(query, "to", request.to());
		add(query, "action", request.action());
		add(query, "username", request.username());
		add(query, "targetType", request.targetType());
		add(query, "targetId", request.targetId());
		add(query, "org", request.org());
		return query.encode().build().getQuery();
	}

	private static void add(UriComponentsBuilder query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.queryParam(name, value.strip());
		}
	}

}
