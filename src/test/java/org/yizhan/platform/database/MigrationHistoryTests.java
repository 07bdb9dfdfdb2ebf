package org.yizhan.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database migrated before the migrations moved into their modules' folders (all of
 * them in {@code db/migration}, as V1 to V20 were applied) finds nothing to do and
 * nothing changed: Flyway knows a migration by version, description and checksum, not by
 * folder. And the previous version of the application starts on a schema the next one
 * migrated, as a rolling upgrade needs (ARCHITECTURE.md, expand then contract).
 */
@SpringBootTest
class MigrationHistoryTests {

	private static final String DATABASE = "migration_history_check";

	private static final String PREVIOUS_DATABASE = "previous_version_check";

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	DatabaseRoles roles;

	@Autowired
	JdbcClient jdbc;

	/** The application's own Flyway, configured as every instance's is. */
	@Autowired
	Flyway application;

	@Test
	void aDatabaseMigratedFromTheFlatFolderValidatesAgainstTheModuleFolders(@TempDir Path flat)
			throws IOException, SQLException {
		for (Path file : MigrationFoldersTests.sqlFiles()) {
			Files.copy(file, flat.resolve(file.getFileName()));
		}
		String url = freshDatabase(DATABASE);

		int applied = flyway(url, "filesystem:" + flat.toAbsolutePath()).migrate().migrationsExecuted;
		assertThat(applied).isEqualTo(MigrationFoldersTests.sqlFiles().size());

		Flyway modular = flyway(url, "classpath:db/migration");
		assertThat(modular.validateWithResult().validationSuccessful).isTrue();
		assertThat(modular.info().pending()).isEmpty();
		assertThat(modular.info().applied()).hasSize(MigrationFoldersTests.sqlFiles().size());
	}

	/**
	 * During a rolling upgrade an instance of version N starts again (after a crash, or
	 * when the upgrade is rolled back) on the schema that N+1 migrated. N+1 holds
	 * migrations N has never seen: with versions above N's newest (Flyway calls them
	 * future) and, because a branch merged late keeps its older timestamp (ADR 0010),
	 * below it (missing). Flyway's default ignores only the first kind and would stop N
	 * at its start.
	 */
	@Test
	void thePreviousVersionStartsOnTheSchemaTheNextVersionMigrated(@TempDir Path previous)
			throws IOException, SQLException {
		List<Path> timestamped = MigrationFoldersTests.sqlFiles()
			.stream()
			.filter(file -> file.getFileName().toString().matches("V\\d{4}_.*"))
			.sorted(Comparator.comparing(file -> file.getFileName().toString()))
			.toList();
		// N lacks the newest (future to it) and the third newest: a branch merged late
		// into N+1, below N's own newest, the second (missing to it).
		Path newest = timestamped.get(timestamped.size() - 1);
		Path mergedLate = timestamped.get(timestamped.size() - 3);
		for (Path file : MigrationFoldersTests.sqlFiles()) {
			if (!file.equals(newest) && !file.equals(mergedLate)) {
				Files.copy(file, previous.resolve(file.getFileName()));
			}
		}
		String url = freshDatabase(PREVIOUS_DATABASE);
		flyway(url, "classpath:db/migration").migrate();

		Flyway previousVersion = Flyway.configure()
			.configuration(application.getConfiguration())
			.dataSource(url, EmbeddedPostgresServer.OWNER, null)
			.locations("filesystem:" + previous.toAbsolutePath())
			.load();
		var validation = previousVersion.validateWithResult();
		assertThat(validation.validationSuccessful).as("%s", validation.invalidMigrations).isTrue();
		assertThat(previousVersion.info().pending()).isEmpty();

		// The test can fail: with Flyway's default the migration merged late stops N.
		assertThat(flyway(url, "filesystem:" + previous.toAbsolutePath()).validateWithResult().validationSuccessful)
			.isFalse();
	}

	@Test
	void theApplicationAppliedTheMigrationsOfEveryModuleFolder() {
		assertThat(jdbc.sql("select script from flyway_schema_history where success and version is not null")
			.query(String.class)
			.list()).hasSize(MigrationFoldersTests.sqlFiles().size())
			.contains("ticket/V10__problem_tickets.sql", "station/V1__organization_and_station_registry.sql");
	}

	private Flyway flyway(String url, String location) {
		return Flyway.configure()
			.dataSource(url, EmbeddedPostgresServer.OWNER, null)
			.locations(location)
			.outOfOrder(true)
			.placeholders(Map.of("app_role", roles.appRole()))
			.load();
	}

	private String freshDatabase(String name) throws SQLException {
		try (Connection owner = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = owner.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		return server.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE + "?", "/" + name + "?");
	}

}
