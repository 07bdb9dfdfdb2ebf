package org.yizhan.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.platform.Paging;
import org.yizhan.platform.YizhanTime;
import org.yizhan.supervision.SilentCase.LastRating;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationStatus;
import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes silent-station cases with SQL. Reads join {@code station s} and carry
 * the caller's {@link VisibleStations} condition; the check's statements work on every
 * station and are written so that running one twice changes nothing the second time.
 */
@Repository
public class SilentCaseRepository {

	private static final String SELECT = """
			select c.id, c.station_id, c.first_silent_month, c.last_silent_month, c.status, c.opened_at, c.closed_at,
			  c.decided_by, c.reason, c.level_before, c.level_after, c.exempt_until, c.resolved_rating_day,
			  s.code, s.name, s.district_code, s.level, s.status as station_status, s.version as station_version,
			  lr.created_at as last_rating_at, lr.stars as last_rating_stars
			from silent_station_case c
			join station s on s.id = c.station_id
			left join lateral (
			  select r.created_at, r.stars from rating r where r.station_id = s.id and r.status = 'COUNTED'
			  order by r.rating_day desc, r.created_at desc limit 1) lr on true
			""";

	private final JdbcClient jdbc;

	SilentCaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------ reads for people

	public SilentCasePage search(SilentCaseQuery query, VisibleStations visible, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(visible.condition(params)).append(" and c.status in (:statuses)");
		params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		if (query.organization() != null) {
			where.append("""
					and s.district_code in (select d.code from organization o join organization d
					 on d.path = o.path or d.path like o.path || '/%' where o.code = :org)""");
			params.put("org", query.organization());
		}
		if (query.text() != null) {
			where.append(" and (s.code ilike :text escape '\\' or s.name ilike :text escape '\\')");
			params.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = jdbc
			.sql("select count(*) from silent_station_case c join station s on s.id = c.station_id where " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		List<SilentCase> content = jdbc
			.sql(SELECT + " where " + where + " order by c.opened_at desc, c.id desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> map(rs))
			.list();
		return new SilentCasePage(content, page, size, total);
	}

	/** The station's open case, else its most recently closed one. */
	public Optional<SilentCase> findLatestFor(StationId station, VisibleStations visible) {
		Map<String, Object> params = new HashMap<>(Map.of("station", station.value()));
		return jdbc
			.sql(SELECT + " where c.station_id = :station and " + visible.condition(params)
					+ " order by (c.status = 'OPEN') desc, coalesce(c.closed_at, c.opened_at) desc, c.id desc limit 1")
			.params(params)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** A case of a station the caller sees, locked until the transaction ends. */
	public Optional<SilentCase> lockVisible(long caseId, VisibleStations visible) {
		Map<String, Object> params = new HashMap<>(Map.of("id", caseId));
		return jdbc.sql(SELECT + " where c.id = :id and " + visible.condition(params) + " for update of c")
			.params(params)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Any case, whoever asks: for re-reading a case just written. */
	public Optional<SilentCase> findById(long caseId) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", caseId).query((rs, n) -> map(rs)).optional();
	}

	/**
	 * The day of the first counted rating of a station on or after a month's first day.
	 */
	public Optional<LocalDate> findCountedRatingSince(StationId station, YearMonth month) {
		return day(jdbc.sql("""
				select min(rating_day) from rating
				where station_id = :station and status = 'COUNTED' and rating_day >= :since
				""").param("station", station.value()).param("since", month.atDay(1)));
	}

	/** Closes an open case with a decision; a case closed meanwhile is left alone. */
	public void close(long caseId, SilentCaseStatus outcome, Instant at, String decidedBy, String reason,
			StationLevel levelBefore, StationLevel levelAfter, LocalDate exemptUntil) {
		int closed = jdbc.sql("""
				update silent_station_case set status = :status, closed_at = :at, decided_by = :by, reason = :reason,
				  level_before = :before, level_after = :after, exempt_until = :until, version = version + 1
				where id = :id and status = 'OPEN'
				""")
			.param("id", caseId)
			.param("status", outcome.name())
			.param("at", shanghai(at))
			.param("by", decidedBy)
			.param("reason", reason)
			.param("before", levelBefore == null ? null : levelBefore.name())
			.param("after", levelAfter == null ? null : levelAfter.name())
			.param("until", exemptUntil)
			.update();
		if (closed != 1) {
			throw new IllegalStateException("Silent-station case " + caseId + " was not open");
		}
	}

	// ------------------------------------------------------------------ the check

	/** A case the check opened, extended or closed, for the audit log. */
	record Changed(long caseId, String stationCode, String districtCode, YearMonth first, YearMonth last,
			SilentCaseStatus status, LocalDate ratingDay) {

		String summary() {
			return "case=" + caseId + "; status=" + status + "; months=" + first + ".." + last
					+ ((ratingDay != null) ? "; ratedOn=" + ratingDay : "");
		}

	}

	/**
	 * Opens a case for every listed station whose last {@code months} months up to
	 * {@code month} were silent: listed from the first moment of each, no counted rating
	 * dated in any, none of them already part of a case, and no exemption reaching the
	 * day after {@code month}. The case names every silent month since the station was
	 * last listed, rated or judged, which may be more than {@code months}.
	 */
	List<Changed> openCases(YearMonth month, int months, Instant now) {
		YearMonth first = month.minusMonths(months - 1);
		Map<String, Object> params = new HashMap<>();
		params.put("windowStart", first.atDay(1));
		params.put("windowStartAt", startOf(first));
		params.put("monthStart", month.atDay(1));
		params.put("monthEnd", month.atEndOfMonth());
		params.put("checkDay", month.plusMonths(1).atDay(1));
		params.put("now", shanghai(now));
		return jdbc
			.sql("""
					with candidate as (
					  select s.id, greatest(
					      -- the first month the station was listed from its first moment (a station listed on
					      -- 20 March cannot be silent in March)
					      date_trunc('month', (s.status_changed_at at time zone 'Asia/Shanghai')
					        + interval '1 month' - interval '1 microsecond')::date,
					      -- the month after its last counted rating up to the month judged
					      (select (date_trunc('month', max(r.rating_day)::timestamp) + interval '1 month')::date
					         from rating r where r.station_id = s.id and r.status = 'COUNTED' and r.rating_day <= :monthEnd),
					      -- the month after the months an earlier case already covered
					      (select (max(k.last_silent_month) + interval '1 month')::date
					         from silent_station_case k where k.station_id = s.id)) as first_month
					  from station s
					  where s.status = 'LISTED' and s.status_changed_at <= :windowStartAt
					    and not exists (select 1 from rating r where r.station_id = s.id and r.status = 'COUNTED'
					                      and r.rating_day between :windowStart and :monthEnd)
					    and not exists (select 1 from silent_station_case k where k.station_id = s.id
					                      and (k.status = 'OPEN' or k.last_silent_month >= :windowStart
					                           or (k.status = 'EXEMPTED' and k.exempt_until >= :checkDay)))
					), opened as (
					  insert into silent_station_case (station_id, first_silent_month, last_silent_month, status, opened_at,
					    version)
					  select id, first_month, :monthStart, 'OPEN', :now, 0 from candidate where first_month <= :windowStart
					  -- the one open case per station: a check running at the same moment elsewhere has opened it
					  on conflict do nothing
					  returning id, station_id, first_silent_month, last_silent_month
					)
					select o.id, s.code, s.district_code, o.first_silent_month, o.last_silent_month
					from opened o join station s on s.id = o.station_id order by o.id
					""")
			.params(params)
			.query((rs, n) -> new Changed(rs.getLong("id"), rs.getString("code"), rs.getString("district_code"),
					month(rs, "first_silent_month"), month(rs, "last_silent_month"), SilentCaseStatus.OPEN, null))
			.list();
	}

	/**
	 * Adds {@code month} to the open cases that ended the month before, for stations that
	 * stayed listed through it without a counted rating.
	 */
	List<Changed> extendOpenCases(YearMonth month) {
		return jdbc.sql("""
				update silent_station_case c set last_silent_month = :monthStart, version = c.version + 1
				from station s
				where s.id = c.station_id and c.status = 'OPEN' and c.last_silent_month = :previous
				  and s.status = 'LISTED' and s.status_changed_at <= :monthStartAt
				  and not exists (select 1 from rating r where r.station_id = s.id and r.status = 'COUNTED'
				                    and r.rating_day between :monthStart and :monthEnd)
				returning c.id, s.code, s.district_code, c.first_silent_month, c.last_silent_month
				""")
			.param("monthStart", month.atDay(1))
			.param("monthEnd", month.atEndOfMonth())
			.param("previous", month.minusMonths(1).atDay(1))
			.param("monthStartAt", startOf(month))
			.query((rs, n) -> new Changed(rs.getLong("id"), rs.getString("code"), rs.getString("district_code"),
					month(rs, "first_silent_month"), month(rs, "last_silent_month"), SilentCaseStatus.OPEN, null))
			.list();
	}

	/**
	 * Closes every open case whose station has a counted rating dated in or after its
	 * first silent month (a rating released from the review queue later counts too), with
	 * the day of the first such rating.
	 */
	List<Changed> resolveByRatings(Instant now) {
		return resolveByRatings(now, null);
	}

	/**
	 * Closes the station's open case if a counted rating dated in or after its first
	 * silent month answers it, as {@link #resolveByRatings(Instant)} does for all.
	 */
	List<Changed> resolveByRatings(Instant now, StationId station) {
		return jdbc
			.sql("""
					update silent_station_case c set status = 'RESOLVED_BY_RATING', closed_at = :now,
					  resolved_rating_day = rated.day, version = c.version + 1
					from (select k.id, min(r.rating_day) as day from silent_station_case k
					      join rating r on r.station_id = k.station_id and r.status = 'COUNTED'
					        and r.rating_day >= k.first_silent_month
					      where k.status = 'OPEN' and (cast(:station as bigint) is null or k.station_id = :station)
					      group by k.id) rated, station s
					where c.id = rated.id and c.status = 'OPEN' and s.id = c.station_id
					returning c.id, s.code, s.district_code, c.first_silent_month, c.last_silent_month, c.resolved_rating_day
					""")
			.param("now", shanghai(now))
			.param("station", (station != null) ? station.value() : null, Types.BIGINT)
			.query((rs, n) -> new Changed(rs.getLong("id"), rs.getString("code"), rs.getString("district_code"),
					month(rs, "first_silent_month"), month(rs, "last_silent_month"),
					SilentCaseStatus.RESOLVED_BY_RATING, rs.getObject("resolved_rating_day", LocalDate.class)))
			.list();
	}

	/** The stations that have an open case. */
	List<Long> listStationsWithOpenCase() {
		return jdbc.sql("select station_id from silent_station_case where status = 'OPEN'").query(Long.class).list();
	}

	/** Withdraws the open cases of stations delisted without a decision on the case. */
	List<Changed> withdrawDelisted(Instant now) {
		return jdbc.sql("""
				update silent_station_case c set status = 'WITHDRAWN', closed_at = :now, version = c.version + 1
				from station s
				where s.id = c.station_id and c.status = 'OPEN' and s.status = 'DELISTED'
				returning c.id, s.code, s.district_code, c.first_silent_month, c.last_silent_month
				""")
			.param("now", shanghai(now))
			.query((rs, n) -> new Changed(rs.getLong("id"), rs.getString("code"), rs.getString("district_code"),
					month(rs, "first_silent_month"), month(rs, "last_silent_month"), SilentCaseStatus.WITHDRAWN, null))
			.list();
	}

	/** The last month boundary judged, if any. */
	Optional<YearMonth> findLastChecked() {
		return day(jdbc.sql("select max(month) from silent_station_check")).map(YearMonth::from);
	}

	/**
	 * Claims a month for judging; false when it was judged already (or is being judged by
	 * another instance, whose claim this waits for).
	 */
	boolean claim(YearMonth month, int months, Instant now) {
		return jdbc.sql("""
				insert into silent_station_check (month, checked_at, months_required) values (:month, :now, :months)
				on conflict do nothing
				""").param("month", month.atDay(1)).param("now", shanghai(now)).param("months", months).update() == 1;
	}

	void recordOpened(YearMonth month, int opened) {
		jdbc.sql("update silent_station_check set cases_opened = :opened where month = :month")
			.param("month", month.atDay(1))
			.param("opened", opened)
			.update();
	}

	// ------------------------------------------------------------------ mapping

	private static SilentCase map(ResultSet rs) throws SQLException {
		Timestamp lastRating = rs.getTimestamp("last_rating_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new SilentCase(rs.getLong("id"), StationId.of(rs.getLong("station_id")), rs.getString("code"),
				rs.getString("name"), rs.getString("district_code"), StationLevel.valueOf(rs.getString("level")),
				StationStatus.valueOf(rs.getString("station_status")), rs.getLong("station_version"),
				month(rs, "first_silent_month"), month(rs, "last_silent_month"),
				SilentCaseStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
				(closed != null) ? closed.toInstant() : null, rs.getString("decided_by"), rs.getString("reason"),
				level(rs, "level_before"), level(rs, "level_after"), rs.getObject("exempt_until", LocalDate.class),
				rs.getObject("resolved_rating_day", LocalDate.class),
				(lastRating != null) ? new LastRating(lastRating.toInstant(), rs.getInt("last_rating_stars")) : null);
	}

	/** The one date an aggregate query answers, empty when it is null. */
	private static Optional<LocalDate> day(JdbcClient.StatementSpec query) {
		return query.query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
	}

	private static YearMonth month(ResultSet rs, String column) throws SQLException {
		return YearMonth.from(rs.getObject(column, LocalDate.class));
	}

	private static StationLevel level(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? StationLevel.valueOf(value) : null;
	}

	private static OffsetDateTime startOf(YearMonth month) {
		return month.atDay(1).atStartOfDay(YizhanTime.ZONE).toOffsetDateTime();
	}

	private static OffsetDateTime shanghai(Instant instant) {
		return instant.atZone(YizhanTime.ZONE).toOffsetDateTime();
	}

}
