package org.yizhan.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where reports are read, with two embedded PostgreSQL servers standing for the primary
 * and its replica. They are not replicating: each holds an {@code answer} saying which
 * one it is, and the test writes the replica's heartbeat as streaming replication would
 * have copied it (recent, old, missing). So this proves the routing and the fallbacks,
 * not replication itself: a replica that answers and is within the lag serves the reads;
 * one behind by more, without a heartbeat, unreachable, or failing in the middle of a
 * read is passed over for the primary, and the answer is then the primary's.
 */
class PrimaryOrReplicaTests {

	private static final String HEARTBEAT = "src/main/resources/db/migration/platform/V2026_12_08_0000__replica_heartbeat.sql";

	@TempDir
	static Path folder;

	private static EmbeddedPostgresServer primaryServer;

	private static EmbeddedPostgresServer replicaServer;

	private static DataSource primary;

	@BeforeAll
	static void servers() throws IOException {
		primaryServer = EmbeddedPostgresServer.acquire(folder.resolve("primary"), true, false, false, 20);
		replicaServer = EmbeddedPostgresServer.acquire(folder.resolve("replica"), true, false, false, 20);
		primary = dataSource(primaryServer);
		schema(JdbcClient.create(primary), "primary");
		schema(JdbcClient.create(dataSource(replicaServer)), "replica");
	}

	@AfterAll
	static void stop() {
		primaryServer.close();
		replicaServer.close();
	}

	@BeforeEach
	void freshHeartbeat() {
		heartbeat(replicaServer, Duration.ofSeconds(2));
	}

	@Test
	void withoutAReplicaEveryReadGoesToThePrimary() {
		assertThat(answer(routing(null, Duration.ofSeconds(30), Duration.ZERO))).isEqualTo("primary");
	}

	@Test
	void aReplicaWithinTheLagAllowedServesTheReads() {
		assertThat(answer(routing(replica(replicaServer), Duration.ofSeconds(30), Duration.ZERO))).isEqualTo("replica");
	}

	@Test
	void aReplicaBehindByMoreThanTheLagAllowedIsPassedOverUntilItCatchesUp() {
		PrimaryOrReplica routing = routing(replica(replicaServer), Duration.ofSeconds(30), Duration.ZERO);
		MeterRegistry meters = new SimpleMeterRegistry();
		routing.count(meters);
		heartbeat(replicaServer, Duration.ofMinutes(2));

		assertThat(answer(routing)).isEqualTo("primary");

		heartbeat(replicaServer, Duration.ofSeconds(1));
		assertThat(answer(routing)).isEqualTo("replica");
		assertThat(meters.get("yizhan.replica.reads").tag("source", "primary").counter().count()).isEqualTo(1);
		assertThat(meters.get("yizhan.replica.reads").tag("source", "replica").counter().count()).isEqualTo(1);
	}

	@Test
	void aReplicaThatNeverHeardThePrimarysHeartbeatIsPassedOver() {
		PrimaryOrReplica routing = routing(replica(replicaServer), Duration.ofSeconds(30), Duration.ZERO);
		JdbcClient.create(dataSource(replicaServer)).sql("delete from replica_heartbeat").update();

		assertThat(answer(routing)).isEqualTo("primary");
	}

	@Test
	void aMissingReplicaIsPassedOverWithinItsConnectionTimeout() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		PrimaryOrReplica routing = routing(
				PrimaryOrReplica.Replica.connect("jdbc:postgresql://127.0.0.1:" + closedPort + "/yizhan", "yizhan_app",
						"none", Duration.ofSeconds(1), 2),
				Duration.ofSeconds(30), Duration.ofMinutes(1));
		long started = System.nanoTime();

		assertThat(answer(routing)).isEqualTo("primary");
		assertThat(answer(routing)).isEqualTo("primary");

		// one connection timeout for the check, the second read remembers the verdict
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		routing.destroy();
	}

	@Test
	void aReplicaLostBetweenTheCheckAndTheReadLeavesTheReadToThePrimary() {
		EmbeddedPostgresServer doomed = EmbeddedPostgresServer.acquire(folder.resolve("doomed"), true, false, false,
				20);
		schema(JdbcClient.create(dataSource(doomed)), "replica");
		heartbeat(doomed, Duration.ofSeconds(1));
		// checked once an hour: the verdict "serves" stands when the server goes
		PrimaryOrReplica routing = routing(replica(doomed), Duration.ofSeconds(30), Duration.ofHours(1));
		assertThat(answer(routing)).isEqualTo("replica");

		doomed.close();

		assertThat(answer(routing)).isEqualTo("primary");
		routing.destroy();
	}

	@Test
	void aWrongQueryOnTheReplicaIsAnErrorNotARetryOnThePrimary() {
		PrimaryOrReplica routing = routing(replica(replicaServer), Duration.ofSeconds(30), Duration.ZERO);

		assertThatThrownBy(
				() -> routing.read(jdbc -> jdbc.sql("select no_such_column from answer").query(String.class).single()))
			.isInstanceOf(BadSqlGrammarException.class);
	}

	@Test
	void theHeartbeatIsWrittenOnThePrimaryWithItsClock() {
		PrimaryOrReplica routing = routing(replica(replicaServer), Duration.ofSeconds(30), Duration.ZERO);
		JdbcClient.create(primary).sql("delete from replica_heartbeat").update();

		routing.beat();

		Instant beat = JdbcClient.create(primary)
			.sql("select beat_at from replica_heartbeat where id = 1")
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(Duration.between(beat, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void withoutAReplicaNoHeartbeatIsWritten() {
		JdbcClient.create(primary).sql("delete from replica_heartbeat").update();

		routing(null, Duration.ofSeconds(30), Duration.ZERO).beat();

		assertThat(JdbcClient.create(primary).sql("select count(*) from replica_heartbeat").query(Long.class).single())
			.isZero();
	}

	private static PrimaryOrReplica routing(PrimaryOrReplica.Replica replica, Duration maxLag, Duration checkInterval) {
		return new PrimaryOrReplica(JdbcClient.create(primary), new DataSourceTransactionManager(primary),
				Clock.systemUTC(), replica, maxLag, checkInterval);
	}

	private static PrimaryOrReplica.Replica replica(EmbeddedPostgresServer server) {
		return PrimaryOrReplica.Replica.of(server.connectionUrl(), dataSource(server));
	}

	private static String answer(PrimaryOrReplica routing) {
		return routing.read(jdbc -> jdbc.sql("select source from answer").query(String.class).single());
	}

	private static DataSource dataSource(EmbeddedPostgresServer server) {
		return new DriverManagerDataSource(server.connectionUrl(), EmbeddedPostgresServer.OWNER,
				server.password(EmbeddedPostgresServer.OWNER));
	}

	/** The heartbeat's table as the platform's migration creates it, and the answer. */
	private static void schema(JdbcClient jdbc, String source) {
		try {
			jdbc.sql(Files.readString(Path.of(HEARTBEAT))).update();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		jdbc.sql("create table answer (source text)").update();
		jdbc.sql("insert into answer values (:source)").param("source", source).update();
	}

	/** The heartbeat as replication would have brought it: written {@code ago}. */
	private static void heartbeat(EmbeddedPostgresServer server, Duration ago) {
		JdbcClient.create(dataSource(server)).sql("""
				insert into replica_heartbeat (id, beat_at) values (1, clock_timestamp() - make_interval(secs => :ago))
				on conflict (id) do update set beat_at = excluded.beat_at""").param("ago", ago.toSeconds()).update();
	}

}
