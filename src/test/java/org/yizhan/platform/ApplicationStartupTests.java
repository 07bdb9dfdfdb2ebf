package org.yizhan.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on the embedded PostgreSQL, Flyway owns the schema, and the demo
 * city and the union tree are there.
 */
@SpringBootTest
class ApplicationStartupTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsOnTheEmbeddedPostgresWithTheSchemaFromFlyway() {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isPositive();
	}

	@Test
	void loadsTheDemoCityOnceIntoItsDistricts() {
		assertThat(jdbc.sql("select rows_loaded from data_import where name = 'demo-city-hangzhou'")
			.query(Integer.class)
			.single()).isEqualTo(811);
		assertThat(jdbc.sql("select count(*) from station where code like '3301%'").query(Long.class).single())
			.isGreaterThanOrEqualTo(811);
		assertThat(jdbc
			.sql("select count(*) from station s join organization o on o.code = s.district_code "
					+ "where o.kind <> 'DISTRICT'")
			.query(Long.class)
			.single()).isZero();
	}

}
