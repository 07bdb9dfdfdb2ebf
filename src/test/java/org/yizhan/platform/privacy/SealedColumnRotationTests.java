package org.yizhan.platform.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.platform.database.EmbeddedPostgresServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation against the real database: values sealed with a retired key are re-sealed
 * with the active one, and a second run has nothing left to do.
 */
@SpringBootTest
class SealedColumnRotationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final PersonalDataCipher before = new PersonalDataCipher(Map.of("k1", PersonalDataCipherTests.OLD_KEY),
			"k1");

	private final PersonalDataCipher after = new PersonalDataCipher(
			Map.of("k1", PersonalDataCipherTests.OLD_KEY, "k2", PersonalDataCipherTests.NEW_KEY), "k2");

	@Autowired
	EmbeddedPostgresServer server;

	/** As the owner: the application's own role may not create tables. */
	@BeforeEach
	void createTable() throws SQLException {
		asOwner("create table rotation_probe (id bigint primary key, phone text)");
	}

	@AfterEach
	void dropTable() throws SQLException {
		asOwner("drop table rotation_probe");
	}

	private void asOwner(String ddl) throws SQLException {
		try (Connection owner = DriverManager.getConnection(this.server.jdbcUrl());
				Statement statement = owner.createStatement()) {
			statement.execute(ddl);
		}
	}

	@Test
	void resealsRetiredValuesOnceAndKeepsTheirMeaning() {
		for (int id = 1; id <= 1_203; id++) {
			insert(id, this.before.seal("138" + String.format("%08d", id)));
		}
		insert(2_000, null);
		insert(2_001, this.after.seal("13900000000"));
		SealedColumnRotation rotation = new SealedColumnRotation(this.after,
				List.of(new SealedColumn("rotation_probe", "id", "phone")), this.jdbc, this.transactions);

		assertThat(rotation.resealAll()).isEqualTo(1_203);
		assertThat(rotation.resealAll()).isZero();

		List<String> phones = this.jdbc.sql("select phone from rotation_probe where phone is not null order by id")
			.query(String.class)
			.list();
		assertThat(phones).hasSize(1_204).allMatch(this.after::isSealedWithActiveKey);
		assertThat(this.after.open(phones.get(41))).isEqualTo("13800000042");
		assertThat(this.after.open(phones.get(1_203))).isEqualTo("13900000000");
	}

	private void insert(long id, String phone) {
		this.jdbc.sql("insert into rotation_probe (id, phone) values (?, ?)").params(id, phone).update();
	}

}
