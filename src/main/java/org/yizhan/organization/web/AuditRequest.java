package org.yizhan.organization.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.access.Callers;
import org.yizhan.organization.audit.AuditFilter;
import org.yizhan.organization.audit.AuditLog;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;

import org.springframework.security.access.AccessDeniedException;

/**
 * The audit viewer's filters as the API and the console receive them. Dates are days in
 * Asia/Shanghai ({@code to} includes its whole day); times without an offset are Shanghai
 * time.
 */
record AuditRequest(String from, String to, String action, String username, String targetType, String targetId,
		String org) {

	static final int MAX_TEXT = 100;

	/** Only auditors and admins read the log, and only for their own subtree. */
	static Actor viewer() {
		return Callers.require(Role.AUDITOR, Role.ORG_ADMIN);
	}

	/**
	 * @throws InvalidInputException naming every field at fault
	 * @throws AccessDeniedException when {@code org} lies outside the viewer's subtree
	 */
	AuditFilter toFilter(Actor viewer, AuditLog log) {
		List<Violation> violations = new ArrayList<>();
		Instant fromInstant = instant(from, "from", false, violations);
		Instant toInstant = instant(to, "to", true, violations);
		if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
			violations.add(Violation.of("to", "audit.toBeforeFrom"));
		}
		String path = viewer.organizationPath();
		if (present(org)) {
			var recorded = log.findOrganizationPath(org.strip());
			if (recorded.isEmpty()) {
				violations.add(Violation.of("org", "audit.unknownOrganization", org.strip()));
			}
			else if (!viewer.sees(recorded.get())) {
				throw new AccessDeniedException(viewer.username() + " may not read the audit log of " + org);
			}
			else {
				path = recorded.get();
			}
		}
		String actionValue = text(action, "action", violations);
		String usernameValue = text(username, "username", violations);
		String targetTypeValue = text(targetType, "targetType", violations);
		String targetIdValue = text(targetId, "targetId", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new AuditFilter(fromInstant, toInstant, actionValue, usernameValue, targetTypeValue, targetIdValue,
				path);
	}

	/** The filters given, as the export's audit entry records them. */
	String describe() {
		Map<String, String> given = new LinkedHashMap<>();
		given.put("from", from);
		given.put("to", to);
		given.put("action", action);
		given.put("username", username);
		given.put("targetType", targetType);
		given.put("targetId", targetId);
		given.put("org", org);
		String described = given.entrySet()
			.stream()
			.filter(entry -> present(entry.getValue()))
			.map(entry -> entry.getKey() + "=" + entry.getValue().strip())
			.collect(Collectors.joining("; "));
		return described.isEmpty() ? "all" : described;
	}

	private static Instant instant(String value, String field, boolean endOfDay, List<Violation> violations) {
		if (!present(value)) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(YizhanTime.ZONE).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			return LocalDateTime.parse(text).atZone(YizhanTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of(field, "audit.dateTime"));
			return null;
		}
	}

	private static String text(String value, String field, List<Violation> violations) {
		if (!present(value)) {
			return null;
		}
		if (value.strip().length() > MAX_TEXT) {
			violations.add(Violation.of(field, "validation.tooLong", MAX_TEXT));
			return null;
		}
		return value.strip();
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
