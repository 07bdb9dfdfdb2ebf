package org.yizhan.organization.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.Actor;
import org.yizhan.organization.audit.AuditEntry;
import org.yizhan.organization.audit.AuditFilter;
import org.yizhan.organization.audit.AuditLog;
import org.yizhan.organization.audit.AuditPage;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ApiController;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log over JSON and CSV, for auditors and admins, each within their own
 * subtree.
 */
@ApiController("/api/v1")
@Tag(name = "Audit", description = "审计日志：查询与导出（审计员、管理员，限本级及下级组织）")
class AuditApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final AuditLog log;

	private final MessageSource messages;

	AuditApiController(AuditLog log, MessageSource messages) {
		this.log = log;
		this.messages = messages;
	}

	record EntryJson(long id, OffsetDateTime occurredAt, String username, List<String> roles, String actorOrganization,
			String action, String targetType, String targetId, String targetOrganization, String before, String after,
			String clientAddress) {

		static EntryJson of(AuditEntry entry) {
			return new EntryJson(entry.id(), entry.occurredAt().atZone(YizhanTime.ZONE).toOffsetDateTime(),
					entry.username(), entry.roles().isEmpty() ? List.of() : Arrays.asList(entry.roles().split(",")),
					entry.actorOrganizationCode(), entry.action(), entry.targetType(), entry.targetId(),
					entry.targetOrganizationCode(), entry.beforeSummary(), entry.afterSummary(), entry.clientAddress());
		}

	}

	record PageJson(List<EntryJson> content, int page, int size, long totalElements, int totalPages) {
	}

	@GetMapping(path = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Audit entries, newest first",
			description = "from/to: a day (2026-11-23, to includes it) or a time (Shanghai unless an offset is given); "
					+ "action: station.suspend, or an area such as station; org: a union code in your subtree.")
	PageJson list(AuditRequest request, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Actor viewer = AuditRequest.viewer();
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		AuditFilter filter;
		try {
			filter = request.toFilter(viewer, log);
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
			throw new InvalidInputException(violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		AuditPage result = log.search(filter, page, size);
		return new PageJson(result.content().stream().map(EntryJson::of).toList(), result.page(), result.size(),
				result.totalElements(), result.totalPages());
	}

	@GetMapping(path = "/audit.csv")
	@Operation(summary = "The matching audit entries as CSV", description = "As GET /audit with Accept: text/csv.")
	void exportCsv(@Parameter(hidden = true) AuditRequest request, HttpServletResponse response) {
		export(request, response);
	}

	@GetMapping(path = "/audit", produces = AuditCsv.MEDIA_TYPE)
	@Operation(summary = "The matching audit entries as CSV (Accept: text/csv, or /api/v1/audit.csv)",
			description = "Cells that a spreadsheet would run as formulas start with an apostrophe. "
					+ "The export itself is recorded in the audit log.")
	void export(@Parameter(hidden = true) AuditRequest request, HttpServletResponse response) {
		Actor viewer = AuditRequest.viewer();
		AuditFilter filter = request.toFilter(viewer, log);
		log.recordExport(viewer.organizationCode(), request.describe());
		AuditCsv.write(log, filter, messages, LocaleContextHolder.getLocale(), response);
	}

}
