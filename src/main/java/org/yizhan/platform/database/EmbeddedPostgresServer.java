package org.yizhan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run from zonky's binaries, with its data in a folder that survives
 * restarts.
 *
 * <p>
 * One server per data folder per JVM: a test JVM holds several Spring contexts, and each
 * would otherwise try to start a second postmaster on a folder that is already locked.
 * Contexts {@linkplain #acquire(Path, boolean) acquire} the shared server and
 * {@linkplain #close() release} it; the last release stops the postmaster cleanly.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "yizhan";

	/** The superuser zonky's {@code initdb} creates: it owns the schema. */
	static final String OWNER = "postgres";

	/** PostgreSQL's own default. */
	static final int DEFAULT_MAX_CONNECTIONS = 100;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();

	private final Path dataDirectory;

	private final EmbeddedPostgres postgres;

	private int users;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
		this.dataDirectory = dataDirectory;
		this.postgres = postgres;
	}

	/**
	 * Starts the server on {@code dataDirectory}, or joins the one this JVM already runs
	 * there.
	 * @param clean whether to wipe the folder first (tests); ignored when joining
	 */
	public static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, boolean clean) {
		return acquire(dataDirectory, clean, true, DEFAULT_MAX_CONNECTIONS);
	}

	/**
	 * Starts the server on {@code dataDirectory}, or joins the one this JVM already runs
	 * there.
	 * @param clean whether to wipe the folder first (tests); ignored when joining
	 * @param synchronousCommit whether a commit waits for its WAL to reach the disk, as
	 * in a production PostgreSQL; zonky's default is off, which can lose the last commits
	 * if the machine (not only the application) goes down. Only tests, whose data is
	 * thrown away, turn it off; ignored when joining
	 * @param maxConnections PostgreSQL's {@code max_connections}; a test JVM caches many
	 * Spring contexts, each with its own pool on this one server, so it needs more than
	 * an application does; ignored when joining
	 */
	public static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, boolean clean,
			boolean synchronousCommit, int maxConnections) {
		Path key = dataDirectory.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = running.get(key);
		if (server == null) {
			server = new EmbeddedPostgresServer(key, start(key, clean, synchronousCommit, maxConnections));
			server.createDatabaseIfMissing();
			running.put(key, server);
		}
		server.users++;
		return server;
	}

	private static EmbeddedPostgres start(Path dataDirectory, boolean clean, boolean synchronousCommit,
			int maxConnections) {
		long started = System.nanoTime();
		try {
			if (clean) {
				// zonky's clean flag wipes the folder when the server is closed, so a
				// test run
				// that was killed leaves a cluster behind on which initdb then refuses to
				// run.
				FileSystemUtils.deleteRecursively(dataDirectory);
			}
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.toFile())
				.setCleanDataDirectory(clean)
				// Spring's shutdown hook closes the contexts, which release this server
				// after everything that uses the database has stopped; zonky's own hook
				// would race them.
				.setRegisterShutdownHook(false)
				.setServerConfig("timezone", "Asia/Shanghai")
				.setServerConfig("max_connections", Integer.toString(maxConnections))
				.setServerConfig("synchronous_commit", synchronousCommit ? "on" : "off")
				.start();
			log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), dataDirectory,
					(System.nanoTime() - started) / 1_000_000);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (var rows = exists.executeQuery()) {
				if (!rows.next()) {
					try (var create = connection.createStatement()) {
						create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	/**
	 * Creates the login role the application connects as, once per data folder: it holds
	 * no rights of its own; the migrations grant it what it may do.
	 */
	public synchronized void createLoginRoleIfMissing(String role) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			exists.setString(1, role);
			try (var rows = exists.executeQuery()) {
				if (!rows.next()) {
					try (var create = connection.createStatement()) {
						create.execute("create role \"" + role.replace("\"", "\"\"") + "\" login");
					}
					log.info("Created the application's database role {}", role);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database role " + role, ex);
		}
	}

	/**
	 * The URL for the schema's owner: migrations, and tests that must act as the owner.
	 */
	public String jdbcUrl() {
		return jdbcUrl(OWNER);
	}

	public String jdbcUrl(String user) {
		return postgres.getJdbcUrl(user, DATABASE);
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			running.remove(dataDirectory);
		}
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
