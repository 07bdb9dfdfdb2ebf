package org.yizhan.onboarding;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.Paging;
import org.yizhan.station.Amenity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What selection reads and writes: the sites of the applications still to be decided
 * inside a subtree, and their stored scores. Like {@link ApplicationRepository}, every
 * read carries the caller's subtree in its SQL.
 */
@Repository
class ScoreRepository {

	/** The statuses of applications still to be decided: the ones selection weighs. */
	static final List<String> OPEN = List.of(ApplicationStatus.SUBMITTED.name(), ApplicationStatus.UNDER_REVIEW.name(),
			ApplicationStatus.MORE_INFO_REQUESTED.name());

	private final JdbcClient jdbc;

	ScoreRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The site of an application as scoring judges it. */
	record Site(long id, String stationName, String districtCode, GeoPoint location, double areaM2, int floor,
			boolean facingStreet, Set<Amenity> amenities) {
	}

	private static final String SITE = """
			select a.id, a.station_name, a.district_code, s.lat, s.lon, s.area_m2, s.floor, s.facing_street, a.amenities
			from application a
			join host_site s on s.id = a.site_id
			join organization o on o.code = a.district_code
			""";

	/** The applications still to be decided whose district lies in the subtree. */
	List<Site> listOpenSites(String path) {
		return jdbc.sql(SITE + " where (o.path = :path or o.path like :prefix) and a.status in (:open) order by a.id")
			.param("path", path)
			.param("prefix", path + "/%")
			.param("open", OPEN)
			.query(ScoreRepository::site)
			.list();
	}

	Optional<Site> findSite(long id, String scopePath) {
		return jdbc.sql(SITE + " where a.id = :id and (o.path = :path or o.path like :prefix)")
			.param("id", id)
			.param("path", scopePath)
			.param("prefix", scopePath + "/%")
			.query(ScoreRepository::site)
			.optional();
	}

	/** Writes the scores of many applications in one statement, replacing older ones. */
	void saveAll(List<ApplicationScore> scores, Instant at) {
		if (scores.isEmpty()) {
			return;
		}
		int n = scores.size();
		Long[] ids = new Long[n];
		Double[] reached = new Double[n];
		Double[] daySingle = new Double[n];
		Double[] dayCross = new Double[n];
		Double[] nightSingle = new Double[n];
		Double[] nightCross = new Double[n];
		String[] nearest = new String[n];
		Double[] nearestMeters = new Double[n];
		Boolean[] within = new Boolean[n];
		Integer[] met = new Integer[n];
		Integer[] failed = new Integer[n];
		Integer[] open = new Integer[n];
		for (int i = 0; i < n; i++) {
			ApplicationScore score = scores.get(i);
			ApplicationScore.Coverage c = score.coverage();
			ids[i] = score.applicationId();
			reached[i] = (c != null) ? c.reached() : null;
			daySingle[i] = (c != null) ? c.daySingle() : null;
			dayCross[i] = (c != null) ? c.dayCross() : null;
			nightSingle[i] = (c != null) ? c.nightSingle() : null;
			nightCross[i] = (c != null) ? c.nightCross() : null;
			nearest[i] = score.spacing().nearestStationCode();
			nearestMeters[i] = score.spacing().nearestMeters();
			within[i] = score.spacing().withinRule();
			met[i] = (int) score.countOf(ApplicationScore.Verdict.MET);
			failed[i] = (int) score.requiredFailed();
			open[i] = (int) score.countOf(ApplicationScore.Verdict.AT_VISIT);
		}
		jdbc.sql("""
				insert into application_score (application_id, scored_at, reached, day_single, day_cross, night_single,
				    night_cross, nearest_station_code, nearest_station_m, within_spacing, conditions_met,
				    required_failed, conditions_open)
				select u.id, :at, u.reached, u.day_single, u.day_cross, u.night_single, u.night_cross, u.nearest,
				    u.nearest_m, u.within, u.met, u.failed, u.open
				from unnest(cast(:ids as bigint[]), cast(:reached as float8[]), cast(:daySingle as float8[]),
				    cast(:dayCross as float8[]), cast(:nightSingle as float8[]), cast(:nightCross as float8[]),
				    cast(:nearest as varchar[]), cast(:nearestMeters as float8[]), cast(:within as boolean[]),
				    cast(:met as int[]), cast(:failed as int[]), cast(:open as int[]))
				    as u (id, reached, day_single, day_cross, night_single, night_cross, nearest, nearest_m, within,
				          met, failed, open)
				on conflict (application_id) do update set scored_at = excluded.scored_at,
				    reached = excluded.reached, day_single = excluded.day_single, day_cross = excluded.day_cross,
				    night_single = excluded.night_single, night_cross = excluded.night_cross,
				    nearest_station_code = excluded.nearest_station_code,
				    nearest_station_m = excluded.nearest_station_m, within_spacing = excluded.within_spacing,
				    conditions_met = excluded.conditions_met, required_failed = excluded.required_failed,
				    conditions_open = excluded.conditions_open
				""")
			.param("at", Timestamp.from(at))
			.param("ids", ids)
			.param("reached", reached)
			.param("daySingle", daySingle)
			.param("dayCross", dayCross)
			.param("nightSingle", nightSingle)
			.param("nightCross", nightCross)
			.param("nearest", nearest)
			.param("nearestMeters", nearestMeters)
			.param("within", within)
			.param("met", met)
			.param("failed", failed)
			.param("open", open)
			.update();
	}

