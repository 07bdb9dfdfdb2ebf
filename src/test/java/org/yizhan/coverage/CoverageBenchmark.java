package org.yizhan.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Geometry;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.Crs;

/**
 * Times the coverage figures as a request computes them (disc counts on a built grid,
 * tallies per district, uncovered clusters; grid building reported apart, since grids are
 * kept between requests):
 * <ol>
 * <li>a city of 1,000 km² (a 31.6 km square at Hangzhou's latitude) at 100 m cells,
 * 100,000 cells, with 1,000 stations, on foot and by e-bike;</li>
 * <li>the national scale: 186,000 stations over the districts of the seven DataV cities
 * in {@code ../shared/data/boundaries_datav} (77,000 km², read from outside the
 * repository and skipped when absent) at 200 m cells, one grid per city, plus the
 * opening-hours filter of all 186,000 at one instant.</li>
 * </ol>
 * Stations are half spread uniformly over the area and half in clusters (σ 2 km) around
 * random centres, as real ones crowd in town centres; seeded, so runs are comparable. Run
 * by {@code bench/coverage.sh}.
 */
public final class CoverageBenchmark {

	static final String[] HOURS = { "24/7", "Mo-Su 07:00-22:00", "Mo-Fr 08:30-17:30", "Mo-Su 08:00-20:00; PH off",
			"Mo-Fr 08:30-17:00; PH off", "Mo-Su 06:00-22:00", "Mo-Su 22:00-06:00" };

