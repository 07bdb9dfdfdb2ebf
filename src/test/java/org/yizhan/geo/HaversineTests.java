package org.yizhan.geo;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The haversine split of {@link GeoPoint#distanceMeters}: the same metres bit for bit,
 * and the properties a search ranking by haversine relies on, checked on the doubles
 * themselves.
 */
class HaversineTests {

	private static final double DIAMETER = 2 * 6_371_008.8;

	@Test
	void metresOfTheHaversineAreTheDistanceAsGeoPointComputedItBeforeTheSplit() {
		Random random = new Random(20261201L);
		for (int i = 0; i < 200_000; i++) {
			double lat1 = 18 + random.nextDouble() * 36;
			double lon1 = 73 + random.nextDouble() * 62;
			double spread = Math.pow(10, -6 + random.nextDouble() * 7);
			double lat2 = Math.max(-90, Math.min(90, lat1 + (random.nextDouble() - 0.5) * spread));
			double lon2 = lon1 + (random.nextDouble() - 0.5) * spread;

			double split = Haversine.meters(Haversine.from(lat1, lon1).to(lat2, lon2));

			assertThat(split).isEqualTo(formulaBeforeTheSplit(lat1, lon1, lat2, lon2));
			assertThat(GeoPoint.distanceMeters(lat1, lon1, lat2, lon2)).isEqualTo(split);
		}
	}

	/** GeoPoint.distanceMeters as written until 2026-12-01. */
	private static double formulaBeforeTheSplit(double lat1, double lon1, double lat2, double lon2) {
		double phi1 = Math.toRadians(lat1);
		double phi2 = Math.toRadians(lat2);
		double deltaPhi = phi2 - phi1;
		double deltaLambda = Math.toRadians(lon2 - lon1);
		double h = sin2(deltaPhi / 2) + Math.cos(phi1) * Math.cos(phi2) * sin2(deltaLambda / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.sqrt(Math.min(1, h)));
	}

	private static double sin2(double x) {
		double s = Math.sin(x);
		return s * s;
	}

	@Test
	void haversinesThatRoundToTheSameMetresLieWellWithinTheCeiling() {
		// Every haversine of a run that rounds to one metre value, from its lowest: the
		// ceiling of the lowest must cover the highest. Haversines from a millimetre to
		// the antipode, most of them at the few kilometres a search spans.
		Random random = new Random(46);
		double widest = 0;
		for (int i = 0; i < 100_000; i++) {
			double meters = i % 4 == 0 ? Math.pow(10, -3 + random.nextDouble() * 10.3) : random.nextDouble() * 50_000;
			double h = Math.pow(Math.sin(Math.min(meters, 2e7) / DIAMETER), 2);
			double d = Haversine.meters(h);
			double lowest = h;
			while (Haversine.meters(Math.nextDown(lowest)) == d && lowest > 0) {
				lowest = Math.nextDown(lowest);
			}
			double highest = h;
			while (highest < 1 && Haversine.meters(Math.nextUp(highest)) == d) {
				highest = Math.nextUp(highest);
			}
			assertThat(highest).as("same metres as %s", lowest)
				.isLessThanOrEqualTo(Haversine.sameMetersCeiling(lowest));
			if (lowest > Double.MIN_NORMAL && highest < 0.5) {
				widest = Math.max(widest, (highest - lowest) / lowest);
			}
		}
		// The stated bound (23 units of roundoff) holds with the five-fold margin intact.
		assertThat(widest).isGreaterThan(0).isLessThanOrEqualTo(23 * 0x1p-53);
	}

	@Test
	void aCeilingAboveAHaversineNeverSharesItsMetresWithAnythingHigher() {
		Random random = new Random(2);
		for (int i = 0; i < 200_000; i++) {
			double h = Math.pow(Math.sin(random.nextDouble() * 50_000 / DIAMETER), 2);
			double ceiling = Haversine.sameMetersCeiling(h);
			assertThat(Haversine.meters(Math.nextUp(ceiling))).isGreaterThan(Haversine.meters(h));
		}
	}

	@Test
	void nearTheAntipodeEveryHaversineMayShareTheMetres() {
		// Rounding may push a haversine past 1, where the arcsine's argument is capped.
		assertThat(Haversine.sameMetersCeiling(1 - 0x1p-50)).isInfinite();
		assertThat(Haversine.sameMetersCeiling(1)).isInfinite();
		assertThat(Haversine.sameMetersCeiling(0)).isEqualTo(Double.MIN_NORMAL);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 1e-9, 0.01, 1, 299.99999999999994, 300, 1000, 5000, 20_000, 50_000, 1e6, 2e7 })
	void theRadiusInHaversinesIsTheLastOneWithin(double radius) {
		double max = Haversine.maxWithin(radius);

		assertThat(Haversine.meters(max)).isLessThanOrEqualTo(radius);
		assertThat(Haversine.meters(Math.nextUp(max))).isGreaterThan(radius);
	}

	@Test
	void theRadiusInHaversinesIsExactForRandomRadii() {
		Random random = new Random(300);
		for (int i = 0; i < 2_000; i++) {
			double radius = random.nextDouble() * 50_000;
			double max = Haversine.maxWithin(radius);
			assertThat(Haversine.meters(max)).isLessThanOrEqualTo(radius);
			assertThat(Haversine.meters(Math.nextUp(max))).isGreaterThan(radius);
		}
	}

	@Test
	void aRadiusBeyondHalfTheCircumferenceHoldsEveryHaversine() {
		assertThat(Haversine.maxWithin(Math.PI * DIAMETER / 2)).isInfinite();
		assertThat(Haversine.maxWithin(1e9)).isInfinite();
	}

	@Test
	void aNegativeOrMissingRadiusIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Haversine.maxWithin(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> Haversine.maxWithin(Double.NaN));
	}

	@Test
	void theBoundWithoutArcsineIsNeverBelowTheMetresAndCloseToThem() {
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			double h = Math.pow(Math.sin(random.nextDouble() * 50_000 / DIAMETER), 2);
			double meters = Haversine.meters(h);
			assertThat(Haversine.metersAtMost(h)).isGreaterThanOrEqualTo(meters)
				.isLessThanOrEqualTo(meters * (1 + h) + 1e-9);
		}
		assertThat(Haversine.metersAtMost(1)).isInfinite();
		assertThat(Haversine.metersAtMost(Double.POSITIVE_INFINITY)).isInfinite();
	}

}
