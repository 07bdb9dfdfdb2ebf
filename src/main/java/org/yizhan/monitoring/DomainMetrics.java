package org.yizhan.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.finder.StationFinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the domain, read from the owners' tables: open and overdue cases by source,
 * listed stations against the finder's index on this instance (their difference is the
 * drift the station copies' reconciliation repairs within its interval), and when each
 * job that runs once across instances last started (ShedLock's {@code locked_at}, which
 * every instance sees, so a job that stopped on all of them shows, whichever instance is
 * scraped).
 *
 * <p>
 * A scrape reads the figures through {@link #snapshot()}: one round of cheap counts at
 * most once per {@code yizhan.metrics.refresh-interval} (15 s), however many gauges,
 * scrapers and scrapes ask; the counts go by indexes the owners keep, so a scrape does
 * not load the database. When the database cannot be read, {@code yizhan.database.up} is
 * 0 and the counts are NaN (unknown) rather than their last values, so an outage does not
 * look like a quiet day.
 */
@Component
class DomainMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(DomainMetrics.class);

	/** Where a case came from (problem_ticket.source), each its own series. */
	enum CaseSource {

		QR_REPORT, SELF_CHECK, STAFF, INSPECTION

	}

	private final JdbcClient jdbc;

	private final StationFinder finder;

	private final Clock clock;

	private final Duration refreshInterval;

	private volatile Snapshot snapshot;

	private MultiGauge jobs;

	private List<String> jobNames = List.of();

	DomainMetrics(JdbcClient jdbc, StationFinder finder, Clock clock,
			@Value("${yizhan.metrics.refresh-interval:15s}") Duration refreshInterval) {
		this.jdbc = jdbc;
		this.finder = finder;
		this.clock = clock;
		this.refreshInterval = refreshInterval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("yizhan.database.up", this, metrics -> metrics.snapshot().databaseUp() ? 1 : 0)
			.description("1 while this instance reads the database, 0 when its last read failed")
			.register(registry);
		for (CaseSource source : CaseSource.values()) {
			Gauge.builder("yizhan.tickets.open", this, count(snapshot -> snapshot.open().get(source)))
				.description("Cases (problem tickets) not yet resolved")
				.tag("source", source.name())
				.register(registry);
			Gauge.builder("yizhan.tickets.overdue", this, count(snapshot -> snapshot.overdue().get(source)))
				.description("Open cases past their deadline")
				.tag("source", source.name())
				.register(registry);
		}
		Gauge.builder("yizhan.finder.index.stations", this.finder, StationFinder::size)
			.description("Listed stations in this instance's finder index")
			.register(registry);
		Gauge.builder("yizhan.stations.listed", this, count(Snapshot::listed))
			.description("Listed stations in the database")
			.register(registry);
		Gauge.builder("yizhan.finder.index.drift", this, count(snapshot -> {
			Long listed = snapshot.listed();
			return (listed == null) ? null : Math.abs(listed - this.finder.size());
		}))
			.description("Listed stations in the database minus those in this instance's index, in either direction")
			.register(registry);
		this.jobs = MultiGauge.builder("yizhan.jobs.last.started")
			.description("When a job that runs once across instances last started (ShedLock), in seconds since 1970")
			.baseUnit("seconds")
			.register(registry);
	}

	private ToDoubleFunction<DomainMetrics> count(Function<Snapshot, Long> figure) {
		return metrics -> {
			Snapshot now = metrics.snapshot();
			Long value = now.databaseUp() ? figure.apply(now) : null;
			return (value == null) ? Double.NaN : value;
		};
	}

	/**
	 * The figures, read again when older than the refresh interval (or when the clock
	 * went back past the last reading).
	 */
	synchronized Snapshot snapshot() {
		Instant now = this.clock.instant();
		Snapshot last = this.snapshot;
		if (last != null && !now.isBefore(last.readAt()) && now.isBefore(last.readAt().plus(this.refreshInterval))) {
			return last;
		}
		Snapshot read = read(now);
		this.snapshot = read;
		List<String> names = read.jobs().stream().map(Job::name).toList();
		if (this.jobs != null && read.databaseUp() && !names.equals(this.jobNames)) {
			// Rows change only when a job runs for the first time (or its lock is
			// removed):
			// each row reads its value from the latest snapshot, so a scrape replaces no
			// meter while it collects them.
			this.jobNames = names;
			this.jobs.register(names.stream()
				.map(name -> MultiGauge.Row.of(Tags.of("job", name), this, metrics -> metrics.lastStarted(name)))
				.toList(), true);
		}
		return read;
	}

	private double lastStarted(String job) {
		return snapshot().jobs()
			.stream()
			.filter(candidate -> candidate.name().equals(job))
			.mapToDouble(Job::lockedAtSeconds)
			.findFirst()
			.orElse(Double.NaN);
	}

	private Snapshot read(Instant now) {
		try {
			Map<CaseSource, Long> open = zeros();
			Map<CaseSource, Long> overdue = zeros();
			this.jdbc.sql("""
					select source, count(*) as open, count(*) filter (where due_at < :now) as overdue
					from problem_ticket where status = 'OPEN' group by source
					""").param("now", Timestamp.from(now)).query(rs -> {
				CaseSource source = CaseSource.valueOf(rs.getString("source"));
				open.put(source, rs.getLong("open"));
				overdue.put(source, rs.getLong("overdue"));
			});
			long listed = this.jdbc.sql("select count(*) from station where status = 'LISTED'")
				.query(Long.class)
				.single();
			List<Job> jobs = new ArrayList<>(
					this.jdbc.sql("select name, extract(epoch from locked_at) as locked_at from shedlock order by name")
						.query((rs, n) -> new Job(rs.getString("name"), rs.getDouble("locked_at")))
						.list());
			return new Snapshot(now, true, open, overdue, listed, jobs);
		}
		catch (RuntimeException ex) {
			log.warn("Domain metrics could not be read: {}", ex.toString());
			return new Snapshot(now, false, zeros(), zeros(), null, List.of());
		}
	}

	private static Map<CaseSource, Long> zeros() {
		Map<CaseSource, Long> counts = new EnumMap<>(CaseSource.class);
		for (CaseSource source : CaseSource.values()) {
			counts.put(source, 0L);
		}
		return counts;
	}

	/** One job of the shedlock table: its lock's name and when it last started. */
	record Job(String name, double lockedAtSeconds) {
	}

	/** One reading of the figures. */
	record Snapshot(Instant readAt, boolean databaseUp, Map<CaseSource, Long> open, Map<CaseSource, Long> overdue,
			Long listed, List<Job> jobs) {
	}

}
