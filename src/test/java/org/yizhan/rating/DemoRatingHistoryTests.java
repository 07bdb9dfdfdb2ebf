package org.yizhan.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's generated rating history, written in a transaction that is rolled back:
 * the tests' stations share one database, whose figures other tests check (the history is
 * off in the tests' configuration).
 */
@SpringBootTest
class DemoRatingHistoryTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void theDemoCityGetsALabelledHistoryWithQuietAndSilentStationsAndNothingInTheFuture() {
		DemoRatingHistory history = new DemoRatingHistory(jdbc, imports, transaction, clock);
		LocalDate today = LocalDate.now(clock.withZone(YizhanTime.ZONE));
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			long started = System.nanoTime();
			int written = history.generate();
			System.out.printf("Demo rating history: %d ratings in %d ms%n", written,
					(System.nanoTime() - started) / 1_000_000);
			// the demo city's 776 listed stations, one rating on about every eighth day
			assertThat(written).isBetween(6_000, 14_000);
			List<Integer> perStation = jdbc.sql("""
					select count(r.id)::int from station s
					left join rating r on r.station_id = s.id and r.device_hash = sha256(convert_to(
					    'demo:' || s.id || ':' || r.rating_day, 'UTF8'))
					where s.status = 'LISTED' and s.code like '3301%'
					group by s.id
					""").query(Integer.class).list();
			long silent = perStation.stream().filter(n -> n == 0).count();
			assertThat(silent).as("stations left without a rating").isBetween(20L, 90L);
			assertThat(perStation.stream().filter(n -> n >= 8).count()).isGreaterThan(perStation.size() / 2);
			List<String> comments = jdbc
				.sql("select comment from rating where comment is not null and device_hash = sha256(convert_to("
						+ "'demo:' || station_id || ':' || rating_day, 'UTF8'))")
				.query(String.class)
				.list();
			assertThat(comments).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith(DemoRatingHistory.LABEL));
			assertThat(jdbc
				.sql("select max(rating_day) from rating where device_hash = sha256(convert_to("
						+ "'demo:' || station_id || ':' || rating_day, 'UTF8'))")
				.query(LocalDate.class)
				.single()).isEqualTo(today.minusDays(1));
			// the roll-up the figures read saw the batch
			assertThat(jdbc.sql("select coalesce(sum(counted), 0) from rating_figures where district_code like '3301%'")
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(written);
		});
	}

}
