package org.yizhan.inspection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample is reproducible from its seed, stratified by district (each district its
 * share, rounded up, so a small district is never left out), independent of the order the
 * stations come in, and spread over the assignees in turn.
 */
class StationSampleTests {

	/** 3 districts: 1,000, 95 and 3 stations. */
	static final long[] IDS;

	static final String[] DISTRICTS;

	static {
		int n = 1000 + 95 + 3;
		IDS = new long[n];
		DISTRICTS = new String[n];
		for (int i = 0; i < n; i++) {
			IDS[i] = 10_000 + i * 7L;
			DISTRICTS[i] = i < 1000 ? "330106" : i < 1095 ? "330102" : "330127";
		}
	}

	@Test
	void theSameSeedDrawsTheSameStationsAndAnotherSeedOthers() {
		List<StationSample.Drawn> first = StationSample.draw(IDS, DISTRICTS, 10, 42L, new long[] { 1 });
		List<StationSample.Drawn> again = StationSample.draw(IDS, DISTRICTS, 10, 42L, new long[] { 1 });
		List<StationSample.Drawn> other = StationSample.draw(IDS, DISTRICTS, 10, 43L, new long[] { 1 });

		assertThat(again).isEqualTo(first);
		assertThat(ids(other)).isNotEqualTo(ids(first));
	}

	@Test
	void eachDistrictGetsItsShareRoundedUp() {
		Map<String, Long> perDistrict = StationSample.draw(IDS, DISTRICTS, 10, 7L, new long[] { 1 })
			.stream()
			.collect(Collectors.groupingBy(StationSample.Drawn::districtCode, Collectors.counting()));

		assertThat(perDistrict).containsExactlyInAnyOrderEntriesOf(Map.of("330106", 100L, "330102", 10L, "330127", 1L));
	}

	@Test
	void theOrderTheStationsComeInChangesNothing() {
		long[] reversedIds = new long[IDS.length];
		String[] reversedDistricts = new String[IDS.length];
		for (int i = 0; i < IDS.length; i++) {
			reversedIds[i] = IDS[IDS.length - 1 - i];
			reversedDistricts[i] = DISTRICTS[IDS.length - 1 - i];
		}

		assertThat(StationSample.draw(reversedIds, reversedDistricts, 25, 99L, new long[] { 5, 3 }))
			.isEqualTo(StationSample.draw(IDS, DISTRICTS, 25, 99L, new long[] { 3, 5 }));
	}

	@Test
	void aDistrictsSampleDoesNotDependOnTheOtherDistricts() {
		List<Long> withAll = StationSample.draw(IDS, DISTRICTS, 10, 5L, new long[] { 1 })
			.stream()
			.filter(d -> d.districtCode().equals("330102"))
			.map(StationSample.Drawn::stationId)
			.toList();
		long[] onlyIds = java.util.Arrays.copyOfRange(IDS, 1000, 1095);
		String[] onlyDistricts = java.util.Arrays.copyOfRange(DISTRICTS, 1000, 1095);

		assertThat(ids(StationSample.draw(onlyIds, onlyDistricts, 10, 5L, new long[] { 1 }))).isEqualTo(withAll);
	}

	@Test
	void everyStationIsTakenWithoutAShareAndTheWorkIsSpreadInTurn() {
		List<StationSample.Drawn> all = StationSample.draw(IDS, DISTRICTS, null, 1L, new long[] { 9, 8, 7 });

		assertThat(all).hasSize(IDS.length);
		Map<Long, Long> perAssignee = all.stream()
			.collect(Collectors.groupingBy(StationSample.Drawn::assigneeId, Collectors.counting()));
		assertThat(perAssignee).containsOnlyKeys(7L, 8L, 9L);
		assertThat(perAssignee.values()).allSatisfy(count -> assertThat(count).isBetween(365L, 367L));
	}

	@Test
	void noStationsDrawNothing() {
		assertThat(StationSample.draw(new long[0], new String[0], 10, 1L, new long[] { 1 })).isEmpty();
	}

	private static List<Long> ids(List<StationSample.Drawn> drawn) {
		return drawn.stream().map(StationSample.Drawn::stationId).toList();
	}

}
