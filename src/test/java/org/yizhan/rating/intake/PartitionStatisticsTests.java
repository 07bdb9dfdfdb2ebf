package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.station.Station;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's partition gets its first statistics from the intake once the intake has
 * written a thousand of its ratings (V20), not a minute later from autovacuum, which is
 * switched off for the month this test writes to (a partition of its own) so that only
 * the intake can analyze it.
 */
class PartitionStatisticsTests extends IntakeTestSupport {

	/** A month no other test rates in: its partition is this test's own. */
	private static final LocalDate DAY = LocalDate.of(2028, 6, 14);

	@Autowired
	JdbcRatingStore store;

	@Autowired
	EmbeddedPostgresServer server;

	@Test
	void theIntakeAnalyzesAMonthAfterItsFirstThousandRatings() throws SQLException {
		jdbc.sql("select create_rating_partition(date '2028-06-01')").query(Boolean.class).single();
		// as the owner: the application's role may not alter the table
		try (Connection owner = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = owner.createStatement()) {
			statement.execute("alter table rating_2028_06 set (autovacuum_enabled = false)");
		}
		Station station = listedStation();
		store.store(ratings(station, 0, PartitionStatistics.FIRST_ANALYZE_AFTER - 1));
		assertThat(reltuples()).as("never analyzed").isNegative();

		store.store(ratings(station, PartitionStatistics.FIRST_ANALYZE_AFTER - 1, 1));

		assertThat(reltuples()).isEqualTo(PartitionStatistics.FIRST_ANALYZE_AFTER);
	}

	private float reltuples() {
		return jdbc.sql("select reltuples from pg_class where relname = 'rating_2028_06'").query(Float.class).single();
	}

	private static List<PendingRating> ratings(Station station, int from, int count) {
		List<PendingRating> batch = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			byte[] device = ByteBuffer.allocate(32).putInt(i).putLong(station.id().value()).array();
			batch.add(new PendingRating(station.id().value(), DAY,
					DAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)).plusMillis(i), 3, Set.of(), null, null, device,
					null, null, Set.of()));
		}
		return batch;
	}

}
