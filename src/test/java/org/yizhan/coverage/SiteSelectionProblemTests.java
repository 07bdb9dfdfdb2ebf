package org.yizhan.coverage;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SiteSelectionProblemTests {

	/** Hangzhou, West Lake, with one candidate and one demand point. */
	private static SiteSelectionProblem.Builder valid() {
		return SiteSelectionProblem.onSphere()
			.radiusMeters(1000)
			.p(1)
			.demand(30.2590, 120.1388, 5)
			.candidate("a", 30.2600, 120.1400);
	}

	private static void assertRejected(UnaryOperator<SiteSelectionProblem.Builder> change, String field) {
		assertThatExceptionOfType(InvalidSiteSelectionException.class).isThrownBy(() -> change.apply(valid()).build())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field))
			.withMessageStartingWith(field + " ");
	}

	@Test
	void aValidProblemBuilds() {
		SiteSelectionProblem problem = valid().build();

		assertThat(problem.demandCount()).isEqualTo(1);
		assertThat(problem.candidateIds()).containsExactly("a");
		assertThat(problem.metric()).isEqualTo(DistanceMetric.GREAT_CIRCLE);
	}

	@Test
	void pMustBeBetweenOneAndTheNumberOfCandidates() {
		assertRejected((b) -> b.p(0), "p");
		assertRejected((b) -> b.p(-3), "p");
		assertRejected((b) -> b.p(2), "p");
		assertThat(valid().candidate(30.27, 120.15).p(2).build().p()).isEqualTo(2);
	}

	@Test
	void radiusMustBePositiveFiniteAndAtMostOneHundredKilometres() {
		assertRejected((b) -> b.radiusMeters(0), "radiusMeters");
		assertRejected((b) -> b.radiusMeters(-5), "radiusMeters");
		assertRejected((b) -> b.radiusMeters(Double.NaN), "radiusMeters");
		assertRejected((b) -> b.radiusMeters(Double.POSITIVE_INFINITY), "radiusMeters");
		assertRejected((b) -> b.radiusMeters(100_001), "radiusMeters");
		assertThat(valid().radiusMeters(100_000).build().radiusMeters()).isEqualTo(100_000);
	}

	@Test
	void aMissingRadiusIsReported() {
		assertThatExceptionOfType(InvalidSiteSelectionException.class)
			.isThrownBy(() -> SiteSelectionProblem.onPlane().p(1).demand(0, 0, 1).candidate(0, 0).build())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("radiusMeters"));
	}

	@Test
	void weightsMustBeFiniteAndNotNegative() {
		assertRejected((b) -> b.demand(30.25, 120.14, -1), "demand[1].weight");
		assertRejected((b) -> b.demand(30.25, 120.14, Double.NaN), "demand[1].weight");
		assertRejected((b) -> b.demand(30.25, 120.14, Double.POSITIVE_INFINITY), "demand[1].weight");
		assertThat(valid().demand(30.25, 120.14, 0).build().demandCount()).isEqualTo(2);
	}

	@Test
	void coordinatesMustBeFiniteAndOnTheGlobe() {
		assertRejected((b) -> b.demand(Double.NaN, 120.14, 1), "demand[1].lat");
		assertRejected((b) -> b.demand(91, 120.14, 1), "demand[1].lat");
		assertRejected((b) -> b.candidate(30.25, 180.5), "candidates[1].lon");
		assertRejected((b) -> b.existing(30.25, Double.NEGATIVE_INFINITY), "existing[0].lon");
	}

	@Test
	void planarCoordinatesAreNamedXAndY() {
		assertThatExceptionOfType(InvalidSiteSelectionException.class)
			.isThrownBy(() -> SiteSelectionProblem.onPlane()
				.radiusMeters(10)
				.p(1)
				.demand(0, 0, 1)
				.candidate(0, Double.NaN)
				.build())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("candidates[0].y"));
	}

	@Test
	void demandMustNotBeEmptyNorLargerThanTheLimit() {
		assertThatExceptionOfType(InvalidSiteSelectionException.class)
			.isThrownBy(() -> SiteSelectionProblem.onPlane().radiusMeters(10).p(1).candidate(0, 0).build())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("demand"));

		SiteSelectionProblem.Builder tooMany = SiteSelectionProblem.onPlane().radiusMeters(10).p(1).candidate(0, 0);
		for (int i = 0; i <= SiteSelectionProblem.MAX_DEMAND_POINTS; i++) {
			tooMany.demand(i, 0, 1);
		}
		assertThatExceptionOfType(InvalidSiteSelectionException.class).isThrownBy(tooMany::build)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("demand"))
			.withMessageContaining("200000");
	}

	@Test
	void invalidInputIsAnIllegalArgument() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> valid().p(0).build());
	}

}
