package org.yizhan.geo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CoordinateTransformTests {

	/** About 0.1 mm: published vectors are reproduced, not approximated. */
	private static final double SAME_DEGREES = 1e-9;

	private static final double HALF_A_METRE = 0.5;

	/*
	 * Vectors from googollee/eviltransform, go/transform_test.go (also in python/test.py
	 * and php/EvilTransformTest.php): wgsLat, wgsLon, gcjLat, gcjLon for Shanghai,
	 * Shenzhen and Beijing.
	 */
	@ParameterizedTest
	@CsvSource({ "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
			"22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
			"39.911954, 116.377817, 39.91334545536069, 116.38404722455657" })
	void wgsToGcjReproducesTheEviltransformVectors(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
		double[] gcj = CoordinateTransform.wgs84ToGcj02(wgsLat, wgsLon);

		assertThat(gcj[0]).isCloseTo(gcjLat, within(SAME_DEGREES));
		assertThat(gcj[1]).isCloseTo(gcjLon, within(SAME_DEGREES));
	}

	@ParameterizedTest
	@CsvSource({ "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
			"22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
			"39.911954, 116.377817, 39.91334545536069, 116.38404722455657" })
	void gcjToWgsInverseIsWithinHalfAMetre(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
		GeoPoint wgs = CoordinateTransform.gcj02ToWgs84(gcjLat, gcjLon);

		assertThat(wgs.distanceMeters(GeoPoint.of(wgsLat, wgsLon))).isLessThan(HALF_A_METRE);
	}

	/*
	 * Vectors from the README of wandergis/coordtransform, whose API is (lon, lat): input
	 * (116.404, 39.915) for each conversion.
	 */
	@Test
	void wgsToGcjReproducesTheCoordtransformVector() {
		double[] gcj = CoordinateTransform.wgs84ToGcj02(39.915, 116.404);

		assertThat(gcj[0]).isCloseTo(39.91640428150164, within(SAME_DEGREES));
		assertThat(gcj[1]).isCloseTo(116.41024449916938, within(SAME_DEGREES));
	}

	@Test
	void gcjToBdReproducesTheCoordtransformVector() {
		double[] bd = CoordinateTransform.gcj02ToBd09(39.915, 116.404);

		assertThat(bd[0]).isCloseTo(39.92133699351021, within(SAME_DEGREES));
		assertThat(bd[1]).isCloseTo(116.41036949371029, within(SAME_DEGREES));
	}

	@Test
	void bdToGcjReproducesTheCoordtransformVector() {
		double[] gcj = CoordinateTransform.bd09ToGcj02(39.915, 116.404);

		assertThat(gcj[0]).isCloseTo(39.90865673957631, within(SAME_DEGREES));
		assertThat(gcj[1]).isCloseTo(116.39762729119315, within(SAME_DEGREES));
	}

	@Test
	void tiananmenMovesAboutHalfAKilometreInGcj02() {
		// Computed with this implementation, which reproduces both suites above exactly.
		double[] gcj = CoordinateTransform.wgs84ToGcj02(39.9087, 116.3975);

		assertThat(gcj[0]).isCloseTo(39.91010349934476, within(SAME_DEGREES));
		assertThat(gcj[1]).isCloseTo(116.40374357265176, within(SAME_DEGREES));
		assertThat(GeoPoint.of(39.9087, 116.3975).distanceMeters(GeoPoint.of(gcj[0], gcj[1]))).isBetween(500.0, 600.0);
	}

	@Test
	void wgsToBdIsGcjThenBaidusOffset() {
		double[] gcj = CoordinateTransform.wgs84ToGcj02(39.9087, 116.3975);
		double[] expected = CoordinateTransform.gcj02ToBd09(gcj[0], gcj[1]);

		assertThat(CoordinateTransform.wgs84ToBd09(39.9087, 116.3975)).containsExactly(expected);
	}

	@Test
	void roundTripWgsGcjWgsStaysWithinHalfAMetreAcrossChina() {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (GeoPoint wgs : chinaGrid()) {
			double[] gcj = CoordinateTransform.wgs84ToGcj02(wgs.lat(), wgs.lon());
			// Guards against a round trip that passes only because nothing was shifted.
			double shift = wgs.distanceMeters(GeoPoint.of(gcj[0], gcj[1]));
			double error = CoordinateTransform.gcj02ToWgs84(gcj[0], gcj[1]).distanceMeters(wgs);
			if (shift < 10 || error >= HALF_A_METRE) {
				failures.add(wgs + " shift " + shift + " m, error " + error + " m");
			}
			checked++;
		}
		assertThat(checked).isGreaterThan(2000);
		assertThat(failures).isEmpty();
	}

	@Test
	void roundTripWgsBdWgsStaysWithinHalfAMetreAcrossChina() {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (GeoPoint wgs : chinaGrid()) {
			double[] bd = CoordinateTransform.wgs84ToBd09(wgs.lat(), wgs.lon());
			double shift = wgs.distanceMeters(GeoPoint.of(bd[0], bd[1]));
			double error = CoordinateTransform.bd09ToWgs84(bd[0], bd[1]).distanceMeters(wgs);
			if (shift < 10 || error >= HALF_A_METRE) {
				failures.add(wgs + " shift " + shift + " m, error " + error + " m");
			}
			checked++;
		}
		assertThat(checked).isGreaterThan(2000);
		assertThat(failures).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "35.6762, 139.6503, Tokyo", "51.5074, -0.1278, London", "0, 0, null island",
			"-33.8688, 151.2093, Sydney", "40.0, 72.0039, just west of the rectangle" })
	void pointsOutsideChinaAreNotShiftedEitherWay(double lat, double lon, String place) {
		assertThat(CoordinateTransform.wgs84ToGcj02(lat, lon)).as(place).containsExactly(lat, lon);
		assertThat(CoordinateTransform.gcj02ToWgs84(lat, lon)).as(place).isEqualTo(GeoPoint.of(lat, lon));
	}

	@Test
	void baidusOffsetIsAppliedOutsideChinaToo() {
		double[] bd = CoordinateTransform.wgs84ToBd09(51.5074, -0.1278);

		assertThat(bd[0] - 51.5074).isBetween(0.005, 0.007);
		assertThat(bd[1] - -0.1278).isBetween(0.005, 0.008);
		assertThat(CoordinateTransform.bd09ToWgs84(bd[0], bd[1]).distanceMeters(GeoPoint.of(51.5074, -0.1278)))
			.isLessThan(HALF_A_METRE);
	}

	@Test
	void gcjToWgsRejectsNonFiniteInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoordinateTransform.gcj02ToWgs84(Double.NaN, 116.4))
			.withMessageStartingWith("lat ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CoordinateTransform.bd09ToWgs84(39.9, Double.POSITIVE_INFINITY))
			.withMessageStartingWith("lon ");
	}

	/** Every whole degree of the mainland's extent that falls in the GCJ-02 area. */
	private static List<GeoPoint> chinaGrid() {
		List<GeoPoint> grid = new ArrayList<>();
		for (int lat = 18; lat <= 53; lat++) {
			for (int lon = 74; lon <= 134; lon++) {
				GeoPoint point = GeoPoint.of(lat, lon);
				if (point.isInChina()) {
					grid.add(point);
				}
			}
		}
		return grid;
	}

}
