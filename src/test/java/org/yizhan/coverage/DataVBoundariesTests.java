package org.yizhan.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.geo.Crs;
import org.yizhan.platform.Csv;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real DataV district files (GCJ-02, not in the repository: read from
 * {@code ../shared/data}, skipped where absent) through the upload's validation, and the
 * demo's approximate Hangzhou areas measured against them.
 */
class DataVBoundariesTests {

	static final Path FOLDER = Path.of("../shared/data/boundaries_datav");

	static final Map<String, String> DIVISIONS = new HashMap<>();

	@BeforeAll
	static void divisions() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/divisions/areas.csv"))) {
			for (List<String> row : Csv.read(in)) {
				DIVISIONS.put(row.get(0), row.get(1));
			}
		}
	}

	@Test
	void hangzhouFromBefore2021IsRefusedForItsTwoAbolishedDistrictsOnly() throws IOException {
		String file = read("citys_330100.json");

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> AreaShapes.read(file, Crs.GCJ02, null, DIVISIONS::get))
			.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field, Violation::code)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("features[1].properties.adcode", "coverage.adcode.unknown"),
						org.assertj.core.groups.Tuple.tuple("features[2].properties.adcode",
								"coverage.adcode.unknown")));
	}

	@Test
	void beijingsOneSelfTouchingRingIsNamedAndARepairedReadingHasThePublishedArea() throws IOException {
		String file = read("province_110000.json");

		// the ring is in the file itself, not made by the GCJ-02 conversion: read as it
		// stands it is refused just the same
		for (Crs crs : new Crs[] { Crs.GCJ02, Crs.WGS84 }) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> AreaShapes.read(file, crs, null, DIVISIONS::get))
				.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field, Violation::code)
					.containsExactly(
							org.assertj.core.groups.Tuple.tuple("features[9].geometry", "coverage.polygon.invalid")));
		}
		List<AreaShapes.AreaShape> shapes = AreaShapes.readRepairing(file, Crs.GCJ02, DIVISIONS::get);
		assertThat(shapes).hasSize(16);
		double km2 = shapes.stream().mapToDouble(s -> AreaShapes.areaM2(s.shape())).sum() / 1e6;
		// Beijing: 16,410 km²
		assertThat(km2).isCloseTo(16_410, within(16_410 * 0.02));
	}

	/**
	 * Districts whose code survived the 2021 re-districting: how many of the approximate
	 * area's cells lie in the real district. Printed for docs/benchmarks.md.
	 */
	@Test
	void theDemoAreasMostlyLieInTheRealDistricts() throws IOException {
		List<AreaShapes.AreaShape> real = AreaShapes.readRepairing(read("citys_330100.json"), Crs.GCJ02, code -> code);
		Map<String, AreaShapes.AreaShape> realByCode = new HashMap<>();
		real.forEach(s -> realByCode.put(s.orgCode(), s));
		String derived;
		try (InputStream in = getClass().getResourceAsStream("/demo/hangzhou-district-areas.geojson")) {
			derived = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		long inside = 0;
		long cells = 0;
		for (AreaShapes.AreaShape shape : AreaShapes.read(derived, Crs.WGS84, null, DIVISIONS::get)) {
			AreaShapes.AreaShape truth = realByCode.get(shape.orgCode());
			if (truth == null || List.of("330102", "330105", "330109", "330110").contains(shape.orgCode())) {
				continue; // changed in 2021
			}
			AreaGrid approximate = AreaGrid.of(List.of(shape.orgCode()), List.of(shape.shape()), 200);
			AreaGrid official = AreaGrid.of(List.of(truth.orgCode()), List.of(truth.shape()), 200);
			int in = 0;
			for (int c = 0; c < approximate.cellCount(); c++) {
				var centre = approximate.centreOf(c);
				in += (official.cellOf(centre.lat(), centre.lon()) >= 0) ? 1 : 0;
			}
			System.out.printf("%s %s: %d of %d approximate cells in the real district (%.0f %%), real area %.0f km²%n",
					shape.orgCode(), shape.name(), in, approximate.cellCount(), 100.0 * in / approximate.cellCount(),
					AreaShapes.areaM2(truth.shape()) / 1e6);
			inside += in;
			cells += approximate.cellCount();
		}
		assertThat(cells).isPositive();
		assertThat((double) inside / cells).isGreaterThan(0.8);
	}

	private static String read(String name) throws IOException {
		assumeTrue(Files.isDirectory(FOLDER),
				"skipped: the DataV boundaries are not in " + FOLDER.toAbsolutePath().normalize());
		return Files.readString(FOLDER.resolve(name));
	}

}
