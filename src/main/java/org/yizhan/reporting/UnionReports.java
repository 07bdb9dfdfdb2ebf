package org.yizhan.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A union's monthly and yearly reports (月报、年报): made by the schedule for every union with
 * stations once a period is over, or by a union's staff on demand, and kept.
 *
 * <p>
 * A report keeps its figures, not its files: the {@link Dashboard} of the period, read by
 * the dashboard's own queries ({@link UnionDashboards}) when the report was made and
 * stored as JSON. The PDF and the Excel are drawn from them whenever they are downloaded,
 * in the reader's language, so a report reads the same numbers every time it is opened,
 * and they are the numbers the dashboard showed for the same months on the day it was
 * made. The schedule's reports are one per union, kind and period (a partial unique
 * index): two instances running the job at once, or a second run, make no second one.
 */
@Service
public class UnionReports {

	/**
	 * The tiers that get scheduled reports: the administrative tree's, down to districts.
	 */
	static final Set<OrganizationKind> SCHEDULED_KINDS = EnumSet.of(OrganizationKind.NATIONAL,
			OrganizationKind.PROVINCE, OrganizationKind.CITY, OrganizationKind.DISTRICT);

	/** The most reports a union's list shows, newest first. */
	public static final int LISTED = 200;

	private final UnionDashboards dashboards;

