package org.yizhan.organization.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.audit.AuditFilter;
import org.yizhan.organization.audit.AuditLog;
import org.yizhan.platform.Csv;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;

/**
 * Writes the audit log as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel
 * reads the Chinese), headers in the reader's language, times in Asia/Shanghai, every
 * cell neutralised against formulas.
 */
final class AuditCsv {

	static final String MEDIA_TYPE = "text/csv";

	private static final List<String> COLUMNS = List.of("occurredAt", "username", "roles", "actorOrganization",
			"action", "targetType", "targetId", "targetOrganization", "before", "after", "clientAddress");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private AuditCsv() {
	}

	static void write(AuditLog log, AuditFilter filter, MessageSource messages, Locale locale,
			HttpServletResponse response) {
		response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-"
				+ LocalDateTime.now(YizhanTime.ZONE).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".csv\"");
		try {
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			out.write('\uFEFF');
			out.write(Csv.formatRow(COLUMNS.stream()
				.map(column -> messages.getMessage("audit.column." + column, null, locale))
				.toList()));
			log.forEach(filter, entry -> {
				try {
					out.write(Csv.formatRow(
							Arrays.asList(LocalDateTime.ofInstant(entry.occurredAt(), YizhanTime.ZONE).format(TIME),
									entry.username(), entry.roles(), entry.actorOrganizationCode(), entry.action(),
									entry.targetType(), entry.targetId(), entry.targetOrganizationCode(),
									entry.beforeSummary(), entry.afterSummary(), entry.clientAddress())));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
