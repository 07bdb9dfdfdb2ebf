package org.yizhan.organization.audit;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes an {@link Audited} action into the audit log synchronously, inside the
 * transaction of the change that published it: the entry commits or rolls back with the
 * change. An action outside a transaction is a programming error and fails.
 */
@Component
class AuditRecorder {

	static final int MAX_SUMMARY = 2000;

	/** Who acts when no one is signed in: scheduled jobs and start-up imports. */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	AuditRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void record(Audited action) {
		Who who = who();
		int written = jdbc.sql("""
				insert into audit_entry (username, roles, actor_organization_code, action, target_type, target_id,
				    target_organization_code, target_organization_path, before_summary, after_summary, client_address)
				select :username, :roles, :actorOrganization, :action, :targetType, :targetId, o.code, o.path,
				    :before, :after, :client
				from organization o where o.code = :organization
				""")
			.param("username", who.username())
			.param("roles", who.roles())
			.param("actorOrganization", who.organizationCode())
			.param("action", action.action())
			.param("targetType", action.targetType())
			.param("targetId", action.targetId())
			.param("organization", action.organizationCode())
			.param("before", cut(action.before()))
			.param("after", cut(action.after()))
			.param("client", clientAddress())
			.update();
		if (written != 1) {
			throw new IllegalStateException("Audited action " + action.action() + " names the unknown organisation "
					+ action.organizationCode());
		}
	}

	private record Who(String username, String roles, String organizationCode) {
	}

	/**
	 * The account when there is one; else the Spring Security login (the in-memory admin
	 * until accounts exist), with its authorities as roles; else the system.
	 */
	private static Who who() {
		var actor = Actor.current();
		if (actor.isPresent()) {
			return new Who(actor.get().username(),
					actor.get().roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
					actor.get().organizationCode());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()) {
			return new Who(authentication.getName(),
					authentication.getAuthorities()
						.stream()
						.map(authority -> authority.getAuthority())
						// Roles only: Spring Security also grants factors such as
						// FACTOR_PASSWORD.
						.filter(authority -> authority != null && authority.startsWith("ROLE_"))
						.map(authority -> authority.substring("ROLE_".length()))
						.sorted()
						.collect(Collectors.joining(",")),
					null);
		}
		return new Who(SYSTEM, "", null);
	}

	/**
	 * The client's address as the container saw it; behind a proxy Spring's forwarded
	 * header handling ({@code server.forward-headers-strategy}) has already rewritten it,
	 * so a forged {@code X-Forwarded-For} counts only where the operator trusts it.
	 */
	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String cut(String summary) {
		return summary == null || summary.length() <= MAX_SUMMARY ? summary
				: summary.substring(0, MAX_SUMMARY - 1) + "…";
	}

}
