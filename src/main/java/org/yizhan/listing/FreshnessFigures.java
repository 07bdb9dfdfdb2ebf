package org.yizhan.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How truthful a union's listings are (issue 20, item 5): the share of its listed
 * stations confirmed within 7, 30 and 60 days, and how long workers' "shut" reports
 * waited for an answer ({@link ShutReportSettlement}), for the union and each child
 * union.
 *
 * <p>
 * The shares are of today (a listing held as 待核实 counts as unconfirmed, however recent
 * its last rating); the reports are those of the month asked, settled or not by now. Both
 * are read per district of the subtree and summed into child unions, as the dashboard
 * does, so a national page costs one scan of the listed stations and one of a month's
 * reports.
 */
@Service
@Transactional(readOnly = true)
public class FreshnessFigures {

	/** The ages the shares are counted at, in days. */
	public static final int[] WITHIN_DAYS = { 7, 30, 60 };

	private static final String IN_SUBTREE = "(o.path = :path or o.path like :path || '/%')";

	private final JdbcClient jdbc;

	private final OrganizationTree organizations;

	private final Clock clock;

	FreshnessFigures(JdbcClient jdbc, OrganizationTree organizations, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * A union's figures, with a row per child union.
	 * @param code the union, one the caller's subtree holds
	 * @param month the month of the reports, {@code yyyy-MM}; {@code null} or blank for
	 * this month
	 * @throws ForbiddenException for a caller who is no union's staff
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 * @throws InvalidInputException for a month that is no month or is still to come
	 */
	public Report forUnion(String code, String month) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("listing.figures.forbidden");
		}
		YearMonth asked = month(month);
		Organization union = organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("listing.figures.union.notFound", code));
		return assemble(union, asked);
	}

	private YearMonth month(String month) {
		YearMonth now = YearMonth.now(clock.withZone(YizhanTime.ZONE));
		if (month == null || month.isBlank()) {
			return now;
		}
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException(Violation.of("month", "listing.figures.month.invalid", month.strip()));
		}
		if (parsed.isAfter(now)) {
			throw new InvalidInputException(Violation.of("month", "listing.figures.month.future", parsed));
		}
		return parsed;
	}

	Report assemble(Organization union, YearMonth month) {
		Instant now = clock.instant();
		String path = union.path();
		Map<String, Sums> children = new LinkedHashMap<>();
		for (Organization child : organizations.listChildren(union.code())) {
			children.put(child.code(), new Sums(child));
		}
		Sums whole = new Sums(union);

		jdbc.sql("""
				select o.path, count(*) as listed,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d7) as within7,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d30) as within30,
				       count(*) filter (where f.unverified_since is null
				                          and coalesce(f.confirmed_at, s.status_changed_at) >= :d60) as within60,
				       count(*) filter (where f.unverified_since is not null) as held
				from station s join organization o on o.code = s.district_code
				     left join station_freshness f on f.station_id = s.id
				where s.status = 'LISTED' and %s
				group by o.path
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.param("d7", Timestamp.from(now.minus(Duration.ofDays(WITHIN_DAYS[0]))))
			.param("d30", Timestamp.from(now.minus(Duration.ofDays(WITHIN_DAYS[1]))))
			.param("d60", Timestamp.from(now.minus(Duration.ofDays(WITHIN_DAYS[2]))))
			.query((RowCallbackHandler) rs -> {
				for (Sums target : targets(whole, children, rs.getString("path"))) {
					target.listed += rs.getLong("listed");
					target.within[0] += rs.getLong("within7");
					target.within[1] += rs.getLong("within30");
					target.within[2] += rs.getLong("within60");
					target.held += rs.getLong("held");
				}
			});

		Instant from = month.atDay(1).atStartOfDay(YizhanTime.ZONE).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(YizhanTime.ZONE).toInstant();
		jdbc.sql("""
				select o.path, r.created_at, r.resolved_at
				from listing_report r join station s on s.id = r.station_id
				     join organization o on o.code = s.district_code
				where r.kind = 'SHUT' and not r.held and r.created_at >= :from and r.created_at < :to and %s
				""".formatted(IN_SUBTREE))
			.param("path", path)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((RowCallbackHandler) rs -> {
				Instant created = rs.getTimestamp("created_at").toInstant();
				Timestamp resolved = rs.getTimestamp("resolved_at");
				Duration waited = (resolved != null) ? Duration.between(created, resolved.toInstant()) : null;
				for (Sums target : targets(whole, children, rs.getString("path"))) {
					target.add(created, waited, now);
				}
			});
		List<Row> rows = children.values().stream().map(Sums::row).toList();
		return new Report(union, month, LocalDate.ofInstant(now, YizhanTime.ZONE), whole.row(), rows);
	}

	/**
	 * Where a district's row is summed: into the whole and into the child union whose
	 * subtree holds the district.
	 */
	private static List<Sums> targets(Sums whole, Map<String, Sums> children, String districtPath) {
		List<Sums> targets = new ArrayList<>(2);
		targets.add(whole);
		whole.organization.childTowards(districtPath).map(children::get).ifPresent(targets::add);
		return targets;
	}

	/**
	 * A union's figures.
	 *
	 * @param today the day the shares are of, in Asia/Shanghai
	 * @param whole the union's own row, over its whole subtree
	 * @param children a row per child union, in the tree's order
	 */
	public record Report(Organization union, YearMonth month, LocalDate today, Row whole, List<Row> children) {
	}

	/**
	 * One union's row.
	 *
	 * @param listed listed stations today
	 * @param within confirmed within 7, 30 and 60 days ({@link #WITHIN_DAYS}), not held
	 * @param held held as 待核实 after workers' shut reports
	 * @param shutReports the month's shut reports that counted (none held as suspicious)
	 * @param settled those settled by now
	 * @param unsettledOverDay those not settled by now and older than a day
	 * @param medianWait the median wait of the settled ones; {@code null} without any
	 * @param p90Wait the 90th percentile of it; {@code null} without any
	 */
	public record Row(String code, String name, long listed, long[] within, long held, long shutReports, long settled,
			long unsettledOverDay, Duration medianWait, Duration p90Wait) {

		/**
		 * The share confirmed within {@code WITHIN_DAYS[i]} days, 0–1; 0 without
		 * stations.
		 */
		public double share(int i) {
			return (this.listed == 0) ? 0 : (double) this.within[i] / this.listed;
		}

	}

	/** A union's running sums while the districts' rows are read. */
	private static final class Sums {

		final Organization organization;

		long listed;

		final long[] within = new long[WITHIN_DAYS.length];

		long held;

		long reports;

		long unsettledOverDay;

		final List<Duration> waits = new ArrayList<>();

		Sums(Organization organization) {
			this.organization = organization;
		}

		void add(Instant created, Duration waited, Instant now) {
			this.reports++;
			if (waited != null) {
				this.waits.add(waited);
			}
			else if (created.isBefore(now.minus(Duration.ofDays(1)))) {
				this.unsettledOverDay++;
			}
		}

		Row row() {
			List<Duration> sorted = this.waits.stream().sorted().toList();
			return new Row(this.organization.code(), this.organization.name(), this.listed, this.within.clone(),
					this.held, this.reports, sorted.size(), this.unsettledOverDay, percentile(sorted, 50),
					percentile(sorted, 90));
		}

		/** The nearest-rank percentile: a wait some report really had. */
		private static Duration percentile(List<Duration> sorted, int p) {
			if (sorted.isEmpty()) {
				return null;
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return sorted.get(Math.max(0, rank - 1));
		}

	}

}
