package org.yizhan.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.station.Amenity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Checklists, their versions and items, and the unions' assignments, with SQL. There are
 * few checklists (one per standard and union that sets one), so a read loads whole
 * checklists with all their versions.
 */
@Repository
class ChecklistRepository {

	private final JdbcClient jdbc;

	ChecklistRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An assignment of a checklist to a union's subtree. */
	record Assignment(String unionCode, String unionName, String unionPath, long checklistId, Instant assignedAt,
			String assignedBy) {
	}

	private record Head(long id, String ownerCode, String ownerName, String nameZh, String nameEn, String source,
			Long extendsId, Instant createdAt) {
	}

	private record VersionRow(long id, long checklistId, int number, String note, Instant createdAt, String createdBy) {
	}

	List<Checklist> listAll() {
		return load(null);
	}

	Optional<Checklist> findById(long id) {
		return load(List.of(id)).stream().findFirst();
	}

	private List<Checklist> load(Collection<Long> ids) {
		String filter = ids == null ? "" : " where c.id in (:ids)";
		var heads = jdbc
			.sql("""
					select c.id, c.owner_code, o.name as owner_name, c.name_zh, c.name_en, c.source, c.extends_id, c.created_at
					from checklist c left join organization o on o.code = c.owner_code"""
					+ filter + " order by c.id")
			.params(ids == null ? Map.of() : Map.of("ids", ids))
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("owner_code"), rs.getString("owner_name"),
					rs.getString("name_zh"), rs.getString("name_en"), rs.getString("source"),
					(Long) rs.getObject("extends_id"), instant(rs, "created_at")))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> headIds = heads.stream().map(Head::id).toList();
		List<VersionRow> versions = jdbc.sql("""
				select id, checklist_id, number, note, created_at, created_by from checklist_version
				where checklist_id in (:ids) order by checklist_id, number desc""")
			.param("ids", headIds)
			.query((rs, n) -> new VersionRow(rs.getLong("id"), rs.getLong("checklist_id"), rs.getInt("number"),
					rs.getString("note"), instant(rs, "created_at"), rs.getString("created_by")))
			.list();
		Map<Long, List<ChecklistItem>> items = new LinkedHashMap<>();
		jdbc.sql("""
				select i.version_id, i.code, i.text_zh, i.text_en, i.evidence, i.amenity, i.minimum, i.unit, i.measure,
				  i.required
				from checklist_item i join checklist_version v on v.id = i.version_id
				where v.checklist_id in (:ids) order by i.version_id, i.position""")
			.param("ids", headIds)
			.query((ResultSet rs) -> {
				items.computeIfAbsent(rs.getLong("version_id"), key -> new ArrayList<>()).add(item(rs));
			});
		Map<Long, List<ChecklistVersion>> byChecklist = new LinkedHashMap<>();
		for (VersionRow row : versions) {
			byChecklist.computeIfAbsent(row.checklistId(), key -> new ArrayList<>())
				.add(new ChecklistVersion(row.id(), row.number(), row.note(), row.createdAt(), row.createdBy(),
						items.getOrDefault(row.id(), List.of())));
		}
		return heads.stream()
			.map(head -> new Checklist(head.id(), head.ownerCode(), head.ownerName(), head.nameZh(), head.nameEn(),
					head.source(), head.extendsId(), head.createdAt(), byChecklist.getOrDefault(head.id(), List.of())))
			.toList();
	}

	private static ChecklistItem item(ResultSet rs) throws SQLException {
		String amenity = rs.getString("amenity");
		String measure = rs.getString("measure");
		return new ChecklistItem(rs.getString("code"), rs.getString("text_zh"), rs.getString("text_en"),
				Evidence.valueOf(rs.getString("evidence")), amenity == null ? null : Amenity.valueOf(amenity),
				rs.getBigDecimal("minimum"), rs.getString("unit"),
				measure == null ? null : StationMeasure.valueOf(measure), rs.getBoolean("required"));
	}

	/**
	 * Locks the checklist's row, so two new versions of it are numbered one after the
	 * other.
	 */
	void lock(long checklistId) {
		jdbc.sql("select id from checklist where id = :id for update")
			.param("id", checklistId)
			.query(Long.class)
			.list();
	}

	long insertChecklist(String ownerCode, String nameZh, String nameEn, String source, Long extendsId, Instant now) {
		return jdbc.sql("""
				insert into checklist (owner_code, name_zh, name_en, source, extends_id, created_at)
				values (:owner, :nameZh, :nameEn, :source, :extendsId, :now) returning id""")
			.param("owner", ownerCode)
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("source", source)
			.param("extendsId", extendsId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Adds the next version with its items; returns its number. */
	int insertVersion(long checklistId, String note, List<ChecklistItem> items, Instant now, String by) {
		long versionId = jdbc
			.sql("""
					insert into checklist_version (checklist_id, number, note, created_at, created_by)
					select :id, coalesce(max(number), 0) + 1, :note, :now, :by from checklist_version where checklist_id = :id
					returning id""")
			.param("id", checklistId)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.query(Long.class)
			.single();
		int position = 1;
		for (ChecklistItem item : items) {
			jdbc.sql(
					"""
							insert into checklist_item (version_id, position, code, text_zh, text_en, evidence, amenity, minimum,
							  unit, measure, required)
							values (:version, :position, :code, :textZh, :textEn, :evidence, :amenity, :minimum, :unit, :measure,
							  :required)""")
				.param("version", versionId)
				.param("position", position++)
				.param("code", item.code())
				.param("textZh", item.textZh())
				.param("textEn", item.textEn())
				.param("evidence", item.evidence().name())
				.param("amenity", item.amenity() == null ? null : item.amenity().name())
				.param("minimum", item.minimum(), java.sql.Types.NUMERIC)
				.param("unit", item.unit())
				.param("measure", item.measure() == null ? null : item.measure().name())
				.param("required", item.required())
				.update();
		}
		return jdbc.sql("select number from checklist_version where id = :id")
			.param("id", versionId)
			.query(Integer.class)
			.single();
	}

	List<Assignment> listAssignments() {
		return jdbc.sql("""
				select a.union_code, o.name, coalesce(o.path, a.union_code) as path, a.checklist_id, a.assigned_at,
				  a.assigned_by
				from checklist_assignment a left join organization o on o.code = a.union_code
				order by path""").query((rs, n) -> assignment(rs)).list();
	}

	/**
	 * The assignment nearest {@code path} up the tree (the union at the path included).
	 */
	Optional<Assignment> findNearestAbove(String path) {
		return jdbc.sql("""
				select a.union_code, o.name, o.path, a.checklist_id, a.assigned_at, a.assigned_by
				from checklist_assignment a join organization o on o.code = a.union_code
				where :path = o.path or :path like o.path || '/%'
				order by length(o.path) desc limit 1""")
			.param("path", path)
			.query((rs, n) -> assignment(rs))
			.optional();
	}

	/** The assignments strictly below {@code path}. */
	List<Assignment> listBelow(String path) {
		return jdbc.sql("""
				select a.union_code, o.name, o.path, a.checklist_id, a.assigned_at, a.assigned_by
				from checklist_assignment a join organization o on o.code = a.union_code
				where o.path like :path || '/%' order by o.path""")
			.param("path", path)
			.query((rs, n) -> assignment(rs))
			.list();
	}

	void assign(String unionCode, long checklistId, Instant now, String by) {
		jdbc.sql("""
				insert into checklist_assignment (union_code, checklist_id, assigned_at, assigned_by)
				values (:union, :checklist, :now, :by)
				on conflict (union_code) do update
				  set checklist_id = excluded.checklist_id, assigned_at = excluded.assigned_at,
				      assigned_by = excluded.assigned_by""")
			.param("union", unionCode)
			.param("checklist", checklistId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	private static Assignment assignment(ResultSet rs) throws SQLException {
		return new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
				instant(rs, "assigned_at"), rs.getString(6));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
