package org.yizhan.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.ReplicaReads;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.HostType;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationStatus;

import org.springframework.stereotype.Service;

/**
 * A union's dashboard: the public entry point of this module.
 *
 * <p>
 * A union's own staff read the dashboard of their union and of every union below it; a
 * union outside the caller's subtree does not exist for it (404), and accounts that see
 * only some stations (station masters, liaisons, hosts) are refused (403): a subtree's
 * sums would tell them about stations they may not see. A control room's display reads
 * one union's dashboard with a display token instead ({@link DisplayTokens}).
 *
 * <p>
 * Everything is read in one read-only, repeatable-read transaction (one snapshot, so the
 * figures agree with each other) by a handful of set-based queries grouped by district,
 * summed here into child unions: the cost grows with the number of districts, not of
 * unions asked. The transaction is {@link ReplicaReads}', on the read replica when one is
 * configured and current, else on the primary (ADR 0031).
 */
@Service
public class UnionDashboards {

	/** How many months the dashboard's series covers, the current one included. */
	public static final int MONTHS = 12;

	/** How far back closed cases count towards the time to close. */
	public static final int CLOSED_DAYS = 90;

	private final ReplicaReads reads;

	private final OrganizationTree organizations;

	private final Clock clock;

	UnionDashboards(ReplicaReads reads, OrganizationTree organizations, Clock clock) {
		this.reads = reads;
		this.organizations = organizations;
		this.clock = clock;
	}

	/**
	 * The dashboard of a union the caller's subtree holds.
	 * @throws ForbiddenException for a caller who is no union's staff
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 */
	public Dashboard forUnion(String code) {
		return assemble(readable(code));
	}

