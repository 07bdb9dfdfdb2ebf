package org.yizhan.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeoPointTests {

	// Mean earth radius, so that expected distances below follow from geometry alone.
	private static final double R = 6_371_008.8;

	private static final GeoPoint BEIJING = GeoPoint.of(39.9042, 116.4074);

	private static final GeoPoint SHANGHAI = GeoPoint.of(31.2304, 121.4737);

	@Test
	void acceptsTheExtremesOfBothRanges() {
		assertThat(GeoPoint.of(90, 180)).isEqualTo(new GeoPoint(90, 180));
		assertThat(GeoPoint.of(-90, -180)).isEqualTo(new GeoPoint(-90, -180));
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
	void rejectsNonFiniteLatitudeNamingLat(double lat) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(lat, 116.4)).withMessageStartingWith("lat ");
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
	void rejectsNonFiniteLongitudeNamingLon(double lon) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(39.9, lon)).withMessageStartingWith("lon ");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 90.0001, -90.0001 })
	void rejectsLatitudeJustBeyondAPole(double lat) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(lat, 0))
			.withMessageStartingWith("lat ")
			.withMessageContaining(Double.toString(lat));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 180.0001, -180.0001 })
	void rejectsLongitudeJustBeyondTheDateLine(double lon) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(0, lon))
			.withMessageStartingWith("lon ")
			.withMessageContaining(Double.toString(lon));
	}

	@Test
	void ofLonLatTakesLongitudeFirst() {
		GeoPoint tiananmen = GeoPoint.ofLonLat(116.3975, 39.9087);

		assertThat(tiananmen.lat()).isEqualTo(39.9087);
		assertThat(tiananmen.lon()).isEqualTo(116.3975);
	}

	@Test
	void ofLonLatNamesTheAxisThatIsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.ofLonLat(39.9, 116.4))
			.withMessageStartingWith("lat ");
	}

	@Test
	void beijingToShanghaiIsAbout1067Kilometres() {
		assertThat(BEIJING.distanceMeters(SHANGHAI)).isCloseTo(1_067_000, within(1_000.0));
	}

	@Test
	void distanceIsTheSameInBothDirections() {
		assertThat(SHANGHAI.distanceMeters(BEIJING)).isEqualTo(BEIJING.distanceMeters(SHANGHAI));
	}

	@Test
	void distanceFromAPointToItselfIsZero() {
		assertThat(BEIJING.distanceMeters(GeoPoint.of(39.9042, 116.4074))).isZero();
	}

	@Test
	void oneDegreeAlongAMeridianIsPiRadiusOver180() {
		double oneDegree = Math.PI * R / 180; // 111,195.08 m

		assertThat(GeoPoint.of(30, 114).distanceMeters(GeoPoint.of(31, 114))).isCloseTo(oneDegree, within(0.01));
	}

	@Test
	void aFewMetresAreMeasuredToTheCentimetre() {
		// 0.0001 degree of latitude: the scale at which stations are told apart.
		assertThat(GeoPoint.of(39.9, 116.4).distanceMeters(GeoPoint.of(39.9001, 116.4)))
			.isCloseTo(Math.PI * R / 180 / 10_000, within(0.01));
	}

	@Test
	void distanceAcrossTheDateLineTakesTheShortWay() {
		assertThat(GeoPoint.of(0, 179.5).distanceMeters(GeoPoint.of(0, -179.5))).isCloseTo(Math.PI * R / 180,
				within(0.01));
	}

	@Test
	void antipodesAreHalfACircumferenceApart() {
		assertThat(GeoPoint.of(0, 0).distanceMeters(GeoPoint.of(0, 180))).isCloseTo(Math.PI * R, within(0.01));
		assertThat(GeoPoint.of(90, 0).distanceMeters(GeoPoint.of(-90, 0))).isCloseTo(Math.PI * R, within(0.01));
	}

	@Test
	void citiesAtTheFarCornersOfChinaAreInChina() {
		assertThat(BEIJING.isInChina()).isTrue();
		assertThat(GeoPoint.of(43.8256, 87.6168).isInChina()).as("Urumqi").isTrue();
		assertThat(GeoPoint.of(52.9726, 122.5386).isInChina()).as("Mohe").isTrue();
		assertThat(GeoPoint.of(18.2528, 109.5119).isInChina()).as("Sanya").isTrue();
		assertThat(GeoPoint.of(47.4799, 134.2356).isInChina()).as("Fuyuan").isTrue();
	}

	@Test
	void citiesOutsideTheRectangleAreNotInChina() {
		assertThat(GeoPoint.of(35.6762, 139.6503).isInChina()).as("Tokyo").isFalse();
		assertThat(GeoPoint.of(51.5074, -0.1278).isInChina()).as("London").isFalse();
		assertThat(GeoPoint.of(0, 0).isInChina()).as("0/0").isFalse();
	}

	@Test
	void theRectangleEdgesAreInclusive() {
		assertThat(GeoPoint.of(40, 72.004).isInChina()).isTrue();
		assertThat(GeoPoint.of(40, 72.0039).isInChina()).isFalse();
		assertThat(GeoPoint.of(55.8271, 120).isInChina()).isTrue();
		assertThat(GeoPoint.of(55.8272, 120).isInChina()).isFalse();
	}

	@Test
	void theRectangleAlsoCoversNeighboursSuchAsUlaanbaatar() {
		// The GCJ-02 rules are a rectangle, not a border; Amap shifts Mongolia too.
		assertThat(GeoPoint.of(47.9184, 106.9177).isInChina()).isTrue();
	}

}
