package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.yizhan.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageListsTests {

	@Test
	void gridFindsExactlyThePairsOfABruteForceScanOnThePlane() {
		Random random = new Random(11);
		SiteSelectionProblem.Builder builder = SiteSelectionProblem.onPlane().radiusMeters(350).p(1);
		for (int i = 0; i < 2000; i++) {
			builder.demand(random.nextInt(10_000), random.nextInt(10_000), 1);
		}
		for (int j = 0; j < 300; j++) {
			// integer positions put many pairs exactly on the radius
			builder.candidate(random.nextInt(10_000), random.nextInt(10_000));
		}
		assertMatchesBruteForce(builder.existing(5000, 5000).build());
	}

	@Test
	void gridFindsExactlyThePairsOfABruteForceScanOnTheSphere() {
		Random random = new Random(12);
		// around Hangzhou, about 30 km across
		SiteSelectionProblem.Builder builder = SiteSelectionProblem.onSphere().radiusMeters(1200).p(1);
		for (int i = 0; i < 2000; i++) {
			builder.demand(30.1 + random.nextDouble() * 0.3, 120.0 + random.nextDouble() * 0.3, 1);
		}
		for (int j = 0; j < 300; j++) {
			builder.candidate(30.1 + random.nextDouble() * 0.3, 120.0 + random.nextDouble() * 0.3);
		}
		assertMatchesBruteForce(builder.existing(30.25, 120.15).build());
	}

	@Test
	void coverageReachesAcrossTheDateLine() {
		// 0.001° of longitude at the equator is about 111 m
		SiteSelectionProblem problem = SiteSelectionProblem.onSphere()
			.radiusMeters(150)
			.p(1)
			.demand(0, -179.9995, 1)
			.demand(0, 179.9, 1)
			.candidate(0, 179.9995)
			.build();

		CoverageLists lists = CoverageLists.of(problem);

		assertThat(covered(lists, 0)).containsExactly(0);
	}

	@Test
	void coverageReachesAcrossThePole() {
		// two points 100 m from the north pole on opposite meridians are 200 m apart
		double lat = 90 - Math.toDegrees(100 / DistanceMetric.EARTH_RADIUS_METERS);
		SiteSelectionProblem problem = SiteSelectionProblem.onSphere()
			.radiusMeters(201)
			.p(1)
			.demand(lat, 0, 1)
			.demand(lat, 90, 1)
			.candidate(lat, 180)
			.build();

		CoverageLists lists = CoverageLists.of(problem);

		assertThat(covered(lists, 0)).containsExactly(0, 1);
	}

	@Test
	void aPointExactlyAtTheRadiusIsCovered() {
		double distance = GeoPoint.distanceMeters(30.2590, 120.1388, 30.2690, 120.1388);
		SiteSelectionProblem.Builder builder = SiteSelectionProblem.onSphere()
			.p(1)
			.demand(30.2690, 120.1388, 1)
			.candidate(30.2590, 120.1388);

		assertThat(covered(CoverageLists.of(builder.radiusMeters(distance).build()), 0)).containsExactly(0);
		assertThat(covered(CoverageLists.of(builder.radiusMeters(Math.nextDown(distance)).build()), 0)).isEmpty();
	}

	@Test
	void aCandidateFarOutsideTheDemandCoversNothing() {
		SiteSelectionProblem problem = SiteSelectionProblem.onPlane()
			.radiusMeters(100)
			.p(1)
			.demand(0, 0, 1)
			.demand(1e6, 1e6, 1)
			.candidate(-5e8, 5e8)
			.build();

		assertThat(covered(CoverageLists.of(problem), 0)).isEmpty();
	}

	private static List<Integer> covered(CoverageLists lists, int candidate) {
		List<Integer> covered = new ArrayList<>();
		for (int k = lists.candidateStart[candidate]; k < lists.candidateStart[candidate + 1]; k++) {
			covered.add(lists.demandOf[k]);
		}
		return covered;
	}

	private static void assertMatchesBruteForce(SiteSelectionProblem problem) {
		CoverageLists lists = CoverageLists.of(problem);
		DistanceMetric metric = problem.metric();
		double radius = problem.radiusMeters();
		int pairs = 0;
		for (int j = 0; j < problem.candidateCount(); j++) {
			List<Integer> expected = new ArrayList<>();
			for (int i = 0; i < problem.demandCount(); i++) {
				if (metric.distanceMeters(problem.candidateFirst(j), problem.candidateSecond(j), problem.demandFirst(i),
						problem.demandSecond(i)) <= radius) {
					expected.add(i);
				}
			}
			assertThat(covered(lists, j)).as("candidate %d", j).isEqualTo(expected);
			pairs += expected.size();
			for (int i : expected) {
				List<Integer> coveringI = new ArrayList<>();
				for (int c = lists.demandStart[i]; c < lists.demandStart[i + 1]; c++) {
					coveringI.add(lists.candidateOf[c]);
				}
				assertThat(coveringI).contains(j);
			}
		}
		assertThat(pairs).as("the instance must have pairs to compare").isGreaterThan(100);
		assertThat(lists.pairCount()).isEqualTo(pairs);
		for (int i = 0; i < problem.demandCount(); i++) {
			int expectedExisting = 0;
			for (int e = 0; e < problem.existingCount(); e++) {
				if (metric.distanceMeters(problem.existingFirst(e), problem.existingSecond(e), problem.demandFirst(i),
						problem.demandSecond(i)) <= radius) {
					expectedExisting++;
				}
			}
			assertThat(lists.existingCount[i]).isEqualTo(expectedExisting);
		}
	}

}