	/**
	 * The union a caller may read the dashboard of, the same checks as
	 * {@link #forUnion(String)}.
	 */
	public Organization readable(String code) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("reporting.forbidden");
		}
		return this.organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("reporting.union.notFound", code));
	}

	/**
	 * The unions from the root down to {@code code} that the caller sees, for a
	 * breadcrumb.
	 */
	public List<Organization> listAncestry(String code) {
		Actor actor = Actor.required();
		return this.organizations.listAncestry(code).stream().filter(found -> actor.sees(found.path())).toList();
	}

	/** Today in Asia/Shanghai. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
	}

	/**
	 * The dashboard of a union without a caller: for a display token already checked by
	 * {@link DisplayTokens}, which names the union.
	 */
	Dashboard assemble(Organization union) {
		YearMonth last = YearMonth.from(today());
		return assemble(union, last.minusMonths(MONTHS - 1), last);
	}

	/**
	 * The figures of a union over the months {@code first} to {@code last}: the same
	 * reads as the dashboard's, so a report of a month holds the numbers the dashboard
	 * shows for that month. Stations, cases and silent stations are counted as they stand
	 * now; a month not over yet is counted so far.
	 */
	Dashboard assemble(Organization union, YearMonth first, YearMonth last) {
		return this.reads.read(jdbc -> assemble(union, first, last, new DashboardQueries(jdbc)));
	}

	private Dashboard assemble(Organization union, YearMonth first, YearMonth last, DashboardQueries queries) {
		String path = union.path();
		Instant now = this.clock.instant();
		LocalDate today = today();
		LocalDate from = first.atDay(1);
		LocalDate to = last.atEndOfMonth().isAfter(today) ? today : last.atEndOfMonth();
		Instant end = last.plusMonths(1).atDay(1).atStartOfDay(YizhanTime.ZONE).toInstant();

		Map<String, Child> children = new LinkedHashMap<>();
		for (Organization child : this.organizations.listChildren(union.code())) {
			children.put(child.code(), new Child(child));
		}
		Child whole = new Child(union);

		for (DashboardQueries.DistrictStations row : queries.stationsByDistrict(path)) {
			for (Child target : targets(whole, children, path, row.path())) {
				target.stations += row.total();
				target.listed += row.listed();
				target.allDay += row.allDay();
				target.smart += row.smart();
			}
		}
		Map<YearMonth, long[]> months = new TreeMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.put(month, new long[5]);
		}
		for (DashboardQueries.DistrictMonth row : queries.monthly(path, from, to)) {
			long[] month = months.get(YearMonth.from(row.month()));
			if (month != null) {
				month[0] += row.ratings();
				month[1] += row.stars();
				month[2] += row.satisfied();
				month[3] += row.visits();
			}
			for (Child target : targets(null, children, path, row.path())) {
				target.ratings += row.ratings();
				target.satisfied += row.satisfied();
				target.visits += row.visits();
			}
		}
		long registeredBefore = 0;
		Map<YearMonth, Long> registered = new HashMap<>();
		for (DashboardQueries.MonthCount row : queries.registrations(path, end)) {
			YearMonth month = YearMonth.from(row.month());
			if (month.isBefore(first)) {
				registeredBefore += row.count();
			}
			else {
				registered.put(month, row.count());
			}
		}
		for (DashboardQueries.DistrictCases row : queries.cases(path, now)) {
			for (Child target : targets(whole, children, path, row.path())) {
				target.openCases += row.open();
				target.overdueCases += row.overdue();
				target.silent += row.silent();
			}
		}
		DashboardQueries.Closing closing = queries.closing(path, now.minus(Duration.ofDays(CLOSED_DAYS)));

		List<Dashboard.Month> series = new ArrayList<>();
		long running = registeredBefore;
		for (Map.Entry<YearMonth, long[]> entry : months.entrySet()) {
			long count = registered.getOrDefault(entry.getKey(), 0L);
			running += count;
			long[] m = entry.getValue();
			series.add(new Dashboard.Month(entry.getKey(), count, running, m[0], m[1], m[2], m[3]));
		}
		Dashboard.Cases cases = new Dashboard.Cases(whole.openCases, whole.overdueCases, closing.closed(),
				closing.medianHours(), whole.silent);
		List<Dashboard.ChildUnion> rows = children.values()
			.stream()
			.filter(Child::hasAnything)
			.map(Child::toRow)
			.toList();
		return new Dashboard(union, today, counts(queries, path, whole), series, cases, rows);
	}

	private Dashboard.StationCounts counts(DashboardQueries queries, String path, Child whole) {
		Map<StationStatus, Long> byStatus = new EnumMap<>(StationStatus.class);
		Map<StationLevel, Long> byLevel = new EnumMap<>(StationLevel.class);
		Map<Integer, Long> byStars = new TreeMap<>();
		Map<HostType, Long> byHostType = new EnumMap<>(HostType.class);
		for (StationStatus status : StationStatus.values()) {
			byStatus.put(status, 0L);
		}
		for (StationLevel level : StationLevel.values()) {
			byLevel.put(level, 0L);
		}
		for (int stars = 0; stars <= 5; stars++) {
			byStars.put(stars, 0L);
		}
		for (DashboardQueries.Breakdown row : queries.breakdown(path)) {
			StationStatus status = StationStatus.valueOf(row.status());
			if (row.level() == null && row.stars() == null && row.hostType() == null) {
				byStatus.merge(status, row.count(), Long::sum);
			}
			else if (status == StationStatus.LISTED) {
				if (row.level() != null) {
					byLevel.merge(StationLevel.valueOf(row.level()), row.count(), Long::sum);
				}
				if (row.stars() != null) {
					byStars.merge(row.stars(), row.count(), Long::sum);
				}
				if (row.hostType() != null) {
					byHostType.merge(HostType.valueOf(row.hostType()), row.count(), Long::sum);
				}
			}
		}
		return new Dashboard.StationCounts(whole.stations, whole.listed, whole.allDay, whole.smart, byStatus, byLevel,
				byStars, byHostType);
	}

	/**
	 * Where a district's row is summed: into the whole (when given) and into the child
	 * union whose subtree holds the district.
	 */
	private static List<Child> targets(Child whole, Map<String, Child> children, String unionPath,
			String districtPath) {
		List<Child> targets = new ArrayList<>(2);
		if (whole != null) {
			targets.add(whole);
		}
		if (districtPath.length() > unionPath.length()) {
			String below = districtPath.substring(unionPath.length() + 1);
			int slash = below.indexOf('/');
			Child child = children.get((slash < 0) ? below : below.substring(0, slash));
			if (child != null) {
				targets.add(child);
			}
		}
		return targets;
	}

	/** A union's running sums while the districts' rows are read. */
	private static final class Child {

		final Organization organization;

		long stations;

		long listed;

		long allDay;

		long smart;

		long ratings;

		long satisfied;

		long visits;

		long openCases;

		long overdueCases;

		long silent;

		Child(Organization organization) {
			this.organization = organization;
		}

		boolean hasAnything() {
			return this.stations + this.ratings + this.visits + this.openCases + this.silent > 0;
		}

		Dashboard.ChildUnion toRow() {
			return new Dashboard.ChildUnion(this.organization.code(), this.organization.name(), this.stations,
					this.listed, this.allDay, this.smart, this.ratings, this.satisfied, this.visits, this.openCases,
					this.overdueCases, this.silent);
		}

	}

}
