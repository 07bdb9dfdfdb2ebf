package org.yizhan.supervision.digest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketSource;
import org.yizhan.rating.RatingTag;
import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a digest reports, read with SQL from the rating and ticket tables, always within
 * the recipient's stations ({@link VisibleStations}, aliased {@code s}). Only
 * {@code COUNTED} ratings enter a figure; held ratings are counted only as waiting for
 * review.
 */
@Repository
public class DigestQueries {

	private final JdbcClient jdbc;

	DigestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counted ratings of a period: how many, how many 4★ or more, the mean stars. */
	public record RatingFigures(long counted, long satisfied, double averageStars) {

		/** The share of counted ratings with 4★ or more; {@code NaN} without ratings. */
		public double satisfaction() {
			return counted == 0 ? Double.NaN : (double) satisfied / counted;
		}

	}

	/** The first few of a list, and how long the whole list is. */
	public record Listing<T>(long total, List<T> first) {

		public Listing {
			first = List.copyOf(first);
		}

		public boolean isEmpty() {
			return total == 0;
		}

	}

	/** A problem ticket as a digest names it. */
	public record TicketLine(String number, ProblemType problem, long stationId, String stationCode, String stationName,
			Instant createdAt, Instant dueAt) {
	}

	/** A station as a digest names it, with its last counted rating day (or none). */
	public record StationLine(long id, String code, String name, LocalDate lastCounted) {
	}

	/**
	 * A station whose negative tags rose: per tag, the week's count and the week
	 * before's.
	 */
	public record TagRise(long stationId, String stationCode, String stationName, Map<RatingTag, long[]> tags) {

		public long thisWeek() {
			return tags.values().stream().mapToLong(counts -> counts[0]).sum();
		}

		public long weekBefore() {
			return tags.values().stream().mapToLong(counts -> counts[1]).sum();
		}

	}

