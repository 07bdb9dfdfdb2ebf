package org.yizhan.coverage;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.yizhan.geo.CoordinateTransform;
import org.yizhan.geo.Crs;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Uploaded point layers: header or not, any coordinate system, and each mistake named by
 * row and column.
 */
class PointsCsvTests {

	@Test
	void readsRowsWithOrWithoutAHeaderAndConvertsToWgs84() {
		double[] gcj = CoordinateTransform.wgs84ToGcj02(30.25, 120.15);
		List<PointsCsv.Row> withHeader = PointsCsv.read("lat,lon,weight,name\n" + gcj[0] + "," + gcj[1] + ",2,骑手驿站\n",
				Crs.GCJ02, true);
		List<PointsCsv.Row> without = PointsCsv.read("30.25,120.15,2\n", Crs.WGS84, true);

		assertThat(withHeader).hasSize(1);
		assertThat(withHeader.get(0).location().lat()).isCloseTo(30.25, within(1e-6));
		assertThat(withHeader.get(0).location().lon()).isCloseTo(120.15, within(1e-6));
		assertThat(withHeader.get(0).name()).isEqualTo("骑手驿站");
		assertThat(without.get(0).weight()).isEqualTo(2);
		assertThat(without.get(0).name()).isNull();
	}

	@Test
	void namesEveryBadRowAndKeepsNone() {
		String csv = "lat,lon,weight\n30.25,120.15,1\n120.15,30.25,1\n48.85,2.35,1\n30.25,120.15,-1\n30.25\n";

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> PointsCsv.read(csv, Crs.WGS84, true))
			.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field, Violation::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("rows[2]", "coverage.swapped"),
						org.assertj.core.groups.Tuple.tuple("rows[3]", "validation.outsideChina"),
						org.assertj.core.groups.Tuple.tuple("rows[4].weight", "coverage.weight"),
						org.assertj.core.groups.Tuple.tuple("rows[5]", "coverage.csv.columns")));
	}

	@Test
	void refusesAnEmptyFileAndMoreThan200000Rows() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PointsCsv.read("lat,lon\n", Crs.WGS84, false))
			.satisfies(ex -> assertThat(ex.violations().get(0).code()).isEqualTo("coverage.csv.empty"));
		String tooMany = "30.25,120.15\n".repeat(PointsCsv.MAX_ROWS + 1);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PointsCsv.read(tooMany, Crs.WGS84, false))
			.satisfies(ex -> assertThat(ex.violations().get(0))
				.isEqualTo(Violation.of("csv", "coverage.tooMany", 200_000)));
	}

}