	/** A page of the scored list inside {@code scopePath}. */
	ScoredPage search(ScoreQuery query, String scopePath, String filterPath, int page, int size) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		clauses.add("(o.path = :scope or o.path like :scopePrefix)");
		params.put("scope", scopePath);
		params.put("scopePrefix", scopePath + "/%");
		if (filterPath != null) {
			clauses.add("(o.path = :filter or o.path like :filterPrefix)");
			params.put("filter", filterPath);
			params.put("filterPrefix", filterPath + "/%");
		}
		if (query.status() != null) {
			clauses.add("a.status = :status");
			params.put("status", query.status().name());
		}
		else {
			clauses.add("a.status in (:open)");
			params.put("open", OPEN);
		}
		if (query.requiredMet() != null) {
			clauses.add(query.requiredMet() ? "sc.required_failed = 0" : "sc.required_failed > 0");
		}
		if (query.withinSpacing() != null) {
			clauses.add("sc.within_spacing = :within");
			params.put("within", query.withinSpacing());
		}
		// The page is chosen on the narrow rows (application, union, score) and only its
		// 50 are joined to their host and site: sorting 40,000 wide rows to keep 50 cost
		// twice as much.
		String from = """
				from application a
				join organization o on o.code = a.district_code
				left join application_score sc on sc.application_id = a.id
				""";
		String where = " where " + String.join(" and ", clauses);
		long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		String order = " order by " + query.sort().orderBy + ", a.id";
		List<ScoredApplication> rows = jdbc
			.sql("with chosen as (select a.id " + from + where + order + " limit :limit offset :offset)"
					+ """
							select a.id, a.station_name, h.name, a.district_code, o.name, a.status, s.lat, s.lon, sc.reached,
							    sc.day_single, sc.day_cross, sc.night_single, sc.night_cross, sc.nearest_station_code,
							    sc.nearest_station_m, sc.within_spacing, sc.conditions_met, sc.required_failed, sc.conditions_open,
							    sc.scored_at
							from chosen c
							join application a on a.id = c.id
							join host h on h.id = a.host_id
							join host_site s on s.id = a.site_id
							join organization o on o.code = a.district_code
							left join application_score sc on sc.application_id = a.id
							"""
					+ order)
			.params(params)
			.query((rs, n) -> new ScoredApplication(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), ApplicationStatus.valueOf(rs.getString(6)),
					GeoPoint.of(rs.getDouble(7), rs.getDouble(8)), rs.getObject(9, Double.class),
					rs.getObject(10, Double.class), rs.getObject(11, Double.class), rs.getObject(12, Double.class),
					rs.getObject(13, Double.class), rs.getString(14), rs.getObject(15, Double.class),
					rs.getObject(16, Boolean.class), rs.getObject(17, Integer.class), rs.getObject(18, Integer.class),
					rs.getObject(19, Integer.class), instant(rs, 20)))
			.list();
		return new ScoredPage(rows, page, size, total);
	}

	private static Site site(ResultSet rs, int n) throws SQLException {
		return new Site(rs.getLong(1), rs.getString(2), rs.getString(3), GeoPoint.of(rs.getDouble(4), rs.getDouble(5)),
				rs.getDouble(6), rs.getInt(7), rs.getBoolean(8), amenities(rs.getArray(9)));
	}

	private static Set<Amenity> amenities(Array array) throws SQLException {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		for (Object value : (Object[]) array.getArray()) {
			amenities.add(Amenity.valueOf((String) value));
		}
		return amenities;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
