package org.yizhan.operations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The visit tables: the guard rows that keep a phone from checking in twice within the
 * period, the counts per station, day and hour, and one row per station and day with the
 * tally beside the check-ins.
 */
@Repository
class VisitRepository {

	/**
	 * The merged visits of a {@code visit_day} row aliased {@code d}, as
	 * {@link VisitDay#visits()} computes them.
	 */
	static final String VISITS = "d.visits";

	private final JdbcClient jdbc;

	VisitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What one check-in statement did, with the station as it found it ({@code status}
	 * {@code null} when there is no such station).
	 */
	record Written(String status, String code, String name, boolean counted) {
	}

	/**
	 * Counts a check-in in one statement (so one round trip and one commit, and the
	 * station read in the same statement): only at a listed station, and only when the
	 * phone's last counted check-in there is older than {@code cutoff}. Two check-ins of
	 * one phone at once meet on the guard row's lock; the second then finds the first's
	 * time and counts nothing.
	 */
	Written checkIn(long station, byte[] device, Instant now, Instant cutoff, LocalDate day, int hour) {
		return jdbc.sql("""
				with st as (
				  select s.id, s.district_code, s.code, s.name, s.status from station s where s.id = :station
				), guard as (
				  insert into visit_guard as g (station_id, device_hash, checked_in_at)
				  select st.id, :device, :now from st where st.status = 'LISTED'
				  on conflict (station_id, device_hash) do update set checked_in_at = excluded.checked_in_at
				    where g.checked_in_at <= :cutoff
				  returning g.station_id
				), by_hour as (
				  insert into visit_hour as h (station_id, day, hour, check_ins)
				  select guard.station_id, :day, :hour, 1 from guard
				  on conflict (station_id, day, hour) do update set check_ins = h.check_ins + 1
				), by_day as (
				  insert into visit_day as d (station_id, day, district_code, check_ins)
				  select st.id, :day, st.district_code, 1 from guard join st on st.id = guard.station_id
				  on conflict (station_id, day) do update set check_ins = d.check_ins + 1
				)
				select st.status, st.code, st.name, (select count(*) from guard) as counted
				from (select 1) as one left join st on true""")
			.param("station", station)
			.param("device", device)
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(cutoff))
			.param("day", Date.valueOf(day))
			.param("hour", hour)
			.query((rs, n) -> new Written(rs.getString("status"), rs.getString("code"), rs.getString("name"),
					rs.getLong("counted") > 0))
			.single();
	}

	/** When the phone's check-in that counts at the station was made, if one is kept. */
	Optional<Instant> findCheckedInAt(long station, byte[] device) {
		return jdbc.sql("select checked_in_at from visit_guard where station_id = :station and device_hash = :device")
			.param("station", station)
			.param("device", device)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	/** Forgets the phones whose period ended before {@code cutoff}. */
	int purgeGuards(Instant cutoff) {
		return jdbc.sql("delete from visit_guard where checked_in_at <= :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	/** The day's row of a station, locked until the transaction ends. */
	Optional<VisitDay> lockDay(long station, LocalDate day) {
		return jdbc.sql("""
				select day, check_ins, tally, tally_by, tally_at, door_entries from visit_day
				where station_id = :station and day = :day for update""")
			.param("station", station)
			.param("day", Date.valueOf(day))
			.query(VisitRepository::day)
			.optional();
	}

	void saveTally(long station, String district, LocalDate day, int tally, String by, Instant at) {
		jdbc.sql("""
				insert into visit_day as d (station_id, day, district_code, tally, tally_by, tally_at)
				values (:station, :day, :district, :tally, :by, :at)
				on conflict (station_id, day) do update
				  set tally = excluded.tally, tally_by = excluded.tally_by, tally_at = excluded.tally_at""")
			.param("station", station)
			.param("day", Date.valueOf(day))
			.param("district", district)
			.param("tally", tally)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The station's days in the range that have a row, by day. */
	Map<LocalDate, VisitDay> listDays(long station, LocalDate from, LocalDate to) {
		Map<LocalDate, VisitDay> days = new HashMap<>();
		jdbc.sql("""
				select day, check_ins, tally, tally_by, tally_at, door_entries from visit_day
				where station_id = :station and day between :from and :to""")
			.param("station", station)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(VisitRepository::day)
			.list()
			.forEach(day -> days.put(day.day(), day));
		return days;
	}

	/** The station's check-ins of a day, hour by hour (0–23). */
	int[] listHours(long station, LocalDate day) {
		int[] hours = new int[24];
		jdbc.sql("select hour, check_ins from visit_hour where station_id = :station and day = :day")
			.param("station", station)
			.param("day", Date.valueOf(day))
			.query((rs, n) -> hours[rs.getInt(1)] = rs.getInt(2))
			.list();
		return hours;
	}

	// ------------------------------------------------------------------ a union's
	// figures

	private static final String IN_UNION = """
			d.district_code in (select code from organization where path = :path or path like :path || '/%')
			and d.day between :from and :to""";

	private static final String SUMS = "coalesce(sum(" + VISITS
			+ "), 0) as visits, coalesce(sum(d.check_ins), 0) as check_ins, count(d.tally) as tallied, "
			+ "coalesce(sum(d.door_entries), 0) as door_entries, " + "count(distinct d.station_id) as stations";

	UnionVisits.Total total(String path, LocalDate from, LocalDate to) {
		return jdbc.sql("select " + SUMS + " from visit_day d where " + IN_UNION)
			.params(range(path, from, to))
			.query(VisitRepository::total)
			.single();
	}

	List<UnionVisits.Day> listUnionDays(String path, LocalDate from, LocalDate to) {
		return jdbc
			.sql("select d.day, " + SUMS + " from visit_day d where " + IN_UNION + " group by d.day order by d.day")
			.params(range(path, from, to))
			.query((rs, n) -> new UnionVisits.Day(rs.getDate("day").toLocalDate(), total(rs, n)))
			.list();
	}

	/** Totals per union directly below the one at {@code path}, by the child's code. */
	Map<String, UnionVisits.Total> listChildTotals(String path, LocalDate from, LocalDate to) {
		Map<String, UnionVisits.Total> children = new HashMap<>();
		jdbc.sql("select split_part(substr(o.path, length(:path) + 2), '/', 1) as child, " + SUMS + """
				 from visit_day d join organization o on o.code = d.district_code
				where o.path like :path || '/%' and d.day between :from and :to
				group by child""")
			.params(range(path, from, to))
			.query((rs, n) -> children.put(rs.getString("child"), total(rs, n)))
			.list();
		return children;
	}

	List<UnionVisits.Part> listBusiestStations(String path, LocalDate from, LocalDate to, int limit) {
		Map<String, Object> params = range(path, from, to);
		params.put("limit", limit);
		return jdbc
			.sql("select s.id, s.code, s.name, " + SUMS
					+ " from visit_day d join station s on s.id = d.station_id where " + IN_UNION
					+ " group by s.id, s.code, s.name order by visits desc, s.code limit :limit")
			.params(params)
			.query((rs, n) -> new UnionVisits.Part(rs.getString("code"), rs.getString("name"), rs.getLong("id"),
					total(rs, n)))
			.list();
	}

	/** The visible stations' totals over a range, by code (a station master's own). */
	List<UnionVisits.Part> listVisibleStations(VisibleStations visible, LocalDate from, LocalDate to, int limit) {
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		params.put("limit", limit);
		return jdbc.sql("select s.id, s.code, s.name, " + SUMS + """
				 from station s left join visit_day d on d.station_id = s.id and d.day between :from and :to
				where s.status <> 'DELISTED' and """ + " " + condition + """
				group by s.id, s.code, s.name order by s.code limit :limit""")
			.params(params)
			.query((rs, n) -> new UnionVisits.Part(rs.getString("code"), rs.getString("name"), rs.getLong("id"),
					total(rs, n)))
			.list();
	}

	private static Map<String, Object> range(String path, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>();
		params.put("path", path);
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		return params;
	}

	private static UnionVisits.Total total(ResultSet rs, int n) throws SQLException {
		return new UnionVisits.Total(rs.getLong("visits"), rs.getLong("check_ins"), rs.getLong("tallied"),
				rs.getLong("door_entries"), rs.getLong("stations"));
	}

	private static VisitDay day(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("tally_at");
		return new VisitDay(rs.getDate("day").toLocalDate(), rs.getInt("check_ins"), (Integer) rs.getObject("tally"),
				rs.getString("tally_by"), at == null ? null : at.toInstant(), rs.getInt("door_entries"));
	}

}
