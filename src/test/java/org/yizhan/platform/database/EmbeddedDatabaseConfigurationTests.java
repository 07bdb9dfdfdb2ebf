package org.yizhan.platform.database;

import java.nio.file.Path;

import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

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
			// the
			// schema.
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
		try (EmbeddedPostgresServer fast = EmbeddedPostgresServer.acquire(folder.resolve("fast"), false, false);
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

}