	private final OrganizationTree organizations;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	UnionReports(UnionDashboards dashboards, OrganizationTree organizations, JdbcClient jdbc, JsonMapper json,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.dashboards = dashboards;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** A report with the figures it keeps. */
	public record KeptReport(UnionReport report, Dashboard figures) {
	}

	/**
	 * The reports kept for a union the caller may read the dashboard of, newest period
	 * first.
	 * @throws ForbiddenException for a caller who is no union's staff
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public List<UnionReport> list(String unionCode) {
		Organization union = this.dashboards.readable(unionCode);
		return this.jdbc.sql("""
				select r.id, r.union_code, o.name, r.kind, r.period, r.scheduled, r.made_by, r.made_at
				from reporting_report r join organization o on o.code = r.union_code
				where r.union_code = :union
				order by r.first_month desc, r.kind, r.made_at desc, r.id desc limit :limit
				""").param("union", union.code()).param("limit", LISTED).query((rs, n) -> report(rs)).list();
	}

	/**
	 * Makes and keeps a report of a union the caller may read the dashboard of, for a
	 * month ({@code MONTH}, {@code 2026-11}) or a year ({@code YEAR}, {@code 2026}) that
	 * has begun; a period not over yet is reported so far. Audited.
	 * @throws org.yizhan.platform.InvalidInputException naming {@code kind} or
	 * {@code period}
	 */
	@Transactional
	public UnionReport make(String unionCode, String kind, String period) {
		Organization union = this.dashboards.readable(unionCode);
		ReportPeriod parsed = ReportPeriod.parse(kind, period, this.dashboards.today());
		Dashboard figures = this.dashboards.assemble(union, parsed.first(), parsed.last());
		String madeBy = Actor.required().username();
		UnionReport report = insert(union, parsed, figures, false, madeBy);
		this.events.publishEvent(new Audited("reporting.report.make", "union-report", String.valueOf(report.id()),
				union.code(), null, parsed.kind() + " " + parsed.text()));
		return report;
	}

	/**
	 * A kept report with its figures, if its union is one the caller may read.
	 * @throws NotFoundException for a report unknown or of a union outside the subtree
	 */
	@Transactional(readOnly = true)
	public KeptReport get(long id) {
		record Row(UnionReport report, String figures) {
		}
		Row row = this.jdbc.sql("""
				select r.id, r.union_code, o.name, r.kind, r.period, r.scheduled, r.made_by, r.made_at, r.figures
				from reporting_report r join organization o on o.code = r.union_code where r.id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Row(report(rs), rs.getString("figures")))
			.optional()
			.orElseThrow(() -> new NotFoundException("reporting.report.notFound", id));
		try {
			this.dashboards.readable(row.report().unionCode());
		}
		catch (NotFoundException ex) {
			// another union's report does not exist for this caller, as its union does
			// not
			throw new NotFoundException("reporting.report.notFound", id);
		}
		return new KeptReport(row.report(), this.json.readValue(row.figures(), Dashboard.class));
	}

	/**
	 * The schedule's work on {@code today}: last month's report and last year's of every
	 * union with stations that has none yet.
	 * @return how many reports this call made
	 */
	int makeDue(LocalDate today) {
		List<Organization> unions = listReportingUnions();
		YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
		return makeScheduled(ReportPeriod.month(lastMonth), unions)
				+ makeScheduled(ReportPeriod.year(today.getYear() - 1), unions);
	}

	/**
	 * Makes the scheduled report of {@code period} for each of {@code unions} that has
	 * none, each in a transaction of its own (a failure costs one union's report, which
	 * the next run makes). Whoever inserts a union's report first keeps it; the others
	 * insert nothing.
	 * @return how many reports this call made
	 */
	int makeScheduled(ReportPeriod period, List<Organization> unions) {
		Set<String> made = Set.copyOf(this.jdbc.sql("""
				select union_code from reporting_report where scheduled and kind = :kind and period = :period""")
			.param("kind", period.kind().name())
			.param("period", period.text())
			.query(String.class)
			.list());
		int count = 0;
		for (Organization union : unions) {
			if (made.contains(union.code())) {
				continue;
			}
			Boolean inserted = this.transactions.execute(status -> {
				Dashboard figures = this.dashboards.assemble(union, period.first(), period.last());
				return insert(union, period, figures, true, UnionReport.SYSTEM) != null;
			});
			if (Boolean.TRUE.equals(inserted)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The unions of the administrative tree with at least one station in their subtree,
	 * root first.
	 */
	List<Organization> listReportingUnions() {
		List<String> districts = this.jdbc.sql("select distinct s.district_code from station s")
			.query(String.class)
			.list();
		return this.organizations.listCovering(districts)
			.stream()
			.filter(union -> SCHEDULED_KINDS.contains(union.kind()))
			.toList();
	}

	/** The row inserted, {@code null} when a scheduled report of the period was there. */
	private UnionReport insert(Organization union, ReportPeriod period, Dashboard figures, boolean scheduled,
			String madeBy) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("""
					insert into reporting_report (union_code, kind, period, first_month, scheduled, made_by, made_at, figures)
					values (:union, :kind, :period, :first, :scheduled, :by, :at, cast(:figures as jsonb))
					on conflict (union_code, kind, period) where scheduled do nothing
					returning id""")
			.param("union", union.code())
			.param("kind", period.kind().name())
			.param("period", period.text())
			.param("first", period.first().atDay(1))
			.param("scheduled", scheduled)
			.param("by", madeBy)
			.param("at", Timestamp.from(now))
			.param("figures", this.json.writeValueAsString(figures))
			.query(Long.class)
			.optional()
			.map(id -> new UnionReport(id, union.code(), union.name(), period, scheduled, madeBy, now))
			.orElse(null);
	}

	private static UnionReport report(ResultSet rs) throws SQLException {
		ReportPeriod.Kind kind = ReportPeriod.Kind.valueOf(rs.getString("kind"));
		String text = rs.getString("period");
		ReportPeriod period = (kind == ReportPeriod.Kind.MONTH) ? ReportPeriod.month(YearMonth.parse(text))
				: ReportPeriod.year(Integer.parseInt(text));
		return new UnionReport(rs.getLong("id"), rs.getString("union_code"), rs.getString("name"), period,
				rs.getBoolean("scheduled"), rs.getString("made_by"), rs.getTimestamp("made_at").toInstant());
	}

}
