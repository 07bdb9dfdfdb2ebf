package org.yizhan.supervision;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.HeldRatings;
import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.rating.SignedIn;
import org.yizhan.station.Station;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yizhan.supervision.SilentFixtures.at;

/**
 * A silent station's case closes when a rating counts for it, without waiting for the
 * hourly check (which these tests never run after the case is opened): a counted rating
 * through the intake closes it, so does a held rating's release, and a held rating alone
 * does not. And the cost at ingest rate: a rating of a station without an open case puts
 * nothing into the outbox, one of a station with an open case exactly one row, however
 * many ratings follow.
 */
class SilentCaseResolutionTests extends IntakeTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	SilentStationCheck check;

	@Autowired
	SilentCaseRepository cases;

	@Autowired
	HeldRatings held;

	@Test
	void aCountedRatingThroughTheIntakeClosesTheOpenCaseAtOnceAndOnlyItsFirstGoesThroughTheOutbox() {
		Station silent = silentStation();
		assertThat(openCase(silent)).isTrue();

		assertThat(status(send(newAddress(), rating(token(silent), 5, newDevice())))).isEqualTo("COUNTED");

		await().atMost(PATIENCE).until(() -> !openCase(silent));
		List<ClosedCase> closed = closedCases(silent);
		assertThat(closed).hasSize(1);
		assertThat(closed.get(0).status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING.name());
		assertThat(closed.get(0).ratingDay()).isEqualTo(LocalDate.now(YizhanTime.ZONE));
		assertThat(audited(silent)).isOne();

		// a second rating that day, from another phone: the station has left the set
		assertThat(status(send(newAddress(), rating(token(silent), 4, newDevice())))).isEqualTo("COUNTED");
		assertThat(outboxRowsOf("SilentStationRated", silent)).isOne();
		assertThat(outboxRows("RatingSubmitted")).isZero();
	}

	@Test
	void aCountedRatingOfAStationWithoutAnOpenCasePutsNothingIntoTheOutbox() {
		Station rated = listedStation();

		assertThat(status(send(newAddress(), rating(token(rated), 5, newDevice())))).isEqualTo("COUNTED");

		assertThat(outboxRowsOf("SilentStationRated", rated)).isZero();
		assertThat(outboxRows("RatingSubmitted")).isZero();
	}

	@Test
	void aHeldRatingLeavesTheCaseOpenAndItsReleaseClosesIt() {
		Station silent = silentStation();
		long rating = heldRatingToday(silent);
		assertThat(openCase(silent)).isTrue();

		// the national admin's own account: a review records who made it
		SignedIn.as(jdbc, "admin");
		try {
			held.review(rating, HeldRatings.Verdict.RELEASE);
		}
		finally {
			SignedIn.out();
		}

		await().atMost(PATIENCE).until(() -> !openCase(silent));
		assertThat(closedCases(silent)).singleElement()
			.satisfies(done -> assertThat(done.status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING.name()));
		assertThat(audited(silent)).isOne();
	}

	/**
	 * A station of its own, listed since before January 2026 and judged silent for
	 * January to March; the clock is back at the real time afterwards.
	 */
	private Station silentStation() {
		clock.set(at("2025-12-15T10:00+08:00"));
		Station station = listedStation();
		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(YearMonth.parse("2026-03"));
		clock.reset();
		return station;
	}

	/** A rating of today held as suspect, as the intake stores one; its id. */
	private long heldRatingToday(Station station) {
		return jdbc.sql("""
				insert into rating (station_id, rating_day, created_at, stars, device_hash, status, hold_reasons)
				values (:station, :day, now(), 5, :device, 'HELD', '{STATION_BURST}')
				returning id
				""")
			.param("station", station.id().value())
			.param("day", LocalDate.now(YizhanTime.ZONE))
			.param("device", deviceHash())
			.query(Long.class)
			.single();
	}

	private static byte[] deviceHash() {
		byte[] hash = new byte[32];
		new SecureRandom().nextBytes(hash);
		return hash;
	}

	/** A closed case as stored. */
	private record ClosedCase(String status, LocalDate ratingDay) {
	}

	private boolean openCase(Station station) {
		return jdbc.sql("select count(*) from silent_station_case where station_id = :station and status = 'OPEN'")
			.param("station", station.id().value())
			.query(Long.class)
			.single() == 1;
	}

	private List<ClosedCase> closedCases(Station station) {
		return jdbc.sql("""
				select status, resolved_rating_day from silent_station_case
				where station_id = :station and status <> 'OPEN'
				""")
			.param("station", station.id().value())
			.query((rs, n) -> new ClosedCase(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.list();
	}

	private long audited(Station station) {
		return jdbc.sql("select count(*) from audit_entry where action = 'silent.resolve' and target_id = :code")
			.param("code", station.code().value())
			.query(Long.class)
			.single();
	}

	/** Outbox rows, completed or not, of events whose type ends so. */
	private long outboxRows(String eventType) {
		return jdbc.sql("select count(*) from event_publication where event_type like :type")
			.param("type", "%." + eventType)
			.query(Long.class)
			.single();
	}

	/** Outbox rows of events whose type ends so, about the station. */
	private long outboxRowsOf(String eventType, Station station) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type like :type and serialized_event ~ ('"stationId":(\\{"value":)?' || :station || '[},]')
				""")
			.param("type", "%." + eventType)
			.param("station", Long.toString(station.id().value()))
			.query(Long.class)
			.single();
	}

}
