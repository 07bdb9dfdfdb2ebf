package org.yizhan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 *
 * <p>
 * Hardened against the host (ADR 0009): every role signs in with a password kept in the
 * data folder ({@link RolePasswords}, {@link ClientAuthentication}), the server listens
 * on 127.0.0.1 only, and forces its writes to the disk unless told otherwise. It does not
 * outlive its JVM ({@link PostmasterWatchdog}), and a start stops a server that a killed
 * application left running on its folder ({@link OrphanedPostmaster}).
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

	private final RolePasswords passwords;

	private final PostmasterWatchdog watchdog;

	private int users;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres, RolePasswords passwords) {
		this.dataDirectory = dataDirectory;
		this.postgres = postgres;
		this.passwords = passwords;
		this.watchdog = PostmasterWatchdog.watch(dataDirectory, postmasterPid());
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
	 * there; durable (fsync on).
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
		return acquire(dataDirectory, clean, synchronousCommit, true, maxConnections);
	}

	/**
	 * Starts the server on {@code dataDirectory}, or joins the one this JVM already runs
	 * there.
	 * @param fsync whether PostgreSQL forces its writes to the disk ({@code fsync} and
	 * {@code full_page_writes}); zonky starts it with {@code -F}, fsync off, which makes
	 * no commit durable against a power loss, synchronous or not. Only tests turn it off;
	 * ignored when joining
	 * @see #acquire(Path, boolean, boolean, int)
	 */
	public static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, boolean clean,
			boolean synchronousCommit, boolean fsync, int maxConnections) {
		Path key = dataDirectory.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = running.get(key);
		if (server == null) {
			server = start(key, clean, synchronousCommit, fsync, maxConnections);
			server.createDatabaseIfMissing();
			running.put(key, server);
		}
		server.users++;
		return server;
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, boolean clean, boolean synchronousCommit,
			boolean fsync, int maxConnections) {
		long started = System.nanoTime();
		try {
			// Before anything else: an application killed on this folder left its
			// server running, which would refuse the new one (and survive a wipe).
			OrphanedPostmaster.stopIfAny(dataDirectory);
			if (clean) {
				// zonky's clean flag wipes the folder when the server is closed, so a
				// test run that was killed leaves a cluster behind on which initdb then
				// refuses to run.
				FileSystemUtils.deleteRecursively(dataDirectory);
			}
			Files.createDirectories(dataDirectory);
			// Empty until the cluster exists: initdb wants an empty folder.
			RolePasswords passwords = RolePasswords.in(dataDirectory);
			String ownerPassword = passwords.get(OWNER);
			String newOwnerPassword = (ownerPassword != null) ? null : RolePasswords.generate();
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
				// After zonky's -F on the command line, so they win over it.
				.setServerConfig("fsync", fsync ? "on" : "off")
				.setServerConfig("full_page_writes", "on")
				// Loopback only, no Unix socket, a password for every connection.
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("unix_socket_directories", "''")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setConnectConfig("password", (ownerPassword != null) ? ownerPassword : newOwnerPassword)
				.setDataDirectoryCustomizer(folder -> {
					ClientAuthentication.requirePasswords(folder.toPath());
					if (newOwnerPassword != null) {
						// A new cluster (initdb trusts everyone) or one of an earlier
						// version: the owner gets a password before the server listens.
						SingleUser.setPassword(folder.toPath(), OWNER, newOwnerPassword);
						passwords.put(OWNER, newOwnerPassword);
						log.info("The embedded PostgreSQL's roles now sign in with passwords kept in {}",
								passwords.file());
					}
				})
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, postgres, passwords);
			log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), dataDirectory,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = ownerConnection("postgres");
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
	 * Creates the login role the application connects as, once per data folder, and sets
	 * its password (generated once, kept with the owner's) at every start, so a folder of
	 * an earlier version, whose roles had none, is brought up to date. The role holds no
	 * rights of its own; the migrations grant it what it may do.
	 */
	public synchronized void createLoginRoleIfMissing(String role) {
		String password = passwords.getOrCreate(role);
		String name = "\"" + role.replace("\"", "\"\"") + "\"";
		String literal = "'" + password.replace("'", "''") + "'";
		try (Connection connection = ownerConnection("postgres");
				var exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			exists.setString(1, role);
			try (var rows = exists.executeQuery(); var change = connection.createStatement()) {
				if (!rows.next()) {
					change.execute("create role " + name + " login password " + literal);
					log.info("Created the application's database role {}", role);
				}
				else {
					change.execute("alter role " + name + " password " + literal);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database role " + role, ex);
		}
	}

	private Connection ownerConnection(String database) throws SQLException {
		return DriverManager.getConnection(url(database), OWNER, password(OWNER));
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
	}

	/**
	 * The URL of the application's database, without credentials: give the user and
	 * {@link #password(String)} apart, so that no log shows them.
	 */
	public String connectionUrl() {
		return url(DATABASE);
	}

	/**
	 * The password of a role of this server (the owner, or one made by
	 * {@link #createLoginRoleIfMissing(String)}).
	 * @throws IllegalArgumentException for a role this server did not make
	 */
	public String password(String role) {
		String password = passwords.get(role);
		if (password == null) {
			throw new IllegalArgumentException("No password kept for the database role " + role);
		}
		return password;
	}

	/**
	 * The URL for the schema's owner, password included: migrations' tools, and tests
	 * that must act as the owner.
	 */
	public String jdbcUrl() {
		return jdbcUrl(OWNER);
	}

	/** The URL for {@code user} with its password, for tools and tests. */
	public String jdbcUrl(String user) {
		return url(DATABASE) + "?user=" + user + "&password=" + password(user);
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** The postmaster's process id, from its pid file. */
	long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(dataDirectory.resolve(OrphanedPostmaster.PID_FILE)).get(0).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the postmaster's pid in " + dataDirectory, ex);
		}
	}

	EmbeddedPostgres postgres() {
		return postgres;
	}

	PostmasterWatchdog watchdog() {
		return watchdog;
	}

	@Override
	public void close() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			running.remove(dataDirectory);
		}
		watchdog.dismiss();
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
