package org.yizhan.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's set-based aggregates. Each query scans the subtree once and groups by
 * district (its path) or by a breakdown, so a national page costs a handful of scans of
 * the station table and of the monthly figures, not a query per union; the service sums
 * the districts' rows into child unions.
 */
class DashboardQueries {

	/** The districts of the subtree of the union at {@code :path}. */
	static final String IN_SUBTREE = "(o.path = :path or o.path like :path || '/%')";

	/**
	 * The last day the months' roll-up holds (ReportingRollUp); a day long past before
	 * any fold.
	 */
	static final String FOLDED_THROUGH = "select coalesce(w.folded_through, date '1900-01-01') from reporting_rollup_watermark w";

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One cell of the station breakdowns: a status with a level, stars or host type. */
	record Breakdown(String status, String level, Integer stars, String hostType, long count) {
	}

	/**
	 * The stations of the subtree by status and by level, stars and host type with
	 * status.
	 */
	List<Breakdown> breakdown(String path) {
		return this.jdbc.sql("""
				select s.status, case when grouping(s.level) = 0 then s.level end as level,
				       case when grouping(s.stars) = 0 then s.stars end as stars,
				       case when grouping(s.host_type) = 0 then s.host_type end as host_type, count(*) as n
				from station s join organization o on o.code = s.district_code
				where %s
				group by grouping sets ((s.status), (s.status, s.level), (s.status, s.stars), (s.status, s.host_type))
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.query((rs, n) -> new Breakdown(rs.getString("status"), rs.getString("level"),
					(Integer) rs.getObject("stars", Integer.class), rs.getString("host_type"), rs.getLong("n")))
			.list();
	}

	record DistrictStations(String path, long total, long listed, long allDay, long smart) {
	}

	List<DistrictStations> stationsByDistrict(String path) {
		return this.jdbc.sql("""
				select o.path, count(*) as total,
				       count(*) filter (where s.status = 'LISTED') as listed,
				       count(*) filter (where s.status = 'LISTED' and s.opening_hours = '24/7') as all_day,
				       count(*) filter (where s.status = 'LISTED' and s.smart_entry_method is not null) as smart
				from station s join organization o on o.code = s.district_code
				where %s
				group by o.path
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.query((rs, n) -> new DistrictStations(rs.getString("path"), rs.getLong("total"), rs.getLong("listed"),
					rs.getLong("all_day"), rs.getLong("smart")))
			.list();
	}

	record MonthCount(LocalDate month, long count) {
	}

	/**
	 * Stations registered per month (Asia/Shanghai) before {@code end}, every month since
	 * the first: the running total needs the months before the dashboard's twelve.
	 */
	List<MonthCount> registrations(String path, Instant end) {
		return this.jdbc.sql("""
				select date_trunc('month', s.created_at at time zone 'Asia/Shanghai')::date as month, count(*) as n
				from station s join organization o on o.code = s.district_code
				where %s and s.created_at < :end
				group by 1 order by 1
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new MonthCount(rs.getObject("month", LocalDate.class), rs.getLong("n")))
			.list();
	}

	record DistrictMonth(String path, LocalDate month, long ratings, long stars, long satisfied, long visits) {
	}

	/**
	 * Counted ratings, their stars, the satisfied ones and visits served of each district
	 * and month, days {@code from} (a month's first) to {@code to}: the months' roll-up
	 * for the days up to its watermark, rating's roll-up (ADR 0006) and the visit days
	 * (ADR 0023) for the days after it. One statement, so one snapshot: a fold committing
	 * meanwhile cannot make a day count twice or not at all.
	 */
	List<DistrictMonth> monthly(String path, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select o.path, x.month, sum(x.ratings) as ratings, sum(x.stars) as stars,
				       sum(x.satisfied) as satisfied, sum(x.visits) as visits
				from (
				  select m.district_code, m.month, m.ratings, m.stars, m.satisfied, m.visits
				  from reporting_district_month m
				  where m.month between :from and :to and m.month <= (%2$s)
				  union all
				  select f.district_code, date_trunc('month', f.rating_day)::date, f.counted, f.stars, f.satisfied, 0
				  from rating_figures f
				  where f.rating_day between :from and :to and f.rating_day > (%2$s)
				  union all
				  select d.district_code, date_trunc('month', d.day)::date, 0, 0, 0, d.visits
				  from visit_day d
				  where d.day between :from and :to and d.day > (%2$s)
				) x join organization o on o.code = x.district_code
				where %1$s
				group by 1, 2
				""".formatted(IN_SUBTREE, FOLDED_THROUGH))
			.param("path", path)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new DistrictMonth(rs.getString("path"), rs.getObject("month", LocalDate.class),
					rs.getLong("ratings"), rs.getLong("stars"), rs.getLong("satisfied"), rs.getLong("visits")))
			.list();
	}

	record DistrictCases(String path, long open, long overdue, long silent) {
	}

	/** Open and overdue cases and open silent-station cases of each district now. */
	List<DistrictCases> cases(String path, Instant now) {
		return this.jdbc.sql("""
				select path, sum(open) as open, sum(overdue) as overdue, sum(silent) as silent from (
				  select o.path, count(*) as open,
				         count(*) filter (where t.status = 'OPEN' and t.due_at < :now) as overdue, 0 as silent
				  from problem_ticket t join station s on s.id = t.station_id
				       join organization o on o.code = s.district_code
				  where %1$s and t.status <> 'RESOLVED'
				  group by o.path
				  union all
				  select o.path, 0, 0, count(*)
				  from silent_station_case c join station s on s.id = c.station_id
				       join organization o on o.code = s.district_code
				  where %1$s and c.status = 'OPEN'
				  group by o.path
				) per_source group by path
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new DistrictCases(rs.getString("path"), rs.getLong("open"), rs.getLong("overdue"),
					rs.getLong("silent")))
			.list();
	}

	record Closing(long closed, Double medianHours) {
	}

	/**
	 * Cases resolved since {@code since} (merged duplicates aside) and their median time.
	 */
	Closing closing(String path, Instant since) {
		return this.jdbc.sql("""
				select count(*) as closed,
				       percentile_cont(0.5) within group (order by extract(epoch from t.resolved_at - t.created_at))
				         / 3600.0 as median_hours
				from problem_ticket t join station s on s.id = t.station_id
				     join organization o on o.code = s.district_code
				where %s and t.status = 'RESOLVED' and t.merged_into_id is null and t.resolved_at >= :since
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new Closing(rs.getLong("closed"), (Double) rs.getObject("median_hours", Double.class)))
			.single();
	}

}
