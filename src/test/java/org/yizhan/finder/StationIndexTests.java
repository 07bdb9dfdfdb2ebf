package org.yizhan.finder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.GeoPoint;
import org.yizhan.geo.Haversine;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers exactly what a scan of every station would: same stations, same order
 * (distance, then id), on uniform and clustered data, with every filter.
 */
class StationIndexTests {

	static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

	static final List<OpeningSchedule> SCHEDULES = List
		.of("24/7", "Mo-Fr 08:30-17:30", "Mo-Su 22:00-06:00", "Mo-Su 08:00-20:00; PH off", "Sa,Su 10:00-16:00")
		.stream()
		.map(hours -> OpeningSchedule.compile(OpeningHours.parse(hours)))
		.toList();

	@ParameterizedTest(name = "{0} data")
	@ValueSource(strings = { "uniform", "clustered" })
	void answersExactlyWhatAScanOfEveryStationAnswers(String layout) {
		Random random = new Random(20261123L + layout.hashCode());
		List<IndexedStation> stations = layout.equals("uniform") ? uniform(random, 6000) : clustered(random, 6000);
		StationIndex index = new StationIndex();
		stations.forEach(index::put);

		for (int i = 0; i < 400; i++) {
			NearbyQuery query = randomQuery(random);
			assertThat(ids(index.nearby(query, CALENDAR))).as("query %s", query)
				.containsExactlyElementsOf(ids(bruteForce(stations, query)));
		}
	}

	@Test
	void queriesOfTheSameFewMinutesAnswerWhatAScanAnswersAtEachSecond() {
		// Open-now answers are memoised per minute and shared between queries: here
		// queries take turns between the last minute before offices close (Friday
		// 17:29), the minute they close (17:30), and a minute past midnight, at random
		// seconds.
		Random random = new Random(20261201L);
		List<IndexedStation> stations = clustered(random, 6000);
		StationIndex index = new StationIndex();
		stations.forEach(index::put);
		List<LocalDateTime> minutes = List.of(LocalDateTime.of(2026, 11, 27, 17, 29),
				LocalDateTime.of(2026, 11, 27, 17, 30), LocalDateTime.of(2026, 11, 28, 0, 1));

		for (int i = 0; i < 600; i++) {
			LocalDateTime at = minutes.get(random.nextInt(minutes.size()))
				.plusSeconds(random.nextInt(60))
				.plusNanos(random.nextInt(1_000_000_000));
			NearbyQuery shape = randomQuery(random);
			NearbyQuery query = new NearbyQuery(shape.origin(), shape.radiusMeters(), shape.limit(), shape.amenities(),
					shape.hostTypes(), at);
			assertThat(ids(index.nearby(query, CALENDAR))).as("query %s", query)
				.containsExactlyElementsOf(ids(bruteForce(stations, query)));
		}
	}

	@Test
	void aStationWithHoursNewToTheIndexIsJudgedByItsOwnHoursWithinTheSameMinute() {
		StationIndex index = new StationIndex();
		index.put(station(1, 30.25, 120.17, 0, HostType.BANK, SCHEDULES.get(1)));
		LocalDateTime fridayEvening = LocalDateTime.of(2026, 11, 27, 20, 15);
		NearbyQuery openNow = new NearbyQuery(GeoPoint.of(30.25, 120.17), 1000, 10, Set.of(), Set.of(), fridayEvening);
		assertThat(index.nearby(openNow, CALENDAR)).isEmpty();

		OpeningSchedule evenings = OpeningSchedule.compile(OpeningHours.parse("Mo-Su 20:00-23:00"));
		index.put(station(2, 30.2501, 120.1701, 0, HostType.BANK, evenings));

		assertThat(ids(index.nearby(openNow, CALENDAR))).containsExactly(2L);
	}

