package org.yizhan.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * folder.
 */
@SpringBootTest
class MigrationHistoryTests {

	private static final String DATABASE = "migration_history_check";

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	DatabaseRoles roles;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDatabaseMigratedFromTheFlatFolderValidatesAgainstTheModuleFolders(@TempDir Path flat)
			throws IOException, SQLException {
		for (Path file : MigrationFoldersTests.sqlFiles()) {
			Files.copy(file, flat.resolve(file.getFileName()));
		}
		String url = freshDatabase();

		int applied = flyway(url, "filesystem:" + flat.toAbsolutePath()).migrate().migrationsExecuted;
		assertThat(applied).isEqualTo(MigrationFoldersTests.sqlFiles().size());

		Flyway modular = flyway(url, "classpath:db/migration");
		assertThat(modular.validateWithResult().validationSuccessful).isTrue();
		assertThat(modular.info().pending()).isEmpty();
		assertThat(modular.info().applied()).hasSize(MigrationFoldersTests.sqlFiles().size());
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

	private String freshDatabase() throws SQLException {
		try (Connection owner = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = owner.createStatement()) {
			statement.execute("drop database if exists " + DATABASE);
			statement.execute("create database " + DATABASE);
		}
		return server.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE + "?", "/" + DATABASE + "?");
	}

}
