package org.yizhan.organization.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.yizhan.platform.Paging;
import org.yizhan.organization.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for its viewers: a page of entries, or all of them for an export.
 * It never changes an entry (the database would refuse); recording an export is the one
 * write.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	private static final String COLUMNS = """
			id, occurred_at, username, roles, actor_organization_code, action, target_type, target_id,
			target_organization_code, before_summary, after_summary, client_address""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final ApplicationEventPublisher events;

	AuditLog(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// Inside a transaction PostgreSQL then sends the rows in batches, not all at
		// once.
		template.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.events = events;
	}

	/**
	 * Every action recorded so far, for the filter's drop-down: one index probe per
	 * distinct value (a loose index scan), however long the log.
	 */
	public List<String> listActions() {
		return distinct("action");
	}

	/** Every kind of object recorded so far, for the filter's drop-down. */
	public List<String> listTargetTypes() {
		return distinct("target_type");
	}

	/** The distinct values of an indexed column, in order; {@code column} is ours. */
	private List<String> distinct(String column) {
		return jdbc.sql("""
				with recursive seen(value) as (
				  (select %1$s from audit_entry order by %1$s limit 1)
				  union all
				  select (select %1$s from audit_entry where %1$s > seen.value order by %1$s limit 1)
				  from seen where seen.value is not null)
				select value from seen where value is not null""".formatted(column)).query(String.class).list();
	}

	/**
	 * The path of an organisation as recorded, merged or not: the subtree to filter by.
	 */
	public Optional<String> findOrganizationPath(String code) {
		return jdbc.sql("select path from organization where code = :code")
			.param("code", code)
			.query(String.class)
			.optional();
	}

	/** Newest first. */
	public AuditPage search(AuditFilter filter, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		List<AuditEntry> content = jdbc
			.sql("select " + COLUMNS + " from audit_entry" + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.query((rs, row) -> map(rs))
			.list();
		return new AuditPage(content, page, size, total);
	}

	/** Every matching entry, newest first, read in batches. */
	public void forEach(AuditFilter filter, Consumer<AuditEntry> action) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		streaming.query("select " + COLUMNS + " from audit_entry" + where + " order by occurred_at desc, id desc",
				params, rs -> {
					action.accept(map(rs));
				});
	}

	/**
	 * Records that someone exported the log, before the file is sent: an export copies
	 * usernames and client addresses out of the system, so who took which part is worth
	 * knowing even if the download then breaks off. Reading a page is not recorded.
	 */
	@Transactional
	public void recordExport(String actorOrganizationCode, String filterSummary) {
		events.publishEvent(
				new Audited("audit.export", "audit", "audit_entry", actorOrganizationCode, null, filterSummary));
	}

	private static String where(AuditFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.organizationPath() != null) {
			conditions.add("(target_organization_path = :path or target_organization_path like :pathPrefix)");
			params.put("path", filter.organizationPath());
			params.put("pathPrefix", likePrefix(filter.organizationPath()));
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(filter.to()));
		}
		if (filter.action() != null) {
			if (filter.action().contains(".")) {
				conditions.add("action = :action");
				params.put("action", filter.action());
			}
			else {
				conditions.add("action like :action");
				params.put("action", escapeLike(filter.action()) + ".%");
			}
		}
		equal(conditions, params, "username", filter.username());
		equal(conditions, params, "target_type", filter.targetType());
		equal(conditions, params, "target_id", filter.targetId());
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static void equal(List<String> conditions, Map<String, Object> params, String column, String value) {
		if (value != null) {
			conditions.add(column + " = :" + column);
			params.put(column, value);
		}
	}

	/** {@code value/%}: everything below the organisation at that path. */
	private static String likePrefix(String path) {
		return escapeLike(path) + "/%";
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
				rs.getString("roles"), rs.getString("actor_organization_code"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_organization_code"),
				rs.getString("before_summary"), rs.getString("after_summary"), rs.getString("client_address"));
	}

}