	@Test
	void equalDistancesComeOutInIdOrder() {
		StationIndex index = new StationIndex();
		for (long id : new long[] { 7, 3, 9, 1, 5 }) {
			index.put(station(id, 30.25, 120.17, 0, HostType.BANK, SCHEDULES.get(0)));
		}
		List<NearbyStation> found = index.nearby(query(GeoPoint.of(30.26, 120.17), 5000, 3), CALENDAR);
		assertThat(ids(found)).containsExactly(1L, 3L, 5L);
	}

	@Test
	void atTheKthPlaceAStationAtTheSameMetresButAHigherHaversineWinsByItsLowerId() {
		// Ranked by haversine alone, the k-th place would go to the lower haversine and
		// equal metres would come out in haversine order: the ring has 70 such
		// pairs, so every k from 1 to all of them meets some.
		Random random = new Random(20261202L);
		GeoPoint origin = GeoPoint.of(30.2741, 120.1551);
		List<IndexedStation> ring = ring(random, origin, 4000, 1000, 50);
		assertThat(pairsRankedOtherwiseByHaversine(ring, origin)).isGreaterThan(30);
		StationIndex index = new StationIndex();
		ring.forEach(index::put);

		for (int k = 1; k <= ring.size(); k++) {
			NearbyQuery query = query(origin, 5000, k);
			assertThat(ids(index.nearby(query, CALENDAR))).as("k = %d", k)
				.containsExactlyElementsOf(ids(bruteForce(ring, query)));
		}
	}

	@Test
	void aStationExactlyAtTheRadiusIsFoundAndOneJustBeyondItIsNot() {
		Random random = new Random(20261203L);
		GeoPoint origin = GeoPoint.of(30.2741, 120.1551);
		List<IndexedStation> ring = ring(random, origin, 4000, 1000, 50);
		StationIndex index = new StationIndex();
		ring.forEach(index::put);
		// The radius turned into a haversine by the formula (sin² of half the angle)
		// would leave some of them out.
		double diameter = 2 * 6_371_008.8;
		assertThat(ring).anySatisfy(station -> {
			double meters = distance(origin, station);
			assertThat(Haversine.from(origin.lat(), origin.lon()).to(station.lat(), station.lon()))
				.isGreaterThan(Math.pow(Math.sin(meters / diameter), 2));
		});

		for (IndexedStation station : ring.subList(0, 300)) {
			double meters = distance(origin, station);
			for (double radius : new double[] { meters, Math.nextDown(meters), Math.nextUp(meters) }) {
				NearbyQuery query = query(origin, radius, ring.size());
				List<NearbyStation> found = index.nearby(query, CALENDAR);
				assertThat(ids(found)).as("radius %s", radius).containsExactlyElementsOf(ids(bruteForce(ring, query)));
				assertThat(ids(found).contains(station.id())).as("radius %s", radius).isEqualTo(radius >= meters);
			}
		}
	}