	/** How many stations the recipient has, of any status. */
	public long stations(VisibleStations scope) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("select count(*) from station s where " + scope.condition(params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Counted ratings with a rating day from {@code from} up to, not including,
	 * {@code until}.
	 */
	public RatingFigures ratings(VisibleStations scope, LocalDate from, LocalDate until) {
		Map<String, Object> params = new HashMap<>();
		String sql = """
				select count(*) as counted, count(*) filter (where r.stars >= 4) as satisfied,
				       coalesce(avg(r.stars), 0) as average
				from rating r join station s on s.id = r.station_id
				where r.status = 'COUNTED' and r.rating_day >= :from and r.rating_day < :until and
				""" + scope.condition(params);
		params.put("from", Date.valueOf(from));
		params.put("until", Date.valueOf(until));
		return jdbc.sql(sql)
			.params(params)
			.query((rs, row) -> new RatingFigures(rs.getLong("counted"), rs.getLong("satisfied"),
					rs.getDouble("average")))
			.single();
	}

	/** Ratings held as suspect and not yet released or rejected, of any day. */
	public long heldWaiting(VisibleStations scope) {
		Map<String, Object> params = new HashMap<>();
		return jdbc
			.sql("select count(*) from rating r join station s on s.id = r.station_id where r.status = 'HELD' and "
					+ scope.condition(params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Tickets reported from {@code from} up to, not including, {@code until}, oldest
	 * first.
	 */
	public Listing<TicketLine> newTickets(VisibleStations scope, Instant from, Instant until, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", Timestamp.from(from));
		params.put("until", Timestamp.from(until));
		return tickets(scope, params, "t.created_at >= :from and t.created_at < :until", "t.created_at, t.id", limit);
	}

	/** Open tickets past their deadline at {@code now}, the longest overdue first. */
	public Listing<TicketLine> overdueTickets(VisibleStations scope, Instant now, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(now));
		return tickets(scope, params, "t.status = 'OPEN' and t.due_at < :now", "t.due_at, t.id", limit);
	}

	/** Open tickets, the overdue first, then by deadline. */
	public Listing<TicketLine> openTickets(VisibleStations scope, Instant now, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(now));
		return tickets(scope, params, "t.status = 'OPEN'", "(t.due_at < :now) desc, t.due_at, t.id", limit);
	}

	private Listing<TicketLine> tickets(VisibleStations scope, Map<String, Object> params, String where, String order,
			int limit) {
		String from = " from problem_ticket t join station s on s.id = t.station_id where " + where + " and "
				+ scope.condition(params);
		long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
		if (total == 0) {
			return new Listing<>(0, List.of());
		}
		params.put("limit", limit);
		List<TicketLine> first = jdbc
			.sql("select t.number, t.problem, s.id, s.code, s.name, t.created_at, t.due_at" + from + " order by "
					+ order + " limit :limit")
			.params(params)
			.query((rs, row) -> new TicketLine(rs.getString("number"), ProblemType.valueOf(rs.getString("problem")),
					rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("due_at").toInstant()))
			.list();
		return new Listing<>(total, first);
	}

	/**
	 * The cases of one source (a worker's QR report, a self-check, union staff, an
	 * inspection): opened and closed in the period, and where those not closed stand now.
	 *
	 * @param open not closed now, waiting for a re-check included
	 * @param overdue open past their deadline now
	 * @param awaitingRecheck an inspection's cases marked rectified, waiting for the
	 * re-check (回头看)
	 * @param opened opened in the period
	 * @param closed closed in the period (an inspection's: by a re-check that passed),
	 * merged cases not counted
	 */
	public record SourceFigures(TicketSource source, long open, long overdue, long awaitingRecheck, long opened,
			long closed) {
	}

	/**
	 * The recipient's cases by source, in {@link TicketSource} order, only the sources
	 * that have any: what the weekly and monthly digests report as rectification.
	 */
	public List<SourceFigures> casesBySource(VisibleStations scope, Instant from, Instant until, Instant now) {
		Map<String, Object> params = new HashMap<>();
		String sql = """
				select t.source,
				       count(*) filter (where t.status <> 'RESOLVED') as open,
				       count(*) filter (where t.status = 'OPEN' and t.due_at < :now) as overdue,
				       count(*) filter (where t.status = 'RECTIFIED') as awaiting,
				       count(*) filter (where t.created_at >= :from and t.created_at < :until) as opened,
				       count(*) filter (where t.status = 'RESOLVED' and t.merged_into_id is null
				                        and t.resolved_at >= :from and t.resolved_at < :until) as closed
				from problem_ticket t join station s on s.id = t.station_id
				where (t.status <> 'RESOLVED' or t.created_at >= :from or t.resolved_at >= :from) and
				""" + scope.condition(params) + " group by t.source";
		params.put("from", Timestamp.from(from));
		params.put("until", Timestamp.from(until));
		params.put("now", Timestamp.from(now));
		Map<TicketSource, SourceFigures> bySource = new java.util.EnumMap<>(TicketSource.class);
		jdbc.sql(sql).params(params).query(rs -> {
			TicketSource source = TicketSource.valueOf(rs.getString("source"));
			bySource.put(source, new SourceFigures(source, rs.getLong("open"), rs.getLong("overdue"),
					rs.getLong("awaiting"), rs.getLong("opened"), rs.getLong("closed")));
		});
		return List.copyOf(bySource.values());
	}

	/**
	 * How truthful the recipient's listings are (issue 20): of the stations listed now,
	 * those confirmed within 7, 30 and 60 days (a listing held as 待核实 counts as
	 * unconfirmed), and the period's shut reports from the finder that counted (none held
	 * as suspicious), how many were settled by a confirmation, suspension or delisting,
	 * and the median wait of those.
	 *
	 * @param medianWait {@code null} without a settled report
	 */
	public record ListingFigures(long listed, long within7, long within30, long within60, long shutReports,
			long settled, Duration medianWait) {

		/**
		 * The share confirmed within {@code count}; {@code NaN} without listed stations.
		 */
		public double share(long count) {
			return listed == 0 ? Double.NaN : (double) count / listed;
		}

	}

	/**
	 * The figures of truthful listings: the shares as of {@code now}, the shut reports
	 * made from {@code from} up to, not including, {@code until}.
	 */
	public ListingFigures listings(VisibleStations scope, Instant from, Instant until, Instant now) {
		Map<String, Object> params = new HashMap<>();
		String shares = """
				select count(*) as listed,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d7) as within7,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d30) as within30,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d60) as within60
				from station s left join station_freshness f on f.station_id = s.id
				where s.status = 'LISTED' and
				""" + scope.condition(params);
		params.put("d7", Timestamp.from(now.minus(Duration.ofDays(7))));
		params.put("d30", Timestamp.from(now.minus(Duration.ofDays(30))));
		params.put("d60", Timestamp.from(now.minus(Duration.ofDays(60))));
		long[] listed = jdbc.sql(shares)
			.params(params)
			.query((rs,
					row) -> new long[] { rs.getLong("listed"), rs.getLong("within7"), rs.getLong("within30"),
							rs.getLong("within60") })
			.single();
		Map<String, Object> reportParams = new HashMap<>();
		String reports = """
				select count(*) as reports, count(r.resolved_at) as settled,
				       percentile_disc(0.5) within group (order by extract(epoch from r.resolved_at - r.created_at))
				           filter (where r.resolved_at is not null) as median_seconds
				from listing_report r join station s on s.id = r.station_id
				where r.kind = 'SHUT' and not r.held and r.created_at >= :from and r.created_at < :until and
				""" + scope.condition(reportParams);
		reportParams.put("from", Timestamp.from(from));
		reportParams.put("until", Timestamp.from(until));
		return jdbc.sql(reports).params(reportParams).query((rs, row) -> {
			double median = rs.getDouble("median_seconds");
			Duration wait = rs.wasNull() ? null : Duration.ofSeconds(Math.round(median));
			return new ListingFigures(listed[0], listed[1], listed[2], listed[3], rs.getLong("reports"),
					rs.getLong("settled"), wait);
		}).single();
	}

	/**
	 * Listed stations without a counted rating from {@code from} up to, not including,
	 * {@code until}, among those listed since before {@code listedBefore}: a station
	 * listed during the period has not had the whole period to be rated, so it is not
	 * held against it yet.
	 */
	public Listing<StationLine> unrated(VisibleStations scope, LocalDate from, LocalDate until, Instant listedBefore,
			int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = """
				 from station s
				where s.status = 'LISTED' and s.status_changed_at < :listedBefore
				  and not exists (select 1 from rating r where r.station_id = s.id and r.status = 'COUNTED'
				                  and r.rating_day >= :from and r.rating_day < :until)
				  and
				""" + scope.condition(params);
		params.put("from", Date.valueOf(from));
		params.put("until", Date.valueOf(until));
		params.put("listedBefore", Timestamp.from(listedBefore));
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		if (total == 0) {
			return new Listing<>(0, List.of());
		}
		params.put("limit", limit);
		List<StationLine> first = jdbc.sql("""
				select s.id, s.code, s.name,
				       (select max(r.rating_day) from rating r
				        where r.station_id = s.id and r.status = 'COUNTED' and r.rating_day < :until) as last_counted
				""" + where + " order by s.code limit :limit")
			.params(params)
			.query((rs, row) -> new StationLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getObject("last_counted", LocalDate.class)))
			.list();
		return new Listing<>(total, first);
	}

	/**
	 * Stations whose negative tags were ticked more often in the week from
	 * {@code weekStart} than in the week before, the largest rise first.
	 */
	public Listing<TagRise> negativeTagRises(VisibleStations scope, LocalDate weekStart, int limit) {
		Map<String, Object> params = new HashMap<>();
		String sql = """
				select s.id, s.code, s.name, t.tag,
				       count(*) filter (where r.rating_day >= :weekStart) as this_week,
				       count(*) filter (where r.rating_day < :weekStart) as week_before
				from rating r join station s on s.id = r.station_id
				     cross join lateral unnest(r.tags) as t(tag)
				where r.status = 'COUNTED' and r.rating_day >= :previousStart and r.rating_day < :weekEnd
				  and t.tag in (:negative) and
				""" + scope.condition(params) + " group by s.id, s.code, s.name, t.tag";
		params.put("weekStart", Date.valueOf(weekStart));
		params.put("previousStart", Date.valueOf(weekStart.minusWeeks(1)));
		params.put("weekEnd", Date.valueOf(weekStart.plusWeeks(1)));
		params.put("negative",
				Arrays.stream(RatingTag.values()).filter(tag -> !tag.isPositive()).map(Enum::name).toList());
		Map<Long, TagRise> byStation = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query(rs -> {
			long id = rs.getLong("id");
			String code = rs.getString("code");
			String name = rs.getString("name");
			byStation.computeIfAbsent(id, key -> new TagRise(key, code, name, new LinkedHashMap<>()))
				.tags()
				.put(RatingTag.valueOf(rs.getString("tag")),
						new long[] { rs.getLong("this_week"), rs.getLong("week_before") });
		});
		List<TagRise> risen = new ArrayList<>();
		for (TagRise rise : byStation.values()) {
			if (rise.thisWeek() > rise.weekBefore()) {
				rise.tags().values().removeIf(counts -> counts[0] <= counts[1]);
				risen.add(rise);
			}
		}
		risen.sort((a, b) -> {
			int byRise = Long.compare(b.thisWeek() - b.weekBefore(), a.thisWeek() - a.weekBefore());
			return byRise != 0 ? byRise : a.stationCode().compareTo(b.stationCode());
		});
		return new Listing<>(risen.size(), risen.subList(0, Math.min(limit, risen.size())));
	}

	// ------------------------------------------------------------------ decisions

	/**
	 * The accounts that already have their digest of this period, or know it was empty.
	 */
	public Set<Long> decided(DigestKind kind, LocalDate periodStart) {
		return Set.copyOf(jdbc.sql("select account_id from digest where kind = :kind and period_start = :start")
			.param("kind", kind.name())
			.param("start", Date.valueOf(periodStart))
			.query(Long.class)
			.list());
	}

	/**
	 * Claims the recipient's digest of this period for the current transaction; false
	 * when it was already decided (here or by another instance, which this waits for).
	 */
	public boolean claim(long accountId, DigestKind kind, LocalDate periodStart, Instant now) {
		return jdbc.sql("""
				insert into digest (account_id, kind, period_start, decided_at) values (:account, :kind, :start, :now)
				on conflict do nothing
				""")
			.param("account", accountId)
			.param("kind", kind.name())
			.param("start", Date.valueOf(periodStart))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public void attach(long accountId, DigestKind kind, LocalDate periodStart, long notificationId) {
		jdbc.sql("""
				update digest set notification_id = :notification
				where account_id = :account and kind = :kind and period_start = :start
				""")
			.param("notification", notificationId)
			.param("account", accountId)
			.param("kind", kind.name())
			.param("start", Date.valueOf(periodStart))
			.update();
	}

	/** Forgets decisions about periods that began before {@code cutoff}. */
	public int forgetBefore(LocalDate cutoff) {
		return jdbc.sql("delete from digest where period_start < :cutoff")
			.param("cutoff", Date.valueOf(cutoff))
			.update();
	}

}
