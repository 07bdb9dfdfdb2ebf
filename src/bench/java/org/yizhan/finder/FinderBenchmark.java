package org.yizhan.finder;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Amenity;

/**
 * The nearby search (k = 10 nearest open-now stations with a toilet within 5 km) over the
 * 186k-station national set, side by side in one JVM on one thread: our {@link StationIndex},
 * Lucene (two ways), PostgreSQL + PostGIS KNN and a brute-force scan. Run by
 * {@code bench/finder.sh}; see {@code docs/benchmarks.md}.
 *
 * <p>
 * Arguments: {@code --data=DIR} (default {@code ../shared/data}), {@code --pg-url=JDBC-URL}
 * (PostGIS is skipped without it), {@code --stations=N}, {@code --origins=N},
 * {@code --rounds=N}, {@code --warmup-seconds=N}, {@code --slice-ms=N} (the least duration of a
 * throughput slice).
 */
public final class FinderBenchmark {

	static final int K = 10;

	static final double RADIUS = 5_000;

	static final Amenity AMENITY = Amenity.TOILET;

	private FinderBenchmark() {
	}

	interface Search {

		/** Runs query {@code i} and returns the number of stations found. */
		int run(int i) throws Exception;

	}

	interface Ids {

		long[] run(int i) throws Exception;

	}

	/**
	 * @param serverCpuNanos CPU time used so far by processes outside this JVM that work
	 * for the contender (PostgreSQL's server process), or {@code null}
	 */
	record Contender(String name, int batch, Search search, Ids ids, java.util.function.LongSupplier serverCpuNanos) {

		Contender(String name, int batch, Search search, Ids ids) {
			this(name, batch, search, ids, null);
		}

	}

	record Result(String name, double medianMicros, double p99Micros, double meanMicros, double throughput,
			long queries) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		Path data = Path.of(options.getOrDefault("data", "../shared/data"));
		if (!Files.isDirectory(data.resolve("boundaries_datav"))) {
			System.out.println("SKIPPED: the real data folder " + data.toAbsolutePath()
					+ " is absent (it is not part of the repository); nothing measured.");
			return;
		}
		int stationCount = Integer.parseInt(options.getOrDefault("stations", "186000"));
		int originCount = Integer.parseInt(options.getOrDefault("origins", "10000"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		if (rounds < 1) {
			// Every ratio the report prints is over the rounds: none would leave it nothing to say.
			throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
		}
		int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "5"));
		int sliceMillis = Integer.parseInt(options.getOrDefault("slice-ms", "300"));
		String pgUrl = options.get("pg-url");
		String loadBefore = loadAverage();

