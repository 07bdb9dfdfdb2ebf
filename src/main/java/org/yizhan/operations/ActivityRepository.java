package org.yizhan.operations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activity tables: activities and their stations with the attendance at each. */
@Repository
class ActivityRepository {

	private static final String ACTIVITY = """
			select a.id, a.union_code, o.name as union_name, a.kind, a.title, a.description, a.starts_on, a.ends_on,
			       a.created_by, a.created_at
			from activity a left join organization o on o.code = a.union_code""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String union, ActivityKind kind, String title, String description, LocalDate startsOn, LocalDate endsOn,
			Instant now, String by, Collection<Long> stations) {
		long id = jdbc.sql("""
				insert into activity (union_code, kind, title, description, starts_on, ends_on, created_at, created_by)
				values (:union, :kind, :title, :description, :startsOn, :endsOn, :now, :by) returning id""")
			.param("union", union)
			.param("kind", kind.name())
			.param("title", title)
			.param("description", description)
			.param("startsOn", Date.valueOf(startsOn))
			.param("endsOn", Date.valueOf(endsOn))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.query(Long.class)
			.single();
		for (long station : stations) {
			jdbc.sql("insert into activity_station (activity_id, station_id) values (:id, :station)")
				.param("id", id)
				.param("station", station)
				.update();
		}
		return id;
	}

	Optional<Activity> find(long id) {
		return list(ACTIVITY + " where a.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * The activities of the union at {@code path} and the unions below it, latest first.
	 */
	List<Activity> listForUnion(String path, int limit) {
		return list(ACTIVITY + """
				 where a.union_code in (select code from organization where path = :path or path like :path || '/%')
				order by a.starts_on desc, a.id desc limit :limit""", Map.of("path", path, "limit", limit));
	}

	/**
	 * The activities at the stations the caller sees that ended no earlier than
	 * {@code since}, soonest first.
	 */
	List<Activity> listAtVisibleStations(VisibleStations visible, LocalDate since, int limit) {
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("since", Date.valueOf(since));
		params.put("limit", limit);
		return list(ACTIVITY + " where a.ends_on >= :since and exists (select 1 from activity_station x"
				+ " join station s on s.id = x.station_id where x.activity_id = a.id and " + condition + ")"
				+ " order by a.starts_on, a.id limit :limit", params);
	}

	/** The station's row of the activity, locked until the transaction ends. */
	Optional<Integer> lockAttendance(long activity, long station) {
		return jdbc.sql("""
				select attendance from activity_station where activity_id = :activity and station_id = :station
				for update""").param("activity", activity).param("station", station).query(Integer.class).optional();
	}

	void saveAttendance(long activity, long station, int attendance) {
		jdbc.sql(
				"update activity_station set attendance = :attendance where activity_id = :activity and station_id = :station")
			.param("activity", activity)
			.param("station", station)
			.param("attendance", attendance)
			.update();
	}

	/**
	 * The activities at these stations that end on or after {@code today}, soonest first.
	 */
	List<Upcoming> listUpcoming(Collection<Long> stations, LocalDate today, int limit) {
		if (stations.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.id, a.kind, a.title, coalesce(o.name, a.union_code) as union_name, a.starts_on, a.ends_on,
				       x.station_id
				from activity_station x join activity a on a.id = x.activity_id
				left join organization o on o.code = a.union_code
				where x.station_id in (:stations) and a.ends_on >= :today
				order by a.starts_on, a.id, x.station_id limit :limit""")
			.param("stations", List.copyOf(stations))
			.param("today", Date.valueOf(today))
			.param("limit", limit)
			.query((rs, n) -> new Upcoming(rs.getLong(1), ActivityKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getLong(7)))
			.list();
	}

	record Upcoming(long id, ActivityKind kind, String title, String union, LocalDate startsOn, LocalDate endsOn,
			long stationId) {
	}

	private List<Activity> list(String sql, Map<String, ?> params) {
		Map<Long, Activity> found = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			found.put(rs.getLong("id"),
					new Activity(rs.getLong("id"), rs.getString("union_code"), rs.getString("union_name"),
							ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
							rs.getString("description"), rs.getDate("starts_on").toLocalDate(),
							rs.getDate("ends_on").toLocalDate(), List.of(), rs.getString("created_by"),
							rs.getTimestamp("created_at").toInstant()));
			return null;
		}).list();
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Activity.Place>> places = new HashMap<>();
		jdbc.sql("""
				select x.activity_id, s.id, s.code, s.name, x.attendance
				from activity_station x join station s on s.id = x.station_id
				where x.activity_id in (:ids) order by s.code""")
			.param("ids", List.copyOf(found.keySet()))
			.query((rs, n) -> places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Activity.Place(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5))))
			.list();
		List<Activity> activities = new ArrayList<>();
		for (Activity a : found.values()) {
			activities.add(new Activity(a.id(), a.unionCode(), a.unionName(), a.kind(), a.title(), a.description(),
					a.startsOn(), a.endsOn(), places.getOrDefault(a.id(), List.of()), a.createdBy(), a.createdAt()));
		}
		return activities;
	}

}
