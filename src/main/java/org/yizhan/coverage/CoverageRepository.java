package org.yizhan.coverage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored inputs of coverage: area boundaries, demand points and candidate sites.
 */
@Repository
class CoverageRepository {

	enum AreaSource {

		UPLOADED, DERIVED

	}

	record StoredArea(String orgCode, String name, AreaSource source, String geometry, double areaM2) {
	}

	record WeightedPoint(double lat, double lon, double weight) {
	}

	record CandidateSite(long id, String name, String hostType, double lat, double lon) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	CoverageRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The areas of an organisation's subtree, in code order. */
	List<StoredArea> listAreasWithin(String orgPath) {
		return this.jdbc.sql("""
				select a.org_code, a.name, a.source, a.geometry, a.area_m2 from coverage_area a
				join organization o on o.code = a.org_code
				where o.path = :path or o.path like :prefix
				order by a.org_code""")
			.param("path", orgPath)
			.param("prefix", orgPath + "/%")
			.query((rs, row) -> new StoredArea(rs.getString(1), rs.getString(2), AreaSource.valueOf(rs.getString(3)),
					rs.getString(4), rs.getDouble(5)))
			.list();
	}

	/**
	 * Every organisation with an area and its parent, as (code, name, parent code, parent
	 * name).
	 */
	/**
	 * The districts with areas inside the subtree at {@code path}, with their parents
	 * when those lie inside it too.
	 */
	List<String[]> listAreaOrganizations(String path) {
		return this.jdbc.sql("""
				select a.org_code, a.name, p.code, p.name from coverage_area a
				join organization o on o.code = a.org_code
				left join organization p on p.code = o.parent_code and (p.path = :path or p.path like :path || '/%')
				where o.path = :path or o.path like :path || '/%'
				order by p.code nulls first, a.org_code""")
			.param("path", path)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
	}

	void saveArea(String orgCode, String name, AreaSource source, String geometry, double areaM2, Instant now) {
		this.jdbc.sql("""
				insert into coverage_area (org_code, name, source, geometry, area_m2, updated_at)
				values (:org, :name, :source, :geometry, :area, :now)
				on conflict (org_code) do update set name = excluded.name, source = excluded.source,
				geometry = excluded.geometry, area_m2 = excluded.area_m2, updated_at = excluded.updated_at""")
			.param("org", orgCode)
			.param("name", name)
			.param("source", source.name())
			.param("geometry", geometry)
			.param("area", areaM2)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Demand points of every layer inside a box: demand is where it is, whoever uploaded
	 * it.
	 */
	List<WeightedPoint> listDemandPointsIn(double south, double west, double north, double east) {
		return this.jdbc.sql("""
				select lat, lon, weight from coverage_demand_point
				where lat between :south and :north and lon between :west and :east order by id""")
			.param("south", south)
			.param("north", north)
			.param("west", west)
			.param("east", east)
			.query((rs, row) -> new WeightedPoint(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
			.list();
	}

	/** Replaces an organisation's demand layer. */
	int replaceDemandPoints(String orgCode, List<WeightedPoint> points, List<String> names) {
		this.jdbc.sql("delete from coverage_demand_point where org_code = :org").param("org", orgCode).update();
		List<Object[]> rows = new ArrayList<>(points.size());
		for (int i = 0; i < points.size(); i++) {
			WeightedPoint point = points.get(i);
			rows.add(new Object[] { orgCode, point.lat(), point.lon(), point.weight(), names.get(i) });
		}
		this.batch.batchUpdate(
				"insert into coverage_demand_point (org_code, lat, lon, weight, name) values (?, ?, ?, ?, ?)", rows);
		return points.size();
	}

	List<CandidateSite> listCandidatesIn(String source, double south, double west, double north, double east) {
		return this.jdbc.sql("""
				select id, name, host_type, lat, lon from coverage_candidate_site
				where source = :source and lat between :south and :north and lon between :west and :east
				order by id""")
			.param("source", source)
			.param("south", south)
			.param("north", north)
			.param("west", west)
			.param("east", east)
			.query((rs, row) -> new CandidateSite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
					rs.getDouble(5)))
			.list();
	}

	void addCandidate(String orgCode, String source, String name, String hostType, double lat, double lon) {
		this.jdbc.sql("""
				insert into coverage_candidate_site (org_code, source, name, host_type, lat, lon)
				values (:org, :source, :name, :hostType, :lat, :lon)""")
			.param("org", orgCode)
			.param("source", source)
			.param("name", name)
			.param("hostType", hostType)
			.param("lat", lat)
			.param("lon", lon)
			.update();
	}

	void deleteCandidates(String orgCode, String source) {
		this.jdbc.sql("delete from coverage_candidate_site where org_code = :org and source = :source")
			.param("org", orgCode)
			.param("source", source)
			.update();
	}

	/**
	 * Changes whenever an area or a demand layer changes, in any instance: the key under
	 * which built grids are kept.
	 */
	String inputsFingerprint() {
		return this.jdbc.sql("""
				select (select count(*) || ':' || coalesce(max(updated_at)::text, '') from coverage_area)
				|| '/' || (select count(*) || ':' || coalesce(max(id), 0) from coverage_demand_point)""")
			.query(String.class)
			.single();
	}

}
