package org.yizhan.platform;

import java.sql.Timestamp;
import java.time.Instant;

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

}
