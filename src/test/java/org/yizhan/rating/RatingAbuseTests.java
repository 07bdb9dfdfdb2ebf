package org.yizhan.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse defence of issue 5 (QUALITY.md: "50 devices behind one IP; one device 100
 * ratings → per-device limits hold; suspected ratings held out of scores, not deleted"):
 * the rate limits, and each anomaly rule holding the rating that trips it, counted from
 * the rows committed before it and the ratings before it in its batch.
 */
class RatingAbuseTests extends IntakeTestSupport {

	@Test
	void oneDeviceSendingAHundredRatingsGetsItsBurstThroughAndIsToldToWaitForTheRest() {
		String device = newDevice();
		String address = newAddress();
		List<Station> stations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			stations.add(listedStation());
		}
		int answered = 0;
		int refused = 0;
		String retryAfter = null;
		for (int i = 0; i < 100; i++) {
			MvcResult result = send(address, rating(token(stations.get(i % 4)), 1 + i % 5, device));
			int code = result.getResponse().getStatus();
			if (code == 201 || code == 200) {
				answered++;
			}
			else {
				assertThat(code).isEqualTo(429);
				assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
				retryAfter = result.getResponse().getHeader("Retry-After");
				refused++;
			}
		}

		assertThat(answered).isEqualTo(DEVICE_BURST);
		assertThat(refused).isEqualTo(100 - DEVICE_BURST);
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 600L);
		long rows = stations.stream().mapToLong(station -> stored(station).size()).sum();
		assertThat(rows).as("one rating per device, station and day").isEqualTo(4);
	}

	@Test
	void fiftyDevicesBehindOneCarrierAddressAllGetThrough() {
		String carrier = newAddress();
		List<Station> stations = List.of(listedStation(), listedStation(), listedStation(), listedStation(),
				listedStation());
		for (int i = 0; i < 50; i++) {
			MvcResult result = send(carrier, rating(token(stations.get(i % 5)), 3 + i % 2, newDevice()));
			assertThat(result.getResponse().getStatus()).as("device %d", i).isEqualTo(201);
			assertThat(status(result)).isEqualTo("COUNTED");
		}
		assertThat(stations.stream().mapToLong(station -> stored(station).size()).sum()).isEqualTo(50);
	}

	@Test
	void anAddressFarPastItsLooseLimitIsToldToWaitWhileAnotherIsServed() {
		String flooding = newAddress();
		Station station = listedStation();
		int refused = 0;
		for (int i = 0; i < 400 && refused == 0; i++) {
			// not even a valid rating: the address limit comes first
			if (send(flooding, Map.of("stars", 9)).getResponse().getStatus() == 429) {
				refused++;
			}
		}
		assertThat(refused).as("refused within 400 requests").isEqualTo(1);
		assertThat(send(newAddress(), rating(token(station), 4, newDevice())).getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void aBurstOnOneStationIsHeldFromTheRatingPastTheBarAndKeptOutOfTheCountedFigures() {
		Station station = listedStation();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 33; i++) {
			statuses.add(status(send(newAddress(), rating(token(station), 3 + i % 2, newDevice()))));
		}

		assertThat(statuses.subList(0, 30)).containsOnly("COUNTED");
		assertThat(statuses.subList(30, 33)).containsOnly("HELD");
		assertThat(stored(station)).hasSize(33)
			.filteredOn(row -> "HELD".equals(row.get("status")))
			.extracting(row -> row.get("hold_reasons"))
			.containsOnly("{STATION_BURST}");
		// the figures slice's sums: counted ratings only, the held ones kept but out
		Map<String, Object> figures = jdbc.sql("""
				select count(*) as n, sum(stars) as stars from rating
				where station_id = :station and status = 'COUNTED' and rating_day = :day
				""")
			.param("station", station.id().value())
			.param("day", LocalDate.now(YizhanTime.ZONE))
			.query()
			.singleRow();
		assertThat(figures).containsEntry("n", 30L);
		assertThat(((Number) figures.get("stars")).longValue()).isEqualTo(15 * 3 + 15 * 4);
	}

	@Test
	void oneDeviceRatingMoreStationsInADayThanAWorkerPassesIsHeld() {
		String device = newDevice();
		String address = newAddress();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			statuses.add(status(send(address, rating(token(listedStation()), 4, device))));
		}
		assertThat(statuses).containsExactly("COUNTED", "COUNTED", "COUNTED", "COUNTED", "COUNTED", "HELD", "HELD");
	}

	@Test
	void aSuddenRunOfOneStarRatingsIsHeldFromTheTenth() {
		Station station = listedStation();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			statuses.add(status(send(newAddress(), rating(token(station), 1, newDevice()))));
		}
		assertThat(statuses.subList(0, 9)).containsOnly("COUNTED");
		assertThat(statuses.subList(9, 11)).containsOnly("HELD");
		assertThat(stored(station).get(10)).containsEntry("hold_reasons", "{STAR_SPIKE}");
	}

	@Test
	void aStationThatUsuallyGetsManyFiveStarRatingsIsJudgedAgainstItsOwnHistory() {
		Station station = listedStation();
		// 28 days of 60 counted 5★ ratings a day: 70 in an hour is usual, 5 × that a
		// spike
		jdbc.sql(
				"""
						insert into rating (station_id, rating_day, created_at, stars, device_hash, status)
						select :station, d::date, d + interval '12 hours', 5, decode(md5(cast(:station as text) || '-' || d::text || '-' || n::text), 'hex'),
						       'COUNTED'
						from generate_series(current_date - 28, current_date - 1, interval '1 day') as d,
						     generate_series(1, 60) as n
						""")
			.param("station", station.id().value())
			.update();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			statuses.add(status(send(newAddress(), rating(token(station), 5, newDevice()))));
		}
		assertThat(statuses).as("usual: 60 a day, 2.5 an hour; the bar is 5 × 2.5 + 1 = 13").containsOnly("COUNTED");
	}

	@Test
	void oneBrowserBehindManyDeviceIdsOnOneStationIsHeldFromTheFourthDevice() {
		Station station = listedStation();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Map<String, Object> body = rating(token(station), 5 - i % 2, newDevice());
			body.put("fingerprint", "feedfacecafebeef00112233");
			statuses.add(status(send(newAddress(), body)));
		}
		assertThat(statuses).containsExactly("COUNTED", "COUNTED", "COUNTED", "HELD", "HELD");
		assertThat(stored(station).get(3)).containsEntry("hold_reasons", "{FINGERPRINT_REPEAT}");
	}

	@Test
	void heldRatingsAreKeptWithTheirReasonsNotDeleted() {
		Station station = listedStation();
		Map<String, Object> far = rating(token(station), 1, newDevice());
		far.put("location", Map.of("lat", 30.0, "lon", 120.0));

		assertThat(status(send(newAddress(), far))).isEqualTo("HELD");

		assertThat(stored(station)).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("status", "HELD")
				.containsEntry("hold_reasons", "{FAR_AWAY}")
				.containsEntry("stars", 1));
	}

	@Test
	void aBurstStaysHeldWhileItsRatingsAreInTheWindowAndCountsAgainOnceTheyHaveLeftIt() {
		// The rules remember, per station, until when a flood is proven to last (half its
		// window after they last counted it): a remembered flood must end exactly when
		// the
		// ratings that proved it leave the 10-minute window.
		Instant start = ZonedDateTime.of(2027, 3, 10, 10, 0, 0, 0, YizhanTime.ZONE).toInstant();
		Station station = listedStation();
		clock.set(start);
		for (int i = 0; i < 30; i++) {
			assertThat(status(send(newAddress(), rating(token(station), 3, newDevice())))).isEqualTo("COUNTED");
		}
		clock.set(start.plusSeconds(1));
		assertThat(status(send(newAddress(), rating(token(station), 3, newDevice())))).isEqualTo("HELD");
		clock.set(start.plus(Duration.ofMinutes(4)));
		assertThat(status(send(newAddress(), rating(token(station), 3, newDevice())))).isEqualTo("HELD");
		clock.set(start.plus(Duration.ofMinutes(9)).plusSeconds(59));
		assertThat(status(send(newAddress(), rating(token(station), 3, newDevice())))).isEqualTo("HELD");
		// the 30 of 10:00:00 have left: three in the window
		clock.set(start.plus(Duration.ofMinutes(10)).plusMillis(500));
		assertThat(status(send(newAddress(), rating(token(station), 3, newDevice())))).isEqualTo("COUNTED");
	}

	@Test
	void aRunOfOneStarRatingsStaysHeldForItsHourAndNoLonger() {
		Instant start = ZonedDateTime.of(2027, 3, 11, 10, 0, 0, 0, YizhanTime.ZONE).toInstant();
		Station station = listedStation();
		clock.set(start);
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(status(send(newAddress(), rating(token(station), 1, newDevice()))));
		}
		clock.set(start.plusSeconds(1));
		for (int i = 0; i < 2; i++) {
			statuses.add(status(send(newAddress(), rating(token(station), 1, newDevice()))));
		}
		assertThat(statuses.subList(0, 9)).containsOnly("COUNTED");
		assertThat(statuses.subList(9, 12)).containsOnly("HELD");
		clock.set(start.plus(Duration.ofMinutes(59)));
		assertThat(status(send(newAddress(), rating(token(station), 1, newDevice())))).isEqualTo("HELD");
		// the ten of 10:00:00 have left: three in the hour
		clock.set(start.plus(Duration.ofHours(1)).plusMillis(500));
		assertThat(status(send(newAddress(), rating(token(station), 1, newDevice())))).isEqualTo("COUNTED");
	}

	@Test
	void aBurstJustBeforeMidnightHoldsTheFirstRatingsOfTheNextDay() {
		Instant late = ZonedDateTime.of(2027, 3, 12, 23, 58, 0, 0, YizhanTime.ZONE).toInstant();
		Station station = listedStation();
		clock.set(late);
		for (int i = 0; i < 30; i++) {
			assertThat(status(send(newAddress(), rating(token(station), 4, newDevice())))).isEqualTo("COUNTED");
		}
		clock.set(late.plus(Duration.ofMinutes(3)));
		assertThat(status(send(newAddress(), rating(token(station), 4, newDevice())))).isEqualTo("HELD");
		assertThat(stored(station).get(30)).containsEntry("hold_reasons", "{STATION_BURST}");
		assertThat(jdbc.sql("select max(rating_day) from rating where station_id = ?")
			.param(station.id().value())
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2027, 3, 13));
	}

}