	/**
	 * {@code count} stations {@code meters} from the origin in every direction, plus
	 * {@code duplicates} more on the positions of some of them, under shuffled ids: their
	 * distances differ only by the rounding of their coordinates, so many share the same
	 * metres with different haversines, and the duplicates share both.
	 */
	private static List<IndexedStation> ring(Random random, GeoPoint origin, double meters, int count, int duplicates) {
		List<Long> ids = new ArrayList<>();
		for (long id = 1; id <= count + duplicates; id++) {
			ids.add(id);
		}
		Collections.shuffle(ids, random);
		double angle = meters / 6_371_008.8;
		double phi = Math.toRadians(origin.lat());
		List<IndexedStation> stations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			double bearing = random.nextDouble() * 2 * Math.PI;
			double phi2 = Math
				.asin(Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing));
			double lambda = Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
					Math.cos(angle) - Math.sin(phi) * Math.sin(phi2));
			stations.add(station(ids.get(i), Math.toDegrees(phi2), origin.lon() + Math.toDegrees(lambda), 0,
					HostType.BANK, SCHEDULES.get(0)));
		}
		for (int i = 0; i < duplicates; i++) {
			IndexedStation twin = stations.get(random.nextInt(count));
			stations.add(station(ids.get(count + i), twin.lat(), twin.lon(), 0, HostType.BANK, SCHEDULES.get(0)));
		}
		return stations;
	}

	/** Pairs at the same metres whose haversines rank them against their ids. */
	private static int pairsRankedOtherwiseByHaversine(List<IndexedStation> stations, GeoPoint origin) {
		Haversine fromOrigin = Haversine.from(origin.lat(), origin.lon());
		int pairs = 0;
		for (IndexedStation a : stations) {
			for (IndexedStation b : stations) {
				double ha = fromOrigin.to(a.lat(), a.lon());
				double hb = fromOrigin.to(b.lat(), b.lon());
				if (ha < hb && Haversine.meters(ha) == Haversine.meters(hb) && a.id() > b.id()) {
					pairs++;
				}
			}
		}
		return pairs;
	}

	private static double distance(GeoPoint origin, IndexedStation station) {
		return GeoPoint.distanceMeters(origin.lat(), origin.lon(), station.lat(), station.lon());
	}

	@Test
	void aStationThatMovesIsFoundWhereItIsNowAndOnlyThere() {
		StationIndex index = new StationIndex();
		index.put(station(1, 30.25, 120.17, 0, HostType.BANK, SCHEDULES.get(0)));
		index.put(station(1, 30.40, 120.30, 0, HostType.BANK, SCHEDULES.get(0)));

		assertThat(index.nearby(query(GeoPoint.of(30.25, 120.17), 1000, 10), CALENDAR)).isEmpty();
		assertThat(ids(index.nearby(query(GeoPoint.of(30.40, 120.30), 1000, 10), CALENDAR))).containsExactly(1L);
		assertThat(index.size()).isEqualTo(1);
	}

	@Test
	void aRemovedStationIsNoLongerFound() {
		StationIndex index = new StationIndex();
		index.put(station(1, 30.25, 120.17, 0, HostType.BANK, SCHEDULES.get(0)));
		index.put(station(2, 30.2501, 120.1701, 0, HostType.BANK, SCHEDULES.get(0)));
		index.remove(1);

		assertThat(ids(index.nearby(query(GeoPoint.of(30.25, 120.17), 1000, 10), CALENDAR))).containsExactly(2L);
		index.remove(42);
		assertThat(index.size()).isEqualTo(1);
	}

	@Test
	void findsStationsAcrossCellEdgesAndFarNorth() {
		StationIndex index = new StationIndex();
		// Mohe, 53°N: east-west cells are 40% narrower than at the equator.
		index.put(station(1, 52.9721, 122.5386, 0, HostType.OTHER, SCHEDULES.get(0)));
		// Exactly on a cell corner, and one just across it.
		index.put(station(2, 30.00, 120.00, 0, HostType.OTHER, SCHEDULES.get(0)));
		index.put(station(3, 29.9999, 119.9999, 0, HostType.OTHER, SCHEDULES.get(0)));

		assertThat(ids(index.nearby(query(GeoPoint.of(52.9721, 122.5800), 5000, 10), CALENDAR))).containsExactly(1L);
		assertThat(ids(index.nearby(query(GeoPoint.of(29.99995, 119.99995), 100, 10), CALENDAR))).containsExactly(2L,
				3L);
	}

	@Test
	void theBoxHoldsExactlyTheStationsInsideIt() {
		Random random = new Random(7);
		List<IndexedStation> stations = uniform(random, 3000);
		StationIndex index = new StationIndex();
		stations.forEach(index::put);

		List<IndexedStation> inside = index.inBox(30.2, 120.1, 30.3, 120.25);
		assertThat(inside).extracting(IndexedStation::id)
			.containsExactlyInAnyOrderElementsOf(stations.stream()
				.filter(s -> s.lat() >= 30.2 && s.lat() <= 30.3 && s.lon() >= 120.1 && s.lon() <= 120.25)
				.map(IndexedStation::id)
				.toList());
		assertThat(index.inBox(0, 70, 60, 140)).hasSize(3000);
	}

	static List<NearbyStation> bruteForce(List<IndexedStation> stations, NearbyQuery query) {
		long mask = IndexedStation.bits(query.amenities());
		List<NearbyStation> matching = new ArrayList<>();
		for (IndexedStation station : stations) {
			double distance = GeoPoint.distanceMeters(query.origin().lat(), query.origin().lon(), station.lat(),
					station.lon());
			boolean open = query.openAt() == null
					|| station.schedule().statusAt(query.openAt(), CALENDAR) == OpenStatus.OPEN;
			if ((station.amenityBits() & mask) == mask
					&& (query.hostTypes().isEmpty() || query.hostTypes().contains(station.hostType()))
					&& distance <= query.radiusMeters() && open) {
				matching.add(new NearbyStation(station, distance));
			}
		}
		matching.sort(
				Comparator.comparingDouble(NearbyStation::distanceMeters).thenComparingLong(hit -> hit.station().id()));
		return matching.subList(0, Math.min(query.limit(), matching.size()));
	}

	private static NearbyQuery randomQuery(Random random) {
		GeoPoint origin = GeoPoint.of(30.0 + random.nextDouble() * 0.6, 119.9 + random.nextDouble() * 0.6);
		double radius = List.of(300.0, 1000.0, 5000.0, 20_000.0, 50_000.0).get(random.nextInt(5));
		int limit = List.of(1, 10, 10, 100).get(random.nextInt(4));
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		if (random.nextBoolean()) {
			amenities.add(Amenity.values()[random.nextInt(6)]);
		}
		Set<HostType> hostTypes = random.nextInt(4) == 0 ? Set.of(HostType.BANK, HostType.PUBLIC_TOILET) : Set.of();
		LocalDateTime at = random.nextBoolean() ? null
				: LocalDateTime.of(2025, 10, 1, 0, 0).plusMinutes(random.nextInt(60 * 24 * 20));
		return new NearbyQuery(origin, radius, limit, amenities, hostTypes, at);
	}

	private static NearbyQuery query(GeoPoint origin, double radius, int limit) {
		return new NearbyQuery(origin, radius, limit, Set.of(), Set.of(), null);
	}

	private static List<IndexedStation> uniform(Random random, int count) {
		List<IndexedStation> stations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			stations
				.add(randomStation(random, i + 1, 30.0 + random.nextDouble() * 0.6, 119.9 + random.nextDouble() * 0.6));
		}
		return stations;
	}

	/**
	 * Dense clusters (city centres) with stations on identical points, and a sparse
	 * fringe.
	 */
	private static List<IndexedStation> clustered(Random random, int count) {
		List<IndexedStation> stations = new ArrayList<>();
		double[][] centres = { { 30.27, 120.15 }, { 30.18, 120.27 }, { 30.42, 120.30 }, { 30.05, 119.95 } };
		for (int i = 0; i < count; i++) {
			double[] centre = centres[i % centres.length];
			double lat = i % 50 == 0 ? centre[0] : centre[0] + random.nextGaussian() * 0.01;
			double lon = i % 50 == 0 ? centre[1] : centre[1] + random.nextGaussian() * 0.01;
			stations.add(randomStation(random, i + 1, lat, lon));
		}
		return stations;
	}

	private static IndexedStation randomStation(Random random, long id, double lat, double lon) {
		long amenities = 0;
		for (int bit = 0; bit < 6; bit++) {
			if (random.nextInt(3) > 0) {
				amenities |= 1L << bit;
			}
		}
		HostType hostType = HostType.values()[random.nextInt(HostType.values().length)];
		return station(id, lat, lon, amenities, hostType, SCHEDULES.get(random.nextInt(SCHEDULES.size())));
	}

	static IndexedStation station(long id, double lat, double lon, long amenities, HostType hostType,
			OpeningSchedule schedule) {
		return new IndexedStation(id, 0, "330106-" + id, "驿站" + id, "杭州", lat, lon, amenities, hostType, "24/7",
				schedule, null, null, null, null);
	}

	private static List<Long> ids(List<NearbyStation> found) {
		return found.stream().map(hit -> hit.station().id()).toList();
	}

}
