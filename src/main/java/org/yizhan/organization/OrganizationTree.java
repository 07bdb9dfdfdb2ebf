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

	/**
	 * The organisation now responsible for {@code code}: a union merged into another
	 * after a re-division resolves to its successor, so old codes keep working.
	 */
	public Optional<Organization> findByCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				with recursive chain (code, merged_into, hops) as (
				    select code, merged_into, 0 from organization where code = :code
				    union all
				    select o.code, o.merged_into, c.hops + 1 from organization o join chain c on o.code = c.merged_into
				    where c.hops < 20
				)
				select o.code, o.name, o.kind, o.parent_code, o.path
				from chain c join organization o on o.code = c.code
				where c.merged_into is null
				""").param("code", code.strip()).query(Organization.class).optional();
	}

	/** The chain from the national federation down to {@code code}, root first. */
	public List<Organization> listAncestry(String code) {
		return findByCode(code).map(organization -> jdbc.sql(
				"select code, name, kind, parent_code, path from organization where code in (:codes) order by length(path)")
			.param("codes", List.of(organization.path().split("/")))
			.query(Organization.class)
			.list()).orElse(List.of());
	}

	/** The organisations directly below {@code code}, without merged ones. */
	public List<Organization> listChildren(String code) {
		return jdbc.sql("""
				select code, name, kind, parent_code, path from organization
				where parent_code = :code and status = 'ACTIVE' order by code
				""").param("code", code).query(Organization.class).list();
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
				where d.code in (:codes) and o.status = 'ACTIVE'
				order by o.path
				""").param("codes", districtCodes).query(Organization.class).list();
	}

	/**
	 * Active districts whose area name (see {@link Organization#areaName()}) contains
	 * {@code text}, or is contained in it ("西湖区文三路" names 西湖区), shortest name first: the
	 * finder's place search by district.
	 */
	public List<Organization> listDistrictsNamed(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return jdbc.sql("""
				select code, name, kind, parent_code, path from (
				    select code, name, kind, parent_code, path, regexp_replace(name, '总工会$', '') as area
				    from organization where kind = 'DISTRICT' and status = 'ACTIVE'
				) d
				where strpos(area, :text) > 0 or (length(area) >= 2 and strpos(:text, area) > 0)
				order by length(area), code limit :limit
				""").param("text", text.strip()).param("limit", limit).query(Organization.class).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from organization").query(Long.class).single();
	}

}
