package org.yizhan.station;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.GeoPoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every field of a station survives a save and a load, and a save over a newer version
 * fails.
 */
@SpringBootTest
class StationRepositoryTests {

	@Autowired
	StationRepository stations;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void everyFieldSurvivesASaveAndALoad() {
		StationDetails details = new StationDetails("满字段驿站", "杭州市西湖区文三路 1 号", "330106", "中国邮政", HostType.POST_OFFICE,
				GeoPoint.of(30.2795123, 120.1363456), new BigDecimal("36.5"), 12,
				java.util.EnumSet.of(Amenity.MICROWAVE, Amenity.EBIKE_CHARGING, Amenity.FIRST_AID_AED),
				OpeningHours.parse("Mo-Fr 08:00-18:00; PH off"),
				new SmartEntry(EntryMethod.FACE, OpeningHours.parse("Mo-Su 18:00-08:00")), true, "0571-87654321",
				"描述 <b>原样</b>", StationLevel.PROVINCIAL, 4);
		Station saved = transaction.execute(status -> {
			Station draft = Station.draft(StationCode.of("330106", stations.nextNumberIn("330106")), details,
					java.time.Instant.parse("2026-11-23T02:00:00Z"));
			draft.addPhoto(
					new StationPhoto(null, "ab/" + "ab".repeat(31), 640, 480,
							java.time.Instant.parse("2026-11-23T02:00:00Z")),
					java.time.Instant.parse("2026-11-23T02:00:00Z"));
			return stations.save(draft);
		});

		Station loaded = stations.findById(saved.id()).orElseThrow();

		assertThat(loaded.details()).isEqualTo(details);
		assertThat(loaded.code()).isEqualTo(saved.code());
		assertThat(loaded.status()).isEqualTo(StationStatus.DRAFT);
		assertThat(loaded.createdAt()).isEqualTo(java.time.Instant.parse("2026-11-23T02:00:00Z"));
		assertThat(loaded.photos()).singleElement().satisfies(photo -> {
			assertThat(photo.id()).isNotNull();
			assertThat(photo.width()).isEqualTo(640);
		});
		assertThat(stations.findVisibleByCode(saved.code().value(), StationScopes.national())).map(Station::id)
			.contains(saved.id());
	}

	@Test
	void aSaveOverANewerVersionIsAConflictAndChangesNothing() {
		StationId id = transaction.execute(status -> stations.save(Station.draft(
				StationCode.of("330102", stations.nextNumberIn("330102")),
				new StationDetails("版本驿站", "杭州市上城区", "330102", "某单位", HostType.OTHER, GeoPoint.of(30.25, 120.17), null,
						null, null, OpeningHours.parse("24/7"), null, false, null, null, StationLevel.NONE, 0),
				java.time.Instant.now()))
			.id());
		Station first = stations.findById(id).orElseThrow();
		Station second = stations.findById(id).orElseThrow();
		transaction.executeWithoutResult(status -> {
			first.list(java.time.Instant.now());
			stations.save(first);
		});

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			second.delist(DelistingReason.DUPLICATE, null, java.time.Instant.now());
			stations.save(second);
		})).isInstanceOf(OptimisticLockingFailureException.class);
		Station now = stations.findById(id).orElseThrow();
		assertThat(now.status()).isEqualTo(StationStatus.LISTED);
		assertThat(now.version()).isEqualTo(1);
	}

	@Test
	void codesAreCountedPerDistrict() {
		List<Integer> numbers = transaction.execute(status -> List.of(stations.nextNumberIn("330114"),
				stations.nextNumberIn("330114"), stations.nextNumberIn("330127")));
		assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
		assertThat(numbers.get(2)).isNotEqualTo(numbers.get(1) + 1);
	}

}
