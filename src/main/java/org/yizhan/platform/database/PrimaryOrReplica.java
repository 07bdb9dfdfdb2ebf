package org.yizhan.platform.database;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.ReplicaReads;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * {@link ReplicaReads} over the primary and, when {@code yizhan.replica.url} is set, a
 * read replica with a small pool of its own.
 *
 * <p>
 * How far behind the replica is comes from a heartbeat: every instance writes the
 * primary's time into {@code replica_heartbeat} every
 * {@code yizhan.replica.heartbeat-interval} (5 s), streaming replication copies the row,
 * and on the replica {@code clock_timestamp() - beat_at} is its lag, including while the
 * primary is otherwise idle and when the replica has lost its primary (its replay
 * position would then look current). The verdict, serve or pass over, is taken at most
 * every {@code yizhan.replica.check-interval} (5 s); a replica that cannot be reached is
 * given {@code yizhan.replica.connection-timeout} (1 s) to answer, so a missing replica
 * costs a read at most that once per check. A read the replica fails with a lost
 * connection runs again on the primary, and the replica is passed over until the next
 * check.
 */
@Component
class PrimaryOrReplica implements ReplicaReads, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PrimaryOrReplica.class);

	private final JdbcClient primary;

	private final TransactionTemplate primaryReads;

	private final Replica replica;

	private final Duration maxLag;

	private final Duration checkInterval;

	private final Clock clock;

	private volatile Verdict verdict;

	private Counter servedByReplica;

	private Counter servedByPrimary;

	@Autowired
	PrimaryOrReplica(JdbcClient primary, PlatformTransactionManager transactions, Clock clock,
			@Value("${yizhan.replica.url:}") String url, @Value("${yizhan.replica.username:}") String username,
			@Value("${yizhan.replica.password:}") String password,
			@Value("${yizhan.replica.max-lag:30s}") Duration maxLag,
			@Value("${yizhan.replica.check-interval:5s}") Duration checkInterval,
			@Value("${yizhan.replica.connection-timeout:1s}") Duration connectionTimeout,
			@Value("${yizhan.replica.pool-size:4}") int poolSize, ObjectProvider<MeterRegistry> meters) {
		this(primary, transactions, clock,
				StringUtils.hasText(url) ? Replica.connect(url, username, password, connectionTimeout, poolSize) : null,
				maxLag, checkInterval);
		meters.ifAvailable(this::count);
	}

	PrimaryOrReplica(JdbcClient primary, PlatformTransactionManager transactions, Clock clock, Replica replica,
			Duration maxLag, Duration checkInterval) {
		this.primary = primary;
		this.primaryReads = readOnly(transactions);
		this.clock = clock;
		this.replica = replica;
		this.maxLag = maxLag;
		this.checkInterval = checkInterval;
		if (replica != null) {
			log.info("Reports and dashboards read from the replica {} while it is at most {} behind", replica.url(),
					maxLag);
		}
	}

	void count(MeterRegistry meters) {
		this.servedByReplica = Counter.builder("yizhan.replica.reads")
			.description("Reads of reports and dashboards, by the database that served them")
			.tag("source", "replica")
			.register(meters);
		this.servedByPrimary = Counter.builder("yizhan.replica.reads")
			.description("Reads of reports and dashboards, by the database that served them")
			.tag("source", "primary")
			.register(meters);
	}

	@Override
	public <T> T read(Function<JdbcClient, T> reads) {
		if (this.replica != null && mayServe()) {
			try {
				T answer = this.replica.reads().execute(status -> reads.apply(this.replica.jdbc()));
				increment(this.servedByReplica);
				return answer;
			}
			catch (RuntimeException ex) {
				if (!connectionLost(ex)) {
					throw ex;
				}
				this.verdict = new Verdict(this.clock.instant(), false, "unreachable: " + ex.getMessage());
				log.warn("The replica failed a read ({}); it runs on the primary", ex.toString());
			}
		}
		T answer = this.primaryReads.execute(status -> reads.apply(this.primary));
		increment(this.servedByPrimary);
		return answer;
	}

	/** Whether the replica may serve reads now: reachable and within the lag allowed. */
	boolean mayServe() {
		Instant now = this.clock.instant();
		Verdict last = this.verdict;
		if (last != null && !now.isBefore(last.at()) && now.isBefore(last.at().plus(this.checkInterval))) {
			return last.serves();
		}
		Verdict next = check(now);
		if (last == null || last.serves() != next.serves()) {
			if (next.serves()) {
				log.info("The replica serves reports again ({})", next.why());
			}
			else {
				log.warn("Reports read from the primary: the replica is {}", next.why());
			}
		}
		this.verdict = next;
		return next.serves();
	}

	private Verdict check(Instant now) {
		try {
			Optional<Double> lagSeconds = this.replica.jdbc()
				.sql("select extract(epoch from clock_timestamp() - beat_at) from replica_heartbeat where id = 1")
				.query(Double.class)
				.optional();
			if (lagSeconds.isEmpty()) {
				return new Verdict(now, false, "without a heartbeat from the primary");
			}
			Duration lag = Duration.ofMillis(Math.round(lagSeconds.get() * 1000));
			if (lag.compareTo(this.maxLag) > 0) {
				return new Verdict(now, false, "behind by " + lag.toSeconds() + " s, more than " + this.maxLag);
			}
			return new Verdict(now, true, "behind by " + lag.toMillis() + " ms");
		}
		catch (RuntimeException ex) {
			return new Verdict(now, false, "unreachable: " + ex.getMessage());
		}
	}

	/**
	 * The primary's heartbeat, written by every instance while a replica is configured
	 * (one row; whichever instance writes last, the time is the primary's).
	 */
	@Scheduled(fixedDelayString = "${yizhan.replica.heartbeat-interval:5s}", initialDelay = 0)
	void beat() {
		if (this.replica == null) {
			return;
		}
		this.primary.sql("""
				insert into replica_heartbeat (id, beat_at) values (1, clock_timestamp())
				on conflict (id) do update set beat_at = excluded.beat_at""").update();
	}

	@Override
	public void destroy() {
		if (this.replica != null && this.replica.dataSource() instanceof HikariDataSource pool) {
			pool.close();
		}
	}

	private static void increment(Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

	/** A failure that means the connection is gone, not that the query was wrong. */
	private static boolean connectionLost(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Read-only and repeatable read: every query of a read sees the same snapshot, so a
	 * report's figures agree with each other (a hot standby allows both).
	 */
	private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		return template;
	}

	/** The replica's pool, client and read-only transactions. */
	record Replica(String url, DataSource dataSource, JdbcClient jdbc, TransactionTemplate reads) {

		static Replica connect(String url, String username, String password, Duration connectionTimeout, int poolSize) {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setPoolName("yizhan-replica");
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(username);
			dataSource.setPassword(password);
			dataSource.setReadOnly(true);
			dataSource.setMaximumPoolSize(poolSize);
			dataSource.setMinimumIdle(0);
			dataSource.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
			dataSource.setValidationTimeout(Math.max(250, connectionTimeout.toMillis()));
			// A replica missing at start-up is passed over until it answers, not a failed
			// start.
			dataSource.setInitializationFailTimeout(-1);
			return of(url, dataSource);
		}

		static Replica of(String url, DataSource dataSource) {
			return new Replica(url, dataSource, JdbcClient.create(dataSource),
					readOnly(new DataSourceTransactionManager(dataSource)));
		}

	}

	/** Whether the replica serves, since when, and why. */
	private record Verdict(Instant at, boolean serves, String why) {
	}

}
