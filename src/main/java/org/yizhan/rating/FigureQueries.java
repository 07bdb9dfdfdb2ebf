package org.yizhan.rating;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the satisfaction figures. A union's figures are sums over the roll-up
 * {@code rating_figures}, kept in step with the ratings by the triggers of V13; a
 * station's are summed from its own ratings with the same function the triggers use
 * ({@code rating_figures_row}), so both count alike by construction. The list of stations
 * of lowest satisfaction sums the station roll-up of V16, kept by the same triggers;
 * comments read the rating table. Both within the caller's scope.
 */
@Component
public class FigureQueries {

	/** The organisations at {@code :path} and below: a union's subtree. */
	private static final String SUBTREE = "select code from organization where path = :path or path like :path || '/%'";

	private final JdbcClient jdbc;

	FigureQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of one station per period starting in {@code [from, to]}. */
	public Map<LocalDate, long[]> stationSums(long stationId, FiguresPeriod period, LocalDate from, LocalDate to) {
		return buckets("""
				select date_trunc(:unit, r.rating_day::timestamp)::date as bucket, %s
				from rating r
				cross join lateral rating_figures_row(null, r.rating_day, 1, r.status, r.stars, r.tags, r.category) f
				where r.station_id = :station and r.rating_day between :from and :to
				group by 1""".formatted(FigureColumns.sums("f")),
				Map.of("unit", period.sqlUnit(), "station", stationId, "from", from, "to", to));
	}

	/** The figures of a union's subtree per period starting in {@code [from, to]}. */
	public Map<LocalDate, long[]> unionSums(String path, FiguresPeriod period, LocalDate from, LocalDate to) {
		return buckets("""
				select date_trunc(:unit, f.rating_day::timestamp)::date as bucket, %s
				from rating_figures f
				where f.district_code in (%s) and f.rating_day between :from and :to
				group by 1""".formatted(FigureColumns.sums("f"), SUBTREE),
				Map.of("unit", period.sqlUnit(), "path", path, "from", from, "to", to));
	}

	/** Counted ratings, their stars and satisfied ones. */
	public record Sums(long counted, long stars, long satisfied) {
	}

	/** A union directly below another, and its figures. */
	public record ChildSums(String code, String name, Sums sums) {
	}

