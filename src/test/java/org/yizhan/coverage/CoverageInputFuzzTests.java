package org.yizhan.coverage;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.yizhan.geo.Crs;
import org.yizhan.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes what an analyst uploads to coverage: district boundaries as GeoJSON and demand
 * points as CSV, in any coordinate system. Either refused with
 * {@link InvalidInputException} (a 400 listing the mistakes, never more than its cap) or
 * read into shapes and points that are inside the world. Seed inputs run in every build;
 * {@code JAZZER_FUZZ=1} explores (docs/benchmarks.md, "Fuzzing").
 */
class CoverageInputFuzzTests {

	private static final Crs[] SYSTEMS = Crs.values();

	@FuzzTest(maxDuration = "60s")
	void anyGeoJsonIsRefusedOrRead(FuzzedDataProvider data) {
		Crs crs = data.pickValue(SYSTEMS);
		boolean repair = data.consumeBoolean();
		String json = data.consumeRemainingAsString();
		try {
			List<AreaShapes.AreaShape> shapes = repair ? AreaShapes.readRepairing(json, crs, code -> null)
					: AreaShapes.read(json, crs, "330106", code -> "西湖区");
			assertThat(shapes).allSatisfy(shape -> assertThat(shape.shape().isValid()).isTrue());
		}
		catch (InvalidInputException refused) {
			assertThat(refused.violations()).isNotEmpty().hasSizeLessThanOrEqualTo(21);
		}
	}

	@FuzzTest(maxDuration = "60s")
	void anyPointsCsvIsRefusedOrRead(FuzzedDataProvider data) {
		Crs crs = data.pickValue(SYSTEMS);
		boolean weighted = data.consumeBoolean();
		String csv = data.consumeRemainingAsString();
		try {
			List<PointsCsv.Row> rows = PointsCsv.read(csv, crs, weighted);
			assertThat(rows).allSatisfy(row -> {
				assertThat(row.location().lat()).isBetween(-90.0, 90.0);
				assertThat(row.location().lon()).isBetween(-180.0, 180.0);
				assertThat(row.weight()).isFinite().isNotNegative();
			});
		}
		catch (InvalidInputException refused) {
			assertThat(refused.violations()).isNotEmpty().hasSizeLessThanOrEqualTo(21);
		}
	}

}
