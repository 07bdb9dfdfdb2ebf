package org.yizhan.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

class CrsPointTests {

	private static final GeoPoint TIANANMEN = GeoPoint.of(39.9087, 116.3975);

	@Test
	void aWgs84PointKeepsItsNumbersExactly() {
		CrsPoint point = CrsPoint.of(TIANANMEN, Crs.WGS84);

		assertThat(point).isEqualTo(new CrsPoint(39.9087, 116.3975, Crs.WGS84));
		assertThat(point.toWgs84()).isEqualTo(TIANANMEN);
	}

	@Test
	void aGcj02PointCarriesTheShiftedNumbers() {
		CrsPoint point = CrsPoint.of(TIANANMEN, Crs.GCJ02);

		assertThat(point.crs()).isEqualTo(Crs.GCJ02);
		assertThat(point.lat()).isCloseTo(39.910103, within(1e-6));
		assertThat(point.lon()).isCloseTo(116.403744, within(1e-6));
	}

	@Test
	void aBd09PointCarriesTheNumbersOfTheTransform() {
		double[] expected = CoordinateTransform.wgs84ToBd09(TIANANMEN.lat(), TIANANMEN.lon());

		CrsPoint point = CrsPoint.of(TIANANMEN, Crs.BD09);

		assertThat(point).isEqualTo(new CrsPoint(expected[0], expected[1], Crs.BD09));
	}

	@ParameterizedTest
	@EnumSource(Crs.class)
	void everySystemConvertsBackToTheStoredPointWithinHalfAMetre(Crs crs) {
		GeoPoint back = CrsPoint.of(TIANANMEN, crs).toWgs84();

		assertThat(back.distanceMeters(TIANANMEN)).isLessThan(0.5);
	}

	@Test
	void amapCoordinatesAreNotTakenAsWgs84() {
		// The same numbers read as GCJ-02 and as WGS-84 are hundreds of metres apart.
		GeoPoint fromAmap = new CrsPoint(39.9087, 116.3975, Crs.GCJ02).toWgs84();

		assertThat(fromAmap.distanceMeters(TIANANMEN)).isGreaterThan(100);
	}

	@Test
	void aBd09PointJustBeyondTheDateLineIsStillAccepted() {
		GeoPoint nearDateLine = GeoPoint.of(10, 179.999);

		CrsPoint bd09 = CrsPoint.of(nearDateLine, Crs.BD09);

		assertThat(bd09.lon()).isGreaterThan(180);
		assertThat(bd09.toWgs84().distanceMeters(nearDateLine)).isLessThan(0.5);
	}

	@Test
	void rangesAreEnforcedWhenConvertingToWgs84() {
		CrsPoint beyondThePole = new CrsPoint(95, 116, Crs.GCJ02);

		assertThatIllegalArgumentException().isThrownBy(beyondThePole::toWgs84).withMessageStartingWith("lat ");
	}

	@Test
	void inputThatConvertsOutOfRangeIsEmptyInsteadOfAFailure() {
		// found by the coverage fuzz test: Baidu's offset carries lon -180 past the
		// antimeridian, and the request answered 500
		assertThat(new CrsPoint(0, -180, Crs.BD09).toWgs84IfInRange()).isEmpty();
		assertThat(new CrsPoint(95, 116, Crs.GCJ02).toWgs84IfInRange()).isEmpty();
		assertThat(new CrsPoint(30.2741, 120.1551, Crs.BD09).toWgs84IfInRange()).isPresent();
	}

	@Test
	void rejectsAMissingSystem() {
		assertThatNullPointerException().isThrownBy(() -> new CrsPoint(39.9, 116.4, null)).withMessageContaining("crs");
	}

	@Test
	void rejectsNonFiniteNumbersNamingTheAxis() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CrsPoint(Double.NaN, 116.4, Crs.BD09))
			.withMessageStartingWith("lat ");
		assertThatIllegalArgumentException().isThrownBy(() -> new CrsPoint(39.9, Double.NEGATIVE_INFINITY, Crs.GCJ02))
			.withMessageStartingWith("lon ");
	}

}