	/**
	 * The figures of each union directly below {@code path} that has districts below or
	 * at it, in code order, those without ratings too (a silent city shows as such).
	 */
	public List<ChildSums> childSums(String path, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				with district as (
				    select code, split_part(substr(path, length(:path) + 2), '/', 1) as child
				    from organization where path like :path || '/%' and kind = 'DISTRICT'),
				figures as (
				    select d.child, sum(f.counted) as counted, sum(f.stars) as stars, sum(f.satisfied) as satisfied
				    from rating_figures f join district d on d.code = f.district_code
				    where f.rating_day between :from and :to
				    group by d.child)
				select o.code, o.name, coalesce(x.counted, 0) as counted, coalesce(x.stars, 0) as stars,
				       coalesce(x.satisfied, 0) as satisfied
				from organization o left join figures x on x.child = o.code
				where o.code in (select child from district) and o.status = 'ACTIVE'
				order by o.code""")
			.param("path", path)
			.param("from", from)
			.param("to", to)
			.query((rs, row) -> new ChildSums(rs.getString("code"), rs.getString("name"), sums(rs)))
			.list();
	}

	/** A station and its figures over a range. */
	public record StationSums(long id, String code, String name, Sums sums) {
	}

	/**
	 * The stations of the subtree at {@code path} with the lowest satisfaction over
	 * {@code [from, to]}, among those with at least {@code minimum} counted ratings (one
	 * 1★ rating does not make a station the worst), then by average stars; only stations
	 * the caller sees ({@code visible}, a condition on {@code station s} whose parameters
	 * are in {@code params}).
	 *
	 * <p>
	 * Summed from the station roll-up of V16: for each month the range touches, the
	 * running total through its last day in the range less the one before its first, and
	 * the deltas not folded yet; one row per station and month, where the ratings
	 * themselves were millions nationally.
	 */
	public List<StationSums> lowest(String path, String visible, Map<String, Object> params, LocalDate from,
			LocalDate to, int minimum, int limit) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("path", path);
		all.put("from", from);
		all.put("to", to);
		all.put("firstMonth", from.withDayOfMonth(1));
		all.put("firstDay", from.getDayOfMonth());
		all.put("lastMonth", to.withDayOfMonth(1));
		all.put("lastDay", to.getDayOfMonth());
		all.put("minimum", minimum);
		all.put("limit", limit);
		// The subtree and scope are applied inside each branch, so that a district or
		// city
		// reads its own stations' rows by index and the nation scans the month once; the
		// names are fetched for the listed stations only.
		return this.jdbc
			.sql("""
					with station_sums as (
					    select m.station_id, s.code, %1$s
					    from rating_station_month m join station s on s.id = m.station_id
					    where m.month between :firstMonth and :lastMonth and s.district_code in (%2$s) and %3$s
					    union all
					    select d.station_id, s.code, d.counted, d.stars, d.satisfied
					    from rating_station_delta d join station s on s.id = d.station_id
					    where d.rating_day between :from and :to and s.district_code in (%2$s) and %3$s),
					ranked as (
					    select station_id, code, sum(counted) as counted, sum(stars) as stars, sum(satisfied) as satisfied
					    from station_sums
					    group by station_id, code
					    having sum(counted) >= :minimum
					    order by sum(satisfied)::float8 / sum(counted), sum(stars)::float8 / sum(counted),
					             sum(counted) desc, code
					    limit :limit)
					select x.station_id as id, x.code, s.name, x.counted, x.stars, x.satisfied
					from ranked x join station s on s.id = x.station_id
					order by x.satisfied::float8 / x.counted, x.stars::float8 / x.counted, x.counted desc, x.code"""
				.formatted(partOfMonth("counted") + ", " + partOfMonth("stars") + ", " + partOfMonth("satisfied"),
						SUBTREE, visible))
			.params(all)
			.query((rs, row) -> new StationSums(rs.getLong("id"), rs.getString("code"), rs.getString("name"), sums(rs)))
			.list();
	}

	/**
	 * The part of a station's month within the range, from its running totals: through
	 * the range's last day (or the month's end) less through the day before the range's
	 * first (or nothing: element 0 is null).
	 */
	private static String partOfMonth(String column) {
		return """
				m.%1$s_through[case when m.month = :lastMonth then :lastDay else 31 end]
				    - coalesce(m.%1$s_through[case when m.month = :firstMonth then :firstDay - 1 else 0 end], 0) as %1$s"""
			.formatted(column);
	}

	/** What a worker wrote beside a counted rating. */
	public record CommentRow(long id, LocalDate day, Instant createdAt, int stars, List<String> tags, String category,
			String text) {
	}

	/** The latest comments of counted ratings of a station, newest first. */
	public List<CommentRow> comments(long stationId, int limit) {
		return this.jdbc.sql("""
				select id, rating_day, created_at, stars, tags, category, comment from rating
				where station_id = :station and status = 'COUNTED' and comment is not null and comment <> ''
				order by created_at desc, id desc limit :limit""")
			.param("station", stationId)
			.param("limit", limit)
			.query((rs, row) -> new CommentRow(rs.getLong("id"), rs.getObject("rating_day", LocalDate.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("stars"),
					strings(rs.getArray("tags")), rs.getString("category"), rs.getString("comment")))
			.list();
	}

	private Map<LocalDate, long[]> buckets(String sql, Map<String, Object> params) {
		Map<LocalDate, long[]> buckets = new TreeMap<>();
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			long[] sums = new long[FigureColumns.NAMES.size()];
			for (int i = 0; i < sums.length; i++) {
				sums[i] = rs.getLong(FigureColumns.NAMES.get(i));
			}
			buckets.put(rs.getObject("bucket", LocalDate.class), sums);
		});
		return buckets;
	}

	private static Sums sums(ResultSet rs) throws SQLException {
		return new Sums(rs.getLong("counted"), rs.getLong("stars"), rs.getLong("satisfied"));
	}

	static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : List.of((String[]) array.getArray());
	}

}
