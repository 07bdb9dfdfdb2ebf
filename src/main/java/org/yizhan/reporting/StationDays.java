package org.yizhan.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The station side's landing figures: each of the caller's own stations' day so far —
 * visits served, ratings, open and overdue cases, supplies to restock or past their date,
 * door devices online and silent — read from the owners' tables in one statement, scoped
 * in the SQL by the stations the registry lets the caller see.
 *
 * <p>
 * For station masters, liaisons and hosts, who see a handful of stations. A union's
 * staff, who see a whole subtree, are refused (403): their overview is the dashboard.
 */
@Service
@Transactional(readOnly = true)
public class StationDays {

	/** How far ahead an expiry date makes a supply item worth a look. */
	public static final int EXPIRY_DAYS = 30;

	/** The most stations the page lists; a host of more sees the first by code. */
	public static final int LISTED = 200;

	private final StationRegistry registry;

	private final JdbcClient jdbc;

	private final Clock clock;

	StationDays(StationRegistry registry, JdbcClient jdbc, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The caller's stations' day, by station code.
	 * @throws ForbiddenException for a union's staff
	 */
	public List<StationDay> forCaller() {
		VisibleStations visible = this.registry.visibleStations();
		if (visible.wholeSubtree()) {
			throw new ForbiddenException("reporting.day.unionStaff");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("today", today);
		params.put("soon", today.plusDays(EXPIRY_DAYS));
		params.put("now", Timestamp.from(this.clock.instant()));
		params.put("limit", LISTED);
		return this.jdbc.sql("""
				select s.id, s.code, s.name, s.status,
				       coalesce(d.visits, 0) as visits, d.tally is not null as tally_entered,
				       coalesce(r.ratings, 0) as ratings, r.average_stars,
				       coalesce(t.open, 0) as open_cases, coalesce(t.overdue, 0) as overdue_cases,
				       coalesce(su.low, 0) as low_supplies, coalesce(su.expiring, 0) as expiring_supplies,
				       coalesce(dd.online, 0) as doors_online, coalesce(dd.silent, 0) as doors_silent
				from station s
				left join visit_day d on d.station_id = s.id and d.day = :today
				left join lateral (
				  select count(*) as ratings, avg(x.stars)::float8 as average_stars from rating x
				  where x.station_id = s.id and x.rating_day = :today and x.status = 'COUNTED'
				) r on true
				left join lateral (
				  select count(*) as open, count(*) filter (where c.status = 'OPEN' and c.due_at < :now) as overdue
				  from problem_ticket c where c.station_id = s.id and c.status <> 'RESOLVED'
				) t on true
				left join lateral (
				  select count(*) filter (where i.quantity <= i.threshold) as low,
				         count(*) filter (where i.expires_on <= :soon) as expiring
				  from supply_item i where i.station_id = s.id
				) su on true
				left join lateral (
				  select count(*) filter (where e.status = 'ONLINE') as online,
				         count(*) filter (where e.status = 'SILENT') as silent
				  from door_device e where e.station_id = s.id
				) dd on true
				where %s
				order by s.code limit :limit
				""".formatted(condition))
			.params(params)
			.query((rs, n) -> new StationDay(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("status"), rs.getLong("visits"), rs.getBoolean("tally_entered"), rs.getLong("ratings"),
					(Double) rs.getObject("average_stars", Double.class), rs.getLong("open_cases"),
					rs.getLong("overdue_cases"), rs.getLong("low_supplies"), rs.getLong("expiring_supplies"),
					rs.getLong("doors_online"), rs.getLong("doors_silent")))
			.list();
	}

}
