package org.yizhan.finder;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.GeoPoint;
import org.yizhan.station.HostType;

/**
 * The benchmark's nearby queries on our index alone, for counting instructions with
 * callgrind ({@code bench/finder-callgrind.sh}): wall time on a shared machine is noise,
 * instructions are not. Run natively once, it derives the benchmark's 186,000 stations and
 * 10,000 origins from {@code ../shared/data} and keeps what a query reads (positions,
 * amenities, host type, hours, ids) in a cache file, so that the run under valgrind, about
 * fifty times slower, need not derive them again.
 *
 * <p>
 * Under valgrind it runs {@code --warmup} queries (so that the query path is compiled by
 * C2), sleeps a millisecond, runs {@code --queries} queries, and sleeps again: with
 * {@code --dump-before=JVM_Sleep} callgrind writes the measured queries as a part of their
 * own. It prints a checksum of every answer (ids and the distances' bits) so that two
 * versions of the index can be shown to answer identically.
 *
 * <p>
 * Arguments: {@code --data=DIR}, {@code --cache=FILE}, {@code --warmup=N},
 * {@code --queries=N}.
 */
public final class FinderInstructionHarness {

	private FinderInstructionHarness() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		Path cache = Path.of(options.getOrDefault("cache", "target/bench/finder-dataset.bin"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "200000"));
		int measured = Integer.parseInt(options.getOrDefault("queries", "20000"));
		HolidayCalendar calendar = HolidayCalendar.bundled();
		if (!Files.exists(cache)) {
			write(BenchDataset.load(Path.of(options.getOrDefault("data", "../shared/data")), 186_000, 10_000, calendar),
					cache);
		}
		List<IndexedStation> stations = new ArrayList<>();
		double[][] origins = read(cache, stations);
		StationIndex index = new StationIndex();
		stations.forEach(index::put);
		NearbyQuery[] queries = new NearbyQuery[origins[0].length];
		for (int i = 0; i < queries.length; i++) {
			queries[i] = new NearbyQuery(GeoPoint.of(origins[0][i], origins[1][i]), FinderBenchmark.RADIUS,
					FinderBenchmark.K, Set.of(FinderBenchmark.AMENITY), Set.of(), BenchDataset.INSTANT);
		}

		// The same method for the warm-up and the measured part, so that both run the same
		// compiled code.
		run(index, queries, calendar, 0, warmup);
		// The boundaries of the measured part for callgrind's --dump-before=JVM_Sleep.
		Thread.sleep(1);
		long checksum = run(index, queries, calendar, warmup, measured);
		Thread.sleep(1);
		System.out.printf("stations %d, queries: %d warm-up, %d measured; answers' checksum %016x%n", stations.size(),
				warmup, measured, checksum);
	}

	/** Runs {@code count} queries from number {@code first} on, returning a checksum of the answers. */
	private static long run(StationIndex index, NearbyQuery[] queries, HolidayCalendar calendar, int first,
			int count) {
		long checksum = 0;
		for (int i = first; i < first + count; i++) {
			for (NearbyStation hit : index.nearby(queries[i % queries.length], calendar)) {
				checksum = checksum * 31 + hit.station().id();
				checksum = checksum * 31 + Double.doubleToLongBits(hit.distanceMeters());
			}
		}
		return checksum;
	}

	private static void write(BenchDataset dataset, Path cache) throws IOException {
		Files.createDirectories(cache.toAbsolutePath().getParent());
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
			out.writeInt(dataset.stations.size());
			for (IndexedStation station : dataset.stations) {
				out.writeLong(station.id());
				out.writeDouble(station.lat());
				out.writeDouble(station.lon());
				out.writeLong(station.amenityBits());
				out.writeInt(station.hostType().ordinal());
				out.writeUTF(station.openingHours());
			}
			out.writeInt(dataset.originLat.length);
			for (int i = 0; i < dataset.originLat.length; i++) {
				out.writeDouble(dataset.originLat[i]);
				out.writeDouble(dataset.originLon[i]);
			}
		}
	}

	private static double[][] read(Path cache, List<IndexedStation> stations) throws IOException {
		Map<String, OpeningSchedule> schedules = new HashMap<>();
		try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				long id = in.readLong();
				double lat = in.readDouble();
				double lon = in.readDouble();
				long amenities = in.readLong();
				HostType hostType = HostType.values()[in.readInt()];
				String hours = in.readUTF();
				OpeningSchedule schedule = schedules.computeIfAbsent(hours,
						h -> OpeningSchedule.compile(OpeningHours.parse(h)));
				stations.add(new IndexedStation(id, 1, "YZ-" + id, "驿站" + id, "", lat, lon, amenities, hostType, hours,
						schedule, null, null, null, null));
			}
			int origins = in.readInt();
			double[][] points = new double[2][origins];
			for (int i = 0; i < origins; i++) {
				points[0][i] = in.readDouble();
				points[1][i] = in.readDouble();
			}
			return points;
		}
	}

}
