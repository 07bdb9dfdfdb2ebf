package org.yizhan.coverage;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The coverage grid and its counts on hand-built areas, checked cell by cell against
 * brute force.
 */
class CoverageMapTests {

	/** 西湖区-ish: a 4 × 4 km square south-west of (30.25, 120.10), 100 m cells. */
	private static final double LAT = 30.25;

	private static final double LON = 120.10;

	@Test
	void everyCellCountsTheStationsWithinReachOfItsCentreAsBruteForceDoes() {
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 4000)), 100);
		SplittableRandom random = new SplittableRandom(6);
		int n = 40;
		double[] lats = new double[n];
		double[] lons = new double[n];
		for (int s = 0; s < n; s++) {
			// some outside the square, reaching in
			lats[s] = LAT - 0.01 + random.nextDouble() * 0.06;
			lons[s] = LON - 0.01 + random.nextDouble() * 0.06;
		}
		for (double radius : new double[] { 150, 961.5, 2884.6 }) {
			CoverageMap map = CoverageMap.count(grid, lats, lons, n, radius);
			int haversineDisagreements = 0;
			for (int c = 0; c < grid.cellCount(); c++) {
				int r = grid.rasterOf[c];
				int projected = 0;
				int haversine = 0;
				GeoPoint centre = grid.centreOf(c);
				for (int s = 0; s < n; s++) {
					double dx = grid.centreX(r) - grid.x(lons[s]);
					double dy = grid.centreY(r) - grid.y(lats[s]);
					if (dx * dx + dy * dy <= radius * radius) {
						projected++;
					}
					double d = GeoPoint.distanceMeters(centre.lat(), centre.lon(), lats[s], lons[s]);
					// outside a 0.5 % band around the radius the projection must agree
					if (d <= radius * 0.995) {
						haversine++;
					}
					else if (d <= radius * 1.005) {
						haversine += (dx * dx + dy * dy <= radius * radius) ? 1 : 0;
					}
				}
				assertThat(map.level(c)).as("cell %d at radius %s", c, radius).isEqualTo(Math.min(2, projected));
				haversineDisagreements += (Math.min(2, haversine) != map.level(c)) ? 1 : 0;
			}
			assertThat(haversineDisagreements).isZero();
		}
	}

	@Test
	void aSquareIsCutIntoItsCellsAndAHoleStaysEmpty() {
		Polygon outer = square(LAT, LON, 2000);
		Polygon hole = square(LAT + 0.0045, LON + 0.0052, 500);
		Geometry withHole = AreaShapes.GEOMETRY.createPolygon(outer.getExteriorRing().getCoordinates())
			.difference(hole);
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(withHole), 100);

		// 20 × 20 cells of 100 m, less the 5 × 5 of the hole, give or take an edge row
		assertThat(grid.cellCount()).isBetween(375 - 40, 375 + 40);
		assertThat(grid.cellOf(LAT + 0.0045 + 0.0022, LON + 0.0052 + 0.0026)).isEqualTo(-1);
		assertThat(grid.cellOf(LAT + 0.001, LON + 0.001)).isNotNegative();
		assertThat(grid.cellOf(LAT - 0.01, LON)).isEqualTo(-1);
		double demand = 0;
		for (double d : grid.demand) {
			demand += d;
		}
		assertThat(demand).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void twoDistrictsShareNoCellAndTheCityIsTheirSum() {
		AreaGrid grid = AreaGrid.of(List.of("330105", "330106"),
				List.of(square(LAT, LON, 2000), square(LAT, LON + 0.0208, 2000)), 100);
		CoverageMap map = CoverageMap.count(grid, new double[] { LAT + 0.009 }, new double[] { LON + 0.0208 }, 1, 1000);
		CoverageMap.Tally[] tally = map.tally();

		assertThat(tally[0].cells + tally[1].cells).isEqualTo(tally[2].cells).isEqualTo(grid.cellCount());
		assertThat(tally[0].cellsOnce + tally[1].cellsOnce).isEqualTo(tally[2].cellsOnce);
		// a station on the border reaches about half a disc into each
		assertThat(tally[0].cellsOnce).isBetween(130, 180);
		assertThat(tally[1].cellsOnce).isBetween(130, 180);
		assertThat(tally[2].cellsTwice).isZero();
	}

	@Test
	void crossCoverageCountsOnlyWhereTwoDiscsOverlap() {
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 4000)), 50);
		double[] lats = { LAT + 0.018, LAT + 0.018 };
		double[] lons = { LON + 0.0156, LON + 0.0260 };
		CoverageMap map = CoverageMap.count(grid, lats, lons, 2, 1000);
		CoverageMap.Tally city = map.tally()[1];

		// two discs of 1 km whose centres are 1 km apart: the lens is 39.1 % of a disc
		double disc = Math.PI * 1000 * 1000 / (50.0 * 50);
		assertThat(city.cellsTwice / disc).isCloseTo(0.391, within(0.02));
		assertThat(city.cellsOnce / disc).isCloseTo(2 - 0.391, within(0.02));
	}

	@Test
	void theGainOfASiteIsTheDemandItReachesBelowTheLevel() {
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 4000)), 100);
		double[] lats = { LAT + 0.018 };
		double[] lons = { LON + 0.0156 };
		CoverageMap map = CoverageMap.count(grid, lats, lons, 1, 800);
		double siteLat = LAT + 0.018;
		double siteLon = LON + 0.0208;

		double single = 0;
		double cross = 0;
		for (int c = 0; c < grid.cellCount(); c++) {
			int r = grid.rasterOf[c];
			double dx = grid.centreX(r) - grid.x(siteLon);
			double dy = grid.centreY(r) - grid.y(siteLat);
			if (dx * dx + dy * dy <= 800 * 800) {
				single += (map.level(c) == 0) ? grid.demand[c] : 0;
				cross += (map.level(c) < 2) ? grid.demand[c] : 0;
			}
		}
		assertThat(map.gain(siteLat, siteLon, CoverageObjective.SINGLE)).isCloseTo(single, within(1e-12));
		assertThat(map.gain(siteLat, siteLon, CoverageObjective.DOUBLE)).isCloseTo(cross, within(1e-12));
		assertThat(cross).isGreaterThan(single);
	}

	@Test
	void uncoveredCellsFormClustersByConnectedSides() {
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 3000)), 100);
		// a north-south band of stations splits the square into a west and an east gap
		double[] lats = new double[7];
		double[] lons = new double[7];
		for (int s = 0; s < 7; s++) {
			lats[s] = LAT + s * 0.0045;
			lons[s] = LON + 0.0104;
		}
		CoverageMap map = CoverageMap.count(grid, lats, lons, 7, 600);
		List<CoverageMap.Cluster> gaps = map.uncoveredClusters(10);

		assertThat(gaps).hasSize(2);
		int uncovered = 0;
		for (int c = 0; c < grid.cellCount(); c++) {
			uncovered += (map.level(c) == 0) ? 1 : 0;
		}
		assertThat(gaps.get(0).cells() + gaps.get(1).cells()).isEqualTo(uncovered);
		assertThat(gaps.get(0).demand()).isGreaterThanOrEqualTo(gaps.get(1).demand());
		assertThat(List.of(gaps.get(0).centroid().lon(), gaps.get(1).centroid().lon()))
			.anySatisfy(lon -> assertThat(lon).isLessThan(LON + 0.0104))
			.anySatisfy(lon -> assertThat(lon).isGreaterThan(LON + 0.0104));
	}

	@Test
	void demandPointsShiftTheWeightByTheDocumentedFormula() {
		AreaGrid uniform = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 1000)), 100);
		AreaGrid mixed = uniform.withPoints(new double[] { LAT + 0.0005, 31.5 }, new double[] { LON + 0.0005, 121.0 },
				new double[] { 4, 100 }, 0.5);
		int cell = uniform.cellOf(LAT + 0.0005, LON + 0.0005);
		int n = uniform.cellCount();

		// the point outside the area does not count
		assertThat(mixed.pointWeight).isEqualTo(4);
		assertThat(mixed.demand[cell]).isCloseTo(0.5 / n + 0.5, within(1e-12));
		assertThat(mixed.demand[(cell + 1) % n]).isCloseTo(0.5 / n, within(1e-12));
	}

	@Test
	void atTenAtNightAStationThatClosesAtEightDropsOut() {
		ListedStations.Snapshot stations = new ListedStations.Snapshot(2, new double[] { LAT + 0.009, LAT + 0.009 },
				new double[] { LON + 0.0052, LON + 0.0156 }, new String[] { "330106-0001", "330106-0002" },
				new String[] { "白天站", "全天站" },
				new OpeningSchedule[] { OpeningSchedule.compileOrUnknown("Mo-Su 08:00-20:00"),
						OpeningSchedule.compileOrUnknown("24/7") },
				Instant.EPOCH);
		HolidayCalendar calendar = HolidayCalendar.bundled();
		ListedStations.Snapshot night = stations.openAt(Instant.parse("2026-11-25T14:00:00Z"), calendar);
		ListedStations.Snapshot day = stations.openAt(Instant.parse("2026-11-25T02:00:00Z"), calendar);

		assertThat(night.size()).isEqualTo(1);
		assertThat(night.codes()[0]).isEqualTo("330106-0002");
		assertThat(day.size()).isEqualTo(2);
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square(LAT, LON, 2000)), 100);
		CoverageMap.Tally atNight = CoverageMap.count(grid, night.lats(), night.lons(), night.size(), 500).tally()[1];
		CoverageMap.Tally atDay = CoverageMap.count(grid, day.lats(), day.lons(), day.size(), 500).tally()[1];
		assertThat(atNight.cellsOnce).isLessThan(atDay.cellsOnce);
		assertThat(atNight.cellsOnce * 2).isCloseTo(atDay.cellsOnce, within(4));
	}

	/**
	 * A square of the given side, in metres, with its south-west corner at (lat, lon).
	 */
	static Polygon square(double lat, double lon, double side) {
		double dLat = side / AreaGrid.METERS_PER_DEGREE;
		double dLon = dLat / Math.cos(Math.toRadians(lat + dLat / 2));
		return AreaShapes.GEOMETRY.createPolygon(new Coordinate[] { new Coordinate(lon, lat),
				new Coordinate(lon + dLon, lat), new Coordinate(lon + dLon, lat + dLat),
				new Coordinate(lon, lat + dLat), new Coordinate(lon, lat) });
	}

}
