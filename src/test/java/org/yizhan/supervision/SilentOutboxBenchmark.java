package org.yizhan.supervision;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What closing silent cases from ratings costs the intake (docs/benchmarks.md): batches
 * of 32 ratings stored and announced in one transaction each, as the intake's writer
 * does, first as built (each {@link RatingSubmitted} looked up in the in-memory set; the
 * station has no open case), then as a module listener on every rating would cost: one
 * outbox row per rating, written in the batch's transaction, handled and completed
 * afterwards. Not part of the build: {@code bench/silent-outbox.sh}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.silent", matches = "true")
class SilentOutboxBenchmark {

	static final int BATCH = 32;

	static final int BATCHES = Integer.getInteger("yizhan.bench.silent.batches", 300);

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	StationRegistry registry;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOutboxRowPerRatingAgainstTheInMemorySet() {
		System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		ActingAsNationalAdmin.signIn();
		Station station = registry.list(registry
			.create(new StationInput("外发箱基准驿站", "基准路 1 号", "330127", "基准单位", "OTHER", 29.6, 118.4, "wgs84", null, null,
					List.of(), "24/7", null, null, false, null, null, null, null))
			.id(), null);
		// warm-up of both paths, not counted
		run(station, 20, false);
		run(station, 20, true);
		drain();
		for (int round = 0; round < 2; round++) {
			long setNanos = run(station, BATCHES, false);
			long outboxNanos = run(station, BATCHES, true);
			long drainStarted = System.nanoTime();
			drain();
			long drainNanos = System.nanoTime() - drainStarted;
			int ratings = BATCHES * BATCH;
			System.out.printf("round %d: %,d ratings in batches of %d; in-memory set %.3f ms per rating (%,.0f/s); "
					+ "outbox row per rating %.3f ms per rating (%,.0f/s) + %.3f ms per rating to complete the rows "
					+ "after the commits%n", round + 1, ratings, BATCH, setNanos / 1e6 / ratings,
					ratings / (setNanos / 1e9), outboxNanos / 1e6 / ratings, ratings / (outboxNanos / 1e9),
					drainNanos / 1e6 / ratings);
		}
	}

	/**
	 * Stores and announces {@code batches} batches; with {@code outbox}, also what a
	 * module listener on every rating would put through the outbox.
	 */
	private long run(Station station, int batches, boolean outbox) {
		LocalDate day = LocalDate.now(YizhanTime.ZONE);
		long started = System.nanoTime();
		for (int b = 0; b < batches; b++) {
			transaction.executeWithoutResult(status -> {
				List<Object[]> rows = new ArrayList<>();
				Instant now = Instant.now();
				for (int i = 0; i < BATCH; i++) {
					byte[] device = new byte[32];
					RANDOM.nextBytes(device);
					rows.add(new Object[] { station.id().value(), Date.valueOf(day), Timestamp.from(now), 5, device });
				}
				jdbcTemplate.batchUpdate("""
						insert into rating (station_id, rating_day, created_at, stars, device_hash, status)
						values (?, ?, ?, ?, ?, 'COUNTED')
						""", rows);
				for (int i = 0; i < BATCH; i++) {
					RatingSubmitted rating = new RatingSubmitted(i, day, station.id(), 5, Set.of(),
							RatingStatus.COUNTED, Set.of(), now);
					events.publishEvent(rating);
					if (outbox) {
						events.publishEvent(new SilentStationRated(rating.ratingId(), day, station.id()));
					}
				}
			});
		}
		return System.nanoTime() - started;
	}

	private void drain() {
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

}