		HolidayCalendar calendar = HolidayCalendar.bundled();
		long started = System.nanoTime();
		BenchDataset dataset = BenchDataset.load(data, stationCount, originCount, calendar);
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		List<IndexedStation> stations = dataset.stations;
		int open = 0;
		int matching = 0;
		long mask = 1L << AMENITY.ordinal();
		for (int i = 0; i < stations.size(); i++) {
			open += dataset.openNow[i] ? 1 : 0;
			matching += dataset.openNow[i] && (stations.get(i).amenityBits() & mask) != 0 ? 1 : 0;
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "dataset: %,d stations (%,d candidates drawn, %.1f s to derive)%n",
				stations.size(), dataset.candidates, loadSeconds));
		out.append("  stations per city: ").append(dataset.stationsPerCity).append('\n');
		out.append("  real POIs inside each city's districts: ").append(dataset.ownSeedsPerCity).append('\n');
		out.append("  seed pool per city (own + borrowed Hangzhou pattern): ")
			.append(dataset.seedsPerCity)
			.append('\n');
		out.append(String.format(Locale.ROOT,
				"  mean length in characters: name %.1f, address %.1f, code %.1f; phone on %.0f%% (demo city: name 14.0, address 6.2)%n",
				stations.stream().mapToInt(s -> s.name().length()).average().orElse(0),
				stations.stream().mapToInt(s -> s.address().length()).average().orElse(0),
				stations.stream().mapToInt(s -> s.code().length()).average().orElse(0),
				100.0 * stations.stream().filter(s -> s.phone() != null).count() / stations.size()));
		out.append(String.format(Locale.ROOT, "  open at %s: %.1f%%; open with %s: %.1f%%%n", BenchDataset.INSTANT,
				100.0 * open / stations.size(), AMENITY, 100.0 * matching / stations.size()));
		Map<Long, Integer> cells = new HashMap<>();
		for (IndexedStation station : stations) {
			cells.merge(StationIndex.cellOf(station.lat(), station.lon()), 1, Integer::sum);
		}
		int[] occupancy = cells.values().stream().mapToInt(Integer::intValue).sorted().toArray();
		out.append(String.format(Locale.ROOT,
				"  stations per occupied %.3f° grid cell (%,d cells): median %d, p90 %d, p99 %d, max %d%n",
				StationIndex.CELL_DEGREES, occupancy.length, occupancy[occupancy.length / 2],
				occupancy[(int) (occupancy.length * 0.9)], occupancy[(int) (occupancy.length * 0.99)],
				occupancy[occupancy.length - 1]));
		System.out.print(out);

		// The index, built from fresh copies of the records, so that what it retains is its own.
		long heapBefore = usedHeapAfterGc();
		StationIndex index = new StationIndex();
		long buildStarted = System.nanoTime();
		for (IndexedStation s : stations) {
			index.put(new IndexedStation(s.id(), s.version(), copy(s.code()), copy(s.name()), copy(s.address()),
					s.lat(), s.lon(), s.amenityBits(), s.hostType(), s.openingHours(), s.schedule(), s.entryMethod(),
					s.entrySchedule(), copy(s.phone()), s.firstPhotoId()));
		}
		double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
		long heapAfter = usedHeapAfterGc();
		String jol = jolSize(index);
		String memory = String.format(Locale.ROOT,
				"index of %,d stations: %.1f MB retained heap (GC'd heap after - before building it, records and their strings included; the %d compiled schedules are shared); JOL graph size %s; built in %.2f s",
				index.size(), (heapAfter - heapBefore) / 1048576.0, BenchDataset.HOURS.length, jol, buildSeconds);
		System.out.println(memory);

		NearbyQuery[] queries = new NearbyQuery[originCount];
		for (int i = 0; i < originCount; i++) {
			queries[i] = new NearbyQuery(GeoPoint.of(dataset.originLat[i], dataset.originLon[i]), RADIUS, K,
					Set.of(AMENITY), Set.of(), BenchDataset.INSTANT);
		}
		IndexedStation[] all = stations.toArray(IndexedStation[]::new);
		double[] lats = dataset.originLat;
		double[] lons = dataset.originLon;

		List<Contender> contenders = new ArrayList<>();
		contenders.add(new Contender("yizhan StationIndex (grid)", originCount,
				i -> index.nearby(queries[i % originCount], calendar).size(),
				i -> ids(index.nearby(queries[i % originCount], calendar))));
		LuceneNearestContender lucene = new LuceneNearestContender(stations, dataset.openNow, calendar);
		contenders.add(new Contender("Lucene 9.12.3 nearest + post-filter", originCount,
				i -> lucene.nearest(lats[i % originCount], lons[i % originCount], mask, RADIUS, K,
						BenchDataset.INSTANT).length,
				i -> lucene.nearest(lats[i % originCount], lons[i % originCount], mask, RADIUS, K,
						BenchDataset.INSTANT)));
		contenders.add(new Contender("Lucene 9.12.3 filter query + distance sort", originCount / 2,
				i -> lucene.filteredSort(lats[i % originCount], lons[i % originCount], AMENITY, RADIUS, K).length,
				i -> lucene.filteredSort(lats[i % originCount], lons[i % originCount], AMENITY, RADIUS, K)));
		PostgisKnnContender postgis = null;
		String postgisNote;
		if (pgUrl == null || pgUrl.isBlank()) {
			postgisNote = "PostGIS SKIPPED: no --pg-url given (bench/finder.sh passes one when it could start PostgreSQL + PostGIS)";
		}
		else {
			try {
				long pgStarted = System.nanoTime();
				postgis = new PostgisKnnContender(pgUrl, stations, dataset.openNow);
				PostgisKnnContender pg = postgis;
				postgisNote = String.format(Locale.ROOT, "PostGIS: %s; loaded by COPY and indexed in %.1f s; plan of the KNN query:%n%s%nplan of the ST_DWithin query:%n%s",
						pg.version, (System.nanoTime() - pgStarted) / 1e9, pg.plan, pg.dwithinPlan);
				contenders.add(new Contender("PostgreSQL + PostGIS KNN (GiST)", 2_000,
						i -> pg.nearby(lats[i % originCount], lons[i % originCount], mask, RADIUS, K).length,
						i -> pg.nearby(lats[i % originCount], lons[i % originCount], mask, RADIUS, K),
						pg::backendCpuNanos));
				contenders.add(new Contender("PostgreSQL + PostGIS, ST_DWithin in the WHERE", 1_000,
						i -> pg.nearbyDwithin(lats[i % originCount], lons[i % originCount], mask, RADIUS, K).length,
						i -> pg.nearbyDwithin(lats[i % originCount], lons[i % originCount], mask, RADIUS, K),
						pg::backendCpuNanos));
			}
			catch (Exception ex) {
				postgisNote = "PostGIS SKIPPED: " + ex;
			}
		}
		System.out.println(postgisNote);
		contenders.add(new Contender("brute-force scan", 200,
				i -> bruteForce(all, queries[i % originCount], calendar).length,
				i -> bruteForce(all, queries[i % originCount], calendar)));

		// Correctness: every contender against our index on a sample of the queries.
		StringBuilder checks = new StringBuilder();
		Contender ours = contenders.get(0);
		int[] found = new int[K + 1];
		for (int i = 0; i < originCount; i++) {
			found[ours.ids().run(i).length]++;
		}
		checks.append(String.format(Locale.ROOT, "our results per query (0..10 stations): %s%n",
				Arrays.toString(found)));
		for (Contender contender : contenders.subList(1, contenders.size())) {
			int sample = contender.name().startsWith("Lucene") ? originCount : Math.min(originCount, 1_000);
			int mismatches = 0;
			int nearTies = 0;
			String example = null;
			for (int i = 0; i < sample; i++) {
				long[] expected = ours.ids().run(i);
				long[] actual = contender.ids().run(i);
				if (!Arrays.equals(expected, actual)) {
					mismatches++;
					if (sameUpToNearTies(expected, actual, index, queries[i])) {
						nearTies++;
					}
					else if (example == null) {
						example = "query " + i + ": ours " + Arrays.toString(expected) + " vs "
								+ Arrays.toString(actual);
					}
				}
			}
			checks.append(String.format(Locale.ROOT,
					"%s: %d of %d queries differ from ours (%d only in the order of stations within 1 cm of each other)%s%n",
					contender.name(), mismatches, sample, nearTies, example == null ? "" : "; first: " + example));
		}
		System.out.print(checks);

		// Warm-up, then rounds that take turns, so that noise hits every contender alike.
		for (Contender contender : contenders) {
			long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
			int i = 0;
			while (System.nanoTime() < until) {
				contender.search().run(i++);
			}
		}
		Map<String, List<long[]>> latencies = new LinkedHashMap<>();
		Map<String, List<Double>> throughputs = new LinkedHashMap<>();
		// Ours ÷ each other contender, one ratio per round from two throughput slices taken
		// back to back (ours just before the other), so that both meet the same load.
		Map<String, List<Double>> pairedRatios = new LinkedHashMap<>();
		// CPU time and queries of all throughput slices, per contender: unlike wall time,
		// it does not depend on how the scheduler shares the cores with other processes.
		Map<String, long[]> cpu = new LinkedHashMap<>();
		long sink = 0;
		int ourNext = 0;
		for (int round = 0; round < rounds; round++) {
			for (Contender contender : contenders) {
				int offset = round * contender.batch();
				if (contender != ours) {
					Slice mine = slice(ours, ourNext, sliceMillis);
					ourNext += mine.queries();
					Slice theirs = slice(contender, offset, sliceMillis);
					sink += mine.sink() + theirs.sink();
					throughputs.computeIfAbsent(ours.name(), n -> new ArrayList<>()).add(mine.throughput());
					throughputs.computeIfAbsent(contender.name(), n -> new ArrayList<>()).add(theirs.throughput());
					pairedRatios.computeIfAbsent(contender.name(), n -> new ArrayList<>())
						.add(mine.throughput() / theirs.throughput());
					for (var measured : List.of(Map.entry(ours.name(), mine), Map.entry(contender.name(), theirs))) {
						long[] total = cpu.computeIfAbsent(measured.getKey(), n -> new long[2]);
						total[0] = total[0] < 0 || measured.getValue().cpuNanos() < 0 ? -1
								: total[0] + measured.getValue().cpuNanos();
						total[1] += measured.getValue().queries();
					}
				}
				long[] times = new long[contender.batch()];
				for (int j = 0; j < contender.batch(); j++) {
					long q0 = System.nanoTime();
					sink += contender.search().run(offset + j);
					times[j] = System.nanoTime() - q0;
				}
				latencies.computeIfAbsent(contender.name(), n -> new ArrayList<>()).add(times);
			}
			System.out.println("round " + (round + 1) + " of " + rounds + " done, load " + loadAverage());
		}
		List<Result> results = new ArrayList<>();
		for (Contender contender : contenders) {
			long[] times = latencies.get(contender.name()).stream().flatMapToLong(Arrays::stream).sorted().toArray();
			results.add(new Result(contender.name(), times[times.length / 2] / 1e3,
					times[(int) Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] / 1e3,
					Arrays.stream(times).average().orElse(0) / 1e3, median(throughputs.get(contender.name())),
					times.length));
		}
		String loadAfter = loadAverage();

		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "%n## Finder nearby benchmark, %s%n%n", LocalDate.now()));
		report.append(String.format(Locale.ROOT, "machine: %d cores (available to the JVM), %.1f GiB RAM, %s %s, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), totalMemoryGib(), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20));
		report.append("load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
			.append('\n');
		report.append(out);
		report.append(memory).append('\n');
		report.append(postgisNote).append('\n');
		report.append(checks).append('\n');
		report.append(String.format(Locale.ROOT,
				"query: k = %d, amenity %s, open at %s, radius %.0f m, %,d origins; %d rounds after %d s warm-up each; one thread%n%n",
				K, AMENITY, BenchDataset.INSTANT, RADIUS, originCount, rounds, warmupSeconds));
		report.append(String.format(Locale.ROOT,
				"throughput: untimed slices of at least %d ms; ours ÷ it is the median over the rounds of the ratio of two slices taken back to back, ours just before it (range in brackets)%n%n",
				sliceMillis));
		report.append("| contender | queries timed | median µs | p99 µs | mean µs | throughput q/s (median of slices) | ours ÷ it, paired | CPU µs per query (incl. server process) | ours ÷ it, by CPU |\n");
		report.append("|---|---|---|---|---|---|---|---|---|\n");
		long[] ourCpu = cpu.get(ours.name());
		double ourCpuPerQuery = ourCpu == null || ourCpu[0] < 0 ? Double.NaN : ourCpu[0] / 1e3 / ourCpu[1];
		for (Result result : results) {
			List<Double> paired = pairedRatios.get(result.name());
			long[] theirCpu = cpu.get(result.name());
			double cpuPerQuery = theirCpu == null || theirCpu[0] < 0 ? Double.NaN : theirCpu[0] / 1e3 / theirCpu[1];
			report.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %,.0f | %s | %.2f | %s |%n",
					result.name(), result.queries(), result.medianMicros(), result.p99Micros(), result.meanMicros(),
					result.throughput(),
					paired == null ? "1"
							: String.format(Locale.ROOT, "%.1f× [%.1f–%.1f]", median(paired),
									paired.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
									paired.stream().mapToDouble(Double::doubleValue).max().orElseThrow()),
					cpuPerQuery, paired == null ? "1" : String.format(Locale.ROOT, "%.1f×", cpuPerQuery / ourCpuPerQuery)));
		}
		report.append("\n(checksum ").append(sink).append(")\n");
		System.out.print(report);
		Path target = Path.of("target", "bench");
		Files.createDirectories(target);
		Files.writeString(target.resolve("finder-results.md"), report.toString());
		System.out.println("written to " + target.resolve("finder-results.md"));
		lucene.close();
		if (postgis != null) {
			postgis.close();
		}
	}

	/**
	 * @param cpuNanos CPU time of this thread plus the contender's server process, or -1
	 * when the latter cannot be read
	 */
	record Slice(int queries, double throughput, long sink, long cpuNanos) {
	}

	private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static long cpuNanos(Contender contender) {
		long server = contender.serverCpuNanos() == null ? 0 : contender.serverCpuNanos().getAsLong();
		return server < 0 ? -1 : THREADS.getCurrentThreadCpuTime() + server;
	}

	/**
	 * Runs a contender's queries from {@code first} on, untimed one by one, until at least
	 * {@code millis} have passed: every contender's throughput is taken over about the
	 * same stretch of time, whatever its speed.
	 */
	static Slice slice(Contender contender, int first, int millis) throws Exception {
		int chunk = Math.max(1, contender.batch() / 100);
		long sink = 0;
		int done = 0;
		long cpuBefore = cpuNanos(contender);
		long started = System.nanoTime();
		long elapsed;
		do {
			for (int j = 0; j < chunk; j++) {
				sink += contender.search().run(first + done++);
			}
			elapsed = System.nanoTime() - started;
		}
		while (elapsed < millis * 1_000_000L);
		long cpuAfter = cpuNanos(contender);
		return new Slice(done, done / (elapsed / 1e9), sink,
				cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** A string with its own character array ({@code new String(String)} shares the original's). */
	private static String copy(String text) {
		return text == null ? null : new String(text.toCharArray());
	}

	/**
	 * Every station, the same filters as the index, no grid, and none of its ranking: the
	 * k nearest kept by metres and id in a sorted array.
	 */
	static long[] bruteForce(IndexedStation[] all, NearbyQuery query, HolidayCalendar calendar) {
		double lat = query.origin().lat();
		double lon = query.origin().lon();
		long mask = IndexedStation.bits(query.amenities());
		int k = query.limit();
		long[] ids = new long[k];
		double[] meters = new double[k];
		int size = 0;
		for (IndexedStation station : all) {
			if ((station.amenityBits() & mask) != mask) {
				continue;
			}
			double distance = GeoPoint.distanceMeters(lat, lon, station.lat(), station.lon());
			if (distance > query.radiusMeters() || (size == k && !before(distance, station.id(), meters[k - 1], ids[k - 1]))) {
				continue;
			}
			if (station.schedule().statusAt(query.openAt(), calendar) != OpenStatus.OPEN) {
				continue;
			}
			int at = size < k ? size++ : k - 1;
			while (at > 0 && before(distance, station.id(), meters[at - 1], ids[at - 1])) {
				ids[at] = ids[at - 1];
				meters[at] = meters[at - 1];
				at--;
			}
			ids[at] = station.id();
			meters[at] = distance;
		}
		return Arrays.copyOf(ids, size);
	}

	private static boolean before(double distance, long id, double otherDistance, long otherId) {
		return distance < otherDistance || (distance == otherDistance && id < otherId);
	}

	static long[] ids(List<NearbyStation> found) {
		long[] ids = new long[found.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = found.get(i).station().id();
		}
		return ids;
	}

	/** Same length, and at each position stations at the same distance from the origin within 1 cm. */
	private static boolean sameUpToNearTies(long[] expected, long[] actual, StationIndex index, NearbyQuery query) {
		if (expected.length != actual.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (Math.abs(distance(index.get(expected[i]), query) - distance(index.get(actual[i]), query)) > 0.01) {
				return false;
			}
		}
		return true;
	}

	private static double distance(IndexedStation station, NearbyQuery query) {
		return station == null ? Double.NaN
				: GeoPoint.distanceMeters(query.origin().lat(), query.origin().lon(), station.lat(), station.lon());
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	private static String jolSize(Object root) {
		try {
			return String.format(Locale.ROOT, "%.1f MB",
					org.openjdk.jol.info.GraphLayout.parseInstance(root).totalSize() / 1048576.0);
		}
		catch (Throwable ex) {
			return "unavailable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	private static double totalMemoryGib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0;
				}
			}
		}
		catch (Exception ex) {
			// fall through
		}
		return Double.NaN;
	}

}
