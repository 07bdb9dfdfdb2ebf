package org.yizhan.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data sets loaded once per database (the demo city, its coverage inputs, its
 * accounts): a row of {@code data_import} remembers each, so restarts, and admins editing
 * or deleting what was loaded, never bring rows back. Every method runs in the caller's
 * transaction.
 */
@Component
public class DataImports {

	/**
	 * The demo city's marker ({@code station.DemoCity}): its demo data sets follow it.
	 */
	public static final String DEMO_CITY = "demo-city-hangzhou";

	private static final Logger log = LoggerFactory.getLogger(DataImports.class);

	private final JdbcClient jdbc;

	DataImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the table's lock until the caller's transaction ends, so that two instances
	 * starting together on an empty database do not both load.
	 */
	public void lock() {
		jdbc.sql("lock table data_import in exclusive mode").update();
	}

	/** Whether the data set {@code name} has been loaded. */
	public boolean isLoaded(String name) {
		return jdbc.sql("select count(*) from data_import where name = :name")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/** Remembers that {@code rows} rows of the data set {@code name} were loaded. */
	public void recordLoaded(String name, int rows, Instant at) {
		jdbc.sql("insert into data_import (name, rows_loaded, imported_at) values (:name, :rows, :at)")
			.param("name", name)
			.param("rows", rows)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Generates the demo data set {@code name} once per database, in the caller's
	 * transaction: only where the demo city was loaded, and only while {@code table} is
	 * empty, so that a database with real rows of that kind never gets invented ones
	 * beside them. The demo histories (ratings, cases, visits) share this rule.
	 * @param table the table the data set fills; a constant of the caller, never input
	 * @param at when, as the caller's clock says
	 * @param generate writes the rows and returns how many
	 * @return the rows written, or empty when nothing was generated
	 */
	public OptionalInt generateOnceForDemoCity(String name, String table, Instant at, IntSupplier generate) {
		lock();
		if (isLoaded(name) || !isLoaded(DEMO_CITY)) {
			return OptionalInt.empty();
		}
		if (jdbc.sql("select exists (select 1 from " + table + ")").query(Boolean.class).single()) {
			log.info("No demo data set {}: the database already holds rows of {}", name, table);
			return OptionalInt.empty();
		}
		int rows = generate.getAsInt();
		recordLoaded(name, rows, at);
		return OptionalInt.of(rows);
	}

}
