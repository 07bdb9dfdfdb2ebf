package org.yizhan.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL starts only when no datasource URL is configured, persists its
 * data across restarts, and is shared by the contexts of one JVM.
 */
class EmbeddedDatabaseConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedDatabaseConfiguration.class, DatabaseRoles.class);

	@Test
	void aConfiguredDatasourceUrlKeepsTheEmbeddedServerAway() {
		runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/yizhan").run(context -> {
			assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
		});
	}

	@Test
	void withoutAUrlTheEmbeddedServerStartsAndKeepsItsDataAcrossRestarts(@TempDir Path folder) {
		runner.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg")).run(context -> {
			assertThat(context).hasSingleBean(EmbeddedPostgresServer.class);
			String owner = context.getBean(EmbeddedPostgresServer.class).jdbcUrl();
			try (var connection = DriverManager.getConnection(owner); var statement = connection.createStatement()) {
				statement.execute("create table kept (note text)");
				statement.execute("insert into kept values ('survives a restart')");
				statement.execute("grant select on kept to yizhan_app");
			}
			// The application's pool works as the restricted role, which cannot change
			// the schema.
			try (var connection = context.getBean(DataSource.class).getConnection();
					var statement = connection.createStatement()) {
				assertThatThrownBy(() -> statement.execute("create table sneaked (note text)"))
					.hasMessageContaining("permission denied");
			}
		});
		runner.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg")).run(context -> {
			try (var connection = context.getBean(DataSource.class).getConnection();
					var rows = connection.createStatement().executeQuery("select note from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("survives a restart");
			}
		});
	}

	@Test
	void theApplicationsCommitsWaitForTheDiskUnlessTheTestsSayOtherwise(@TempDir Path folder) throws SQLException {
		// This runner reads no test configuration: it has the application's default.
		runner.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg")).run(context -> {
			try (var connection = context.getBean(DataSource.class).getConnection()) {
				assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
				// zonky starts PostgreSQL with -F: without fsync no commit is durable
				// against a power loss, synchronous or not.
				assertThat(setting(connection, "fsync")).isEqualTo("on");
				assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
			}
		});
		try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.acquire(folder.resolve("fast"), false, false, false,
				100); var connection = DriverManager.getConnection(fast.jdbcUrl())) {
			assertThat(setting(connection, "synchronous_commit")).isEqualTo("off");
			assertThat(setting(connection, "fsync")).isEqualTo("off");
		}
	}

	@Test
	void theTestConfigurationAloneTurnsFsyncOff() throws IOException {
		// What the test suite runs with (src/test/resources/config/application.yml) and
		// what the application ships with.
		String tests = Files.readString(Path.of("src/test/resources/config/application.yml"));
		String application = Files.readString(Path.of("src/main/resources/application.yml"));
		assertThat(tests).contains("fsync: false");
		assertThat(application).doesNotContain("fsync: false");
	}

	@Test
	void everyRoleNeedsItsPasswordAndThePasswordsAreTheOwnersAlone(@TempDir Path folder) throws IOException {
		runner.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg")).run(context -> {
			EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
			int port = server.postgres().getPort();
			for (String role : new String[] { "postgres", "yizhan_app" }) {
				assertThatThrownBy(() -> DriverManager
					.getConnection("jdbc:postgresql://localhost:" + port + "/yizhan?user=" + role))
					.as("%s without a password", role)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("password");
				assertThatThrownBy(() -> DriverManager
					.getConnection("jdbc:postgresql://localhost:" + port + "/yizhan?user=" + role + "&password=wrong"))
					.as("%s with a wrong password", role)
					.hasMessageContaining("password authentication failed");
				try (var connection = DriverManager.getConnection(server.jdbcUrl(role))) {
					assertThat(connection.isValid(1)).isTrue();
				}
			}
			try (var connection = DriverManager.getConnection(server.jdbcUrl())) {
				assertThat(setting(connection, "listen_addresses")).isEqualTo("127.0.0.1");
				assertThat(setting(connection, "unix_socket_directories")).isEmpty();
				try (var rules = connection.createStatement()
					.executeQuery("select distinct auth_method from pg_hba_file_rules where error is null")) {
					assertThat(rules.next()).isTrue();
					assertThat(rules.getString(1)).isEqualTo("scram-sha-256");
					assertThat(rules.next()).isFalse();
				}
			}
			Path file = folder.resolve("pg").resolve(RolePasswords.FILE_NAME);
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(Files.readString(file)).contains("postgres=" + server.password("postgres"))
				.contains("yizhan_app=" + server.password("yizhan_app"));
		});
	}

	@Test
	void aFolderOfAnEarlierVersionThatTrustedEveryoneGetsPasswordsAtItsNextStart(@TempDir Path folder)
			throws Exception {
		Path pg = folder.resolve("pg");
		// As earlier versions left it: initdb's trust for every local connection, roles
		// without passwords, a table of the application's.
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
			.setDataDirectory(pg)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); var connection = earlier.getPostgresDatabase().getConnection()) {
			try (var statement = connection.createStatement()) {
				statement.execute("create database yizhan encoding 'UTF8' template template0");
				statement.execute("create role yizhan_app login");
			}
		}
		assertThat(Files.readString(pg.resolve("pg_hba.conf"))).contains("trust");
		assertThat(pg.resolve(RolePasswords.FILE_NAME)).doesNotExist();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(pg, false)) {
			server.createLoginRoleIfMissing("yizhan_app");
			int port = server.postgres().getPort();
			assertThatThrownBy(
					() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/yizhan?user=postgres"))
				.hasMessageContaining("password");
			try (var owner = DriverManager.getConnection(server.jdbcUrl());
					var app = DriverManager.getConnection(server.jdbcUrl("yizhan_app"))) {
				assertThat(owner.isValid(1)).isTrue();
				assertThat(app.isValid(1)).isTrue();
			}
			assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContain("trust");
		}
		// And the kept passwords hold at the start after.
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(pg, false);
				var owner = DriverManager.getConnection(again.jdbcUrl())) {
			assertThat(owner.isValid(1)).isTrue();
		}
	}

	private static String setting(java.sql.Connection connection, String name) throws SQLException {
		try (var rows = connection.createStatement().executeQuery("show " + name)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	@Test
	void contextsOfOneJvmShareTheServerOfAFolder(@TempDir Path folder) {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(folder, false);
				EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(folder, false)) {
			assertThat(second).isSameAs(first);
		}
	}

	@Test
	void aCleanStartWipesTheClusterARunThatWasKilledLeftBehind(@TempDir Path folder) throws SQLException {
		try (EmbeddedPostgresServer before = EmbeddedPostgresServer.acquire(folder, false);
				var connection = DriverManager.getConnection(before.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("create table left_behind (note text)");
		}
		// The folder now holds a whole cluster, as after a test run that was killed.
		try (EmbeddedPostgresServer clean = EmbeddedPostgresServer.acquire(folder, true, false, 150);
				var connection = DriverManager.getConnection(clean.jdbcUrl());
				var statement = connection.createStatement()) {
			try (var rows = statement.executeQuery("select to_regclass('left_behind') is null")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getBoolean(1)).isTrue();
			}
			try (var rows = statement.executeQuery("show max_connections")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("150");
			}
		}
	}

	@Test
	void aPoolWithAMinimumIdleShrinksWhileItsContextWaitsInTheTestCache(@TempDir Path folder) {
		runner
			.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg"), "yizhan.embedded-db.min-idle=1",
					"yizhan.embedded-db.pool-size=10")
			.run(context -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				assertThat(pool.getMinimumIdle()).isEqualTo(1);
				assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
				assertThat(pool.getIdleTimeout()).isEqualTo(10_000);
			});
		runner.withPropertyValues("yizhan.embedded-db.dir=" + folder.resolve("pg")).run(context -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			// Hikari's unset minimum (-1) means a fixed pool of the maximum size.
			assertThat(pool.getMinimumIdle()).isIn(-1, pool.getMaximumPoolSize());
			// With the database away a request waits 3 s for a connection, not Hikari's
			// 30, and is answered 503.
			assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
			assertThat(pool.getValidationTimeout()).isEqualTo(2000);
		});
	}

}
