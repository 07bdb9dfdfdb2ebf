package org.yizhan.platform.database;

import java.nio.file.Path;

import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
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
			try (var connection = context.getBean(DataSource.class).getConnection();
					var rows = connection.createStatement().executeQuery("show synchronous_commit")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("on");
			}
		});
		try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.acquire(folder.resolve("fast"), false, false, 100);
				var connection = DriverManager.getConnection(fast.jdbcUrl());
				var rows = connection.createStatement().executeQuery("show synchronous_commit")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("off");
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
		});
	}

}