	private CoverageBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
		city();
		national(data.resolve("boundaries_datav"));
	}

	private static void city() {
		double lat = 30.10;
		double lon = 120.00;
		Geometry square = CoverageMapTests.square(lat, lon, Math.sqrt(1000) * 1000);
		long started = System.nanoTime();
		AreaGrid grid = AreaGrid.of(List.of("330106"), List.of(square), 100);
		double buildMillis = (System.nanoTime() - started) / 1e6;
		double[][] stations = place(List.of(grid), new int[] { 1000 }, new SplittableRandom(1000));
		System.out.printf(Locale.ROOT, "city: %,d cells of 100 m (%.0f km²), %,d stations; grid built in %.1f ms%n",
				grid.cellCount(), grid.cellCount() * grid.cellAreaKm2(), stations[0].length, buildMillis);
		for (double radius : new double[] { 961.5, 2884.6 }) {
			double[] times = new double[30];
			CoverageMap.Tally total = null;
			int gaps = 0;
			for (int run = -10; run < times.length; run++) {
				long t = System.nanoTime();
				CoverageMap map = CoverageMap.count(grid, stations[0], stations[1], stations[0].length, radius);
				total = map.tally()[1];
				gaps += map.uncoveredClusters(CoverageReport.MAX_LISTED).size();
				if (run >= 0) {
					times[run] = (System.nanoTime() - t) / 1e6;
				}
			}
			Arrays.sort(times);
			System.out.printf(Locale.ROOT,
					"  radius %6.1f m: median %.1f ms, max %.1f ms (count + tally + clusters); covered once %.1f %%, twice %.1f %%, %d gaps listed%n",
					radius, times[times.length / 2], times[times.length - 1], 100.0 * total.cellsOnce / total.cells,
					100.0 * total.cellsTwice / total.cells, gaps / 40);
		}
	}

	private static void national(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			System.out.println("national: SKIPPED, no DataV boundaries in " + folder);
			return;
		}
		List<AreaGrid> grids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		long started = System.nanoTime();
		try (var files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				// a few DataV rings touch themselves: repaired here, refused on upload
				List<AreaShapes.AreaShape> shapes = AreaShapes.readRepairing(Files.readString(file), Crs.GCJ02,
						code -> code);
				grids.add(AreaGrid.of(shapes.stream().map(AreaShapes.AreaShape::orgCode).toList(),
						shapes.stream().map(AreaShapes.AreaShape::shape).toList(), 200));
				names.add(file.getFileName().toString());
			}
		}
		double buildMillis = (System.nanoTime() - started) / 1e6;
		long cells = grids.stream().mapToLong(AreaGrid::cellCount).sum();
		int[] counts = new int[grids.size()];
		int assigned = 0;
		for (int g = 0; g < grids.size(); g++) {
			counts[g] = (int) Math.round(186_000.0 * grids.get(g).cellCount() / cells);
			assigned += counts[g];
		}
		counts[0] += 186_000 - assigned;
		double[][] stations = place(grids, counts, new SplittableRandom(186_000));
		int n = stations[0].length;
		System.out.printf(Locale.ROOT,
				"national: %,d stations over %d cities, %,d cells of 200 m (%.0f km²); read, validated and rasterised the boundaries in %.0f ms%n",
				n, grids.size(), cells, cells * 0.04, buildMillis);
		OpeningSchedule[] schedules = new OpeningSchedule[n];
		OpeningSchedule[] compiled = Arrays.stream(HOURS)
			.map(OpeningSchedule::compileOrUnknown)
			.toArray(OpeningSchedule[]::new);
		SplittableRandom random = new SplittableRandom(7);
		for (int s = 0; s < n; s++) {
			schedules[s] = compiled[random.nextInt(compiled.length)];
		}
		ListedStations.Snapshot all = new ListedStations.Snapshot(n, stations[0], stations[1], new String[n],
				new String[n], schedules, Instant.EPOCH);
		HolidayCalendar calendar = HolidayCalendar.bundled();
		for (double radius : new double[] { 961.5, 2884.6 }) {
			double best = Double.POSITIVE_INFINITY;
			double openBest = Double.POSITIVE_INFINITY;
			long once = 0;
			long twice = 0;
			for (int run = 0; run < 4; run++) {
				long t = System.nanoTime();
				once = 0;
				twice = 0;
				for (AreaGrid grid : grids) {
					CoverageMap map = CoverageMap.count(grid, all.lats(), all.lons(), n, radius);
					CoverageMap.Tally total = map.tally()[grid.areas.size()];
					map.uncoveredClusters(CoverageReport.MAX_LISTED);
					once += total.cellsOnce;
					twice += total.cellsTwice;
				}
				best = Math.min(best, (System.nanoTime() - t) / 1e6);
				t = System.nanoTime();
				ListedStations.Snapshot open = all.openAt(Instant.parse("2026-11-25T14:00:00Z"), calendar);
				openBest = Math.min(openBest, (System.nanoTime() - t) / 1e6);
				if (run == 0) {
					System.out.printf(Locale.ROOT, "  open at 22:00 on a Wednesday: %,d of %,d%n", open.size(), n);
				}
			}
			System.out.printf(Locale.ROOT,
					"  radius %6.1f m: all cities %.0f ms (best of 4: count + tally + clusters, every station against every city's grid), hours filter %.0f ms; covered once %.1f %%, twice %.1f %%%n",
					radius, best, openBest, 100.0 * once / cells, 100.0 * twice / cells);
		}
	}

	/**
	 * Half uniformly over each grid's cells, half in clusters around random cells, as
	 * (lats, lons).
	 */
	private static double[][] place(List<AreaGrid> grids, int[] counts, SplittableRandom random) {
		int n = Arrays.stream(counts).sum();
		double[] lats = new double[n];
		double[] lons = new double[n];
		int s = 0;
		for (int g = 0; g < grids.size(); g++) {
			AreaGrid grid = grids.get(g);
			int[] centres = new int[Math.max(1, counts[g] / 50)];
			for (int c = 0; c < centres.length; c++) {
				centres[c] = random.nextInt(grid.cellCount());
			}
			for (int k = 0; k < counts[g]; k++, s++) {
				int cell;
				double x;
				double y;
				do {
					if (k % 2 == 0) {
						cell = random.nextInt(grid.cellCount());
						x = grid.centreX(grid.rasterOf[cell]) + (random.nextDouble() - 0.5) * grid.cellMeters;
						y = grid.centreY(grid.rasterOf[cell]) + (random.nextDouble() - 0.5) * grid.cellMeters;
					}
					else {
						int centre = grid.rasterOf[centres[random.nextInt(centres.length)]];
						x = grid.centreX(centre) + gaussian(random) * 2000;
						y = grid.centreY(centre) + gaussian(random) * 2000;
					}
				}
				while (grid.cellOf(grid.toGeo(x, y).lat(), grid.toGeo(x, y).lon()) < 0);
				lats[s] = grid.toGeo(x, y).lat();
				lons[s] = grid.toGeo(x, y).lon();
			}
		}
		return new double[][] { lats, lons };
	}

	private static double gaussian(SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

}
