package org.yizhan.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the union organisation tree: the public entry point of this module.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationTree {

	public static final String NATIONAL_CODE = "100000";

	private final JdbcClient jdbc;

	OrganizationTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organization> findByCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select code, name, kind, parent_code, path from organization where code = :code")
			.param("code", code.strip())
			.query(Organization.class)
			.optional();
	}

	/** The chain from the national federation down to {@code code}, root first. */
	public List<Organization> listAncestry(String code) {
		return findByCode(code).map(organization -> jdbc.sql(
				"select code, name, kind, parent_code, path from organization where code in (:codes) order by length(path)")
			.param("codes", List.of(organization.path().split("/")))
			.query(Organization.class)
			.list()).orElse(List.of());
	}

	public List<Organization> listChildren(String code) {
		return jdbc
			.sql("select code, name, kind, parent_code, path from organization where parent_code = :code order by code")
			.param("code", code)
			.query(Organization.class)
			.list();
	}

	/**
	 * The organisations that have at least one of the given districts in their subtree,
	 * root first; used to offer only the unions that matter in filters.
	 */
	public List<Organization> listCovering(List<String> districtCodes) {
		if (districtCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct o.code, o.name, o.kind, o.parent_code, o.path
				from organization o
				join organization d on d.path = o.path or d.path like o.path || '/%'
				where d.code in (:codes)
				order by o.path
				""").param("codes", districtCodes).query(Organization.class).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from organization").query(Long.class).single();
	}

}
