package org.yizhan.finder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.geo.GeoEncodingUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.CoordinateTransform;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.Csv;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

/**
 * The national-scale benchmark set: stations spread over the real districts of seven cities
 * with the density of real POIs, derived at run time from {@code ../shared/data} (never
 * committed: the DataV boundaries carry no licence). Seeded, so every run builds the same
 * stations and the same query origins. How it is derived is documented in
 * {@code docs/benchmarks.md}.
 */
final class BenchDataset {

	static final long SEED = 186_000L;

	/** Per-axis standard deviation of the jitter around a seed POI. */
	static final double STATION_SIGMA_METERS = 300;

	static final double ORIGIN_SIGMA_METERS = 500;

	/** Cities with fewer real POIs than this also borrow Hangzhou's POI pattern. */
	static final int MIN_OWN_SEEDS = 1_000;

	/** Wednesday evening, not a holiday or make-up day. */
	static final LocalDateTime INSTANT = LocalDateTime.of(2026, 11, 25, 19, 30);

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

	/** The DataV files, with each city's centre (GCJ-02 lon, lat, as DataV gives it). */
	static final List<CitySpec> CITIES = List.of(new CitySpec("北京", "province_110000.json", 116.405285, 39.904989),
			new CitySpec("上海", "province_310000.json", 121.472644, 31.231706),
			new CitySpec("杭州", "citys_330100.json", 120.153576, 30.287459),
			new CitySpec("青岛", "citys_370200.json", 120.355173, 36.082982),
			new CitySpec("深圳", "citys_440300.json", 114.085947, 22.547),
			new CitySpec("成都", "citys_510100.json", 104.065735, 30.659462),
			new CitySpec("西安", "citys_610100.json", 108.948024, 34.263161));

	/**
	 * Amenity shares of the demo city ({@code src/main/resources/demo/hangzhou-stations.csv},
	 * 811 stations), in {@link Amenity} order.
	 */
	static final double[] AMENITY_SHARES = { 1.0, 0.598, 0.285, 0.133, 0.777, 1.0, 0.837, 0.286, 0.866, 0.101, 0.015,
			0.577, 0.506, 0.054, 0.404, 0.393, 0.349, 0.106, 0.074, 0.094, 0.020, 0.018, 0.081, 0.387 };

	/** Host-type counts of the demo city, in {@link HostType} order. */
	static final int[] HOST_TYPE_COUNTS = { 35, 175, 31, 60, 40, 130, 140, 30, 0, 70, 28, 4, 2, 1, 20, 5, 40 };

	static final String[] HOURS = { "24/7", "Mo-Su 07:00-22:00", "Mo-Fr 08:30-17:30", "Mo-Su 08:00-20:00; PH off",
			"Mo-Fr 08:30-17:00; PH off", "Mo-Su 06:00-22:00", "Mo-Su 22:00-06:00" };

	static final String[] NAME_SUFFIXES = { "爱心驿站", "工会驿站", "暖心驿站", "户外劳动者服务站点" };

	static final double[] HOURS_SHARES = { 0.30, 0.15, 0.15, 0.15, 0.10, 0.10, 0.05 };

	final List<IndexedStation> stations;

	/** Open at {@link #INSTANT}, by position in {@link #stations}. */
	final boolean[] openNow;

	final double[] originLat;

	final double[] originLon;

	final Map<String, Integer> stationsPerCity;

	final Map<String, Integer> seedsPerCity;

	final Map<String, Integer> ownSeedsPerCity;

	final int candidates;

	private BenchDataset(List<IndexedStation> stations, boolean[] openNow, double[] originLat, double[] originLon,
			Map<String, Integer> stationsPerCity, Map<String, Integer> seedsPerCity,
			Map<String, Integer> ownSeedsPerCity, int candidates) {
		this.stations = stations;
		this.openNow = openNow;
		this.originLat = originLat;
		this.originLon = originLon;
		this.stationsPerCity = stationsPerCity;
		this.seedsPerCity = seedsPerCity;
		this.ownSeedsPerCity = ownSeedsPerCity;
		this.candidates = candidates;
	}

	record CitySpec(String name, String file, double centerLonGcj, double centerLatGcj) {
	}

	/** A district polygon (outer ring and holes), WGS-84, with its bounding box. */
	record District(String city, String name, int adcode, List<double[][]> rings, double south, double west,
			double north, double east) {

		boolean contains(double lat, double lon) {
			if (lat < south || lat > north || lon < west || lon > east) {
				return false;
			}
			boolean inside = false;
			for (double[][] ring : rings) {
				double[] lats = ring[0];
				double[] lons = ring[1];
				for (int i = 0, j = lats.length - 1; i < lats.length; j = i++) {
					if ((lats[i] > lat) != (lats[j] > lat)
							&& lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
						inside = !inside;
					}
				}
			}
			return inside;
		}

	}

	/** A real POI in WGS-84 with what it lends a station: a name and an address. */
	record Seed(double lat, double lon, String name, String address) {
	}

	static BenchDataset load(Path data, int stationCount, int originCount, HolidayCalendar calendar)
			throws IOException {
		List<District> districts = loadDistricts(data.resolve("boundaries_datav"));
		Map<String, List<Seed>> own = new LinkedHashMap<>();
		CITIES.forEach(city -> own.put(city.name(), new ArrayList<>()));
		List<Seed> realPois = loadPois(data);
		for (Seed seed : realPois) {
			District district = find(districts, seed.lat(), seed.lon());
			if (district != null) {
				own.get(district.city()).add(seed);
			}
		}
		List<Seed> hangzhou = own.get("杭州");
		GeoPoint hangzhouCenter = centerOf(CITIES.get(2));
		Map<String, List<Seed>> pools = new LinkedHashMap<>();
		Map<String, Integer> ownCounts = new LinkedHashMap<>();
		for (CitySpec city : CITIES) {
			List<Seed> pool = new ArrayList<>(own.get(city.name()));
			ownCounts.put(city.name(), pool.size());
			if (pool.size() < MIN_OWN_SEEDS) {
				GeoPoint center = centerOf(city);
				double dLat = center.lat() - hangzhouCenter.lat();
				double dLon = center.lon() - hangzhouCenter.lon();
				for (Seed seed : hangzhou) {
					pool.add(new Seed(seed.lat() + dLat, seed.lon() + dLon, null, null));
				}
			}
			pools.put(city.name(), pool);
		}

		Random random = new Random(SEED);
		List<OpeningSchedule> schedules = new ArrayList<>();
		for (String hours : HOURS) {
			schedules.add(OpeningSchedule.compile(OpeningHours.parse(hours)));
		}
		List<IndexedStation> stations = new ArrayList<>(stationCount);
		Map<String, Integer> perCity = new LinkedHashMap<>();
		int candidates = 0;
		long id = 0;
		for (int c = 0; c < CITIES.size(); c++) {
			CitySpec city = CITIES.get(c);
			int quota = stationCount / CITIES.size() + (c < stationCount % CITIES.size() ? 1 : 0);
			List<Seed> pool = pools.get(city.name());
			int made = 0;
			while (made < quota) {
				Seed seed = pool.get(random.nextInt(pool.size()));
				double lat = seed.lat() + random.nextGaussian() * STATION_SIGMA_METERS / METERS_PER_DEGREE;
				double lon = seed.lon() + random.nextGaussian() * STATION_SIGMA_METERS
						/ (METERS_PER_DEGREE * Math.cos(Math.toRadians(seed.lat())));
				candidates++;
				District district = find(districts, lat, lon);
				if (district == null || !district.city().equals(city.name())) {
					continue;
				}
				id++;
				made++;
				stations.add(station(id, quantizeLat(lat), quantizeLon(lon), city, district, seed, random, schedules));
			}
			perCity.put(city.name(), made);
		}
		boolean[] openNow = new boolean[stations.size()];
		for (int i = 0; i < openNow.length; i++) {
			openNow[i] = stations.get(i).schedule().statusAt(INSTANT, calendar) == OpenStatus.OPEN;
		}

		Random originRandom = new Random(SEED + 1);
		double[] originLat = new double[originCount];
		double[] originLon = new double[originCount];
		for (int i = 0; i < originCount; i++) {
			// Around a random station (so the origins follow the same POI density, inside the
			// districts), jittered again.
			IndexedStation near = stations.get(originRandom.nextInt(stations.size()));
			originLat[i] = near.lat() + originRandom.nextGaussian() * ORIGIN_SIGMA_METERS / METERS_PER_DEGREE;
			originLon[i] = near.lon() + originRandom.nextGaussian() * ORIGIN_SIGMA_METERS
					/ (METERS_PER_DEGREE * Math.cos(Math.toRadians(near.lat())));
		}
		Map<String, Integer> poolSizes = new LinkedHashMap<>();
		pools.forEach((name, pool) -> poolSizes.put(name, pool.size()));
		return new BenchDataset(List.copyOf(stations), openNow, originLat, originLon, perCity, poolSizes, ownCounts,
				candidates);
	}

	/** Lucene stores 32-bit coordinates (about 1 cm); every contender gets the same values. */
	static double quantizeLat(double lat) {
		return GeoEncodingUtils.decodeLatitude(GeoEncodingUtils.encodeLatitude(lat));
	}

	static double quantizeLon(double lon) {
		return GeoEncodingUtils.decodeLongitude(GeoEncodingUtils.encodeLongitude(lon));
	}

	private static IndexedStation station(long id, double lat, double lon, CitySpec city, District district, Seed seed,
			Random random, List<OpeningSchedule> schedules) {
		long bits = 0;
		Amenity[] amenities = Amenity.values();
		for (int a = 0; a < amenities.length; a++) {
			if (random.nextDouble() < AMENITY_SHARES[a]) {
				bits |= 1L << amenities[a].ordinal();
			}
		}
		HostType hostType = pickHostType(random);
		int hours = pick(random, HOURS_SHARES);
		// Names and addresses shaped like the demo city's: the host's name and a suffix; the
		// POI's own address where the source has one, else city and district.
		String host = seed.name() != null && !seed.name().isBlank() ? seed.name() : district.name();
		String name = host.substring(0, Math.min(12, host.length())) + NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)]
				+ (random.nextBoolean() ? "（" + (1 + random.nextInt(60)) + "号）" : "");
		String address = seed.address() != null && !seed.address().isBlank() ? seed.address()
				: city.name() + "市" + district.name();
		String code = String.format("YZ%06d-%06d", district.adcode(), id);
		String phone = random.nextDouble() < 0.7 ? String.format("1%02d%08d", 30 + random.nextInt(60),
				random.nextInt(100_000_000)) : null;
		return new IndexedStation(id, 1, code, name, address, lat, lon, bits, hostType, HOURS[hours],
				schedules.get(hours), null, null, phone, null);
	}

	private static HostType pickHostType(Random random) {
		int total = 0;
		for (int count : HOST_TYPE_COUNTS) {
			total += count;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < HOST_TYPE_COUNTS.length; i++) {
			r -= HOST_TYPE_COUNTS[i];
			if (r < 0) {
				return HostType.values()[i];
			}
		}
		return HostType.OTHER;
	}

	private static int pick(Random random, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < shares.length; i++) {
			r -= shares[i];
			if (r < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

	private static GeoPoint centerOf(CitySpec city) {
		return CoordinateTransform.gcj02ToWgs84(city.centerLatGcj(), city.centerLonGcj());
	}

	private static District find(List<District> districts, double lat, double lon) {
		for (District district : districts) {
			if (district.contains(lat, lon)) {
				return district;
			}
		}
		return null;
	}

	private static List<District> loadDistricts(Path folder) throws IOException {
		ObjectMapper json = JsonMapper.builder().build();
		List<District> districts = new ArrayList<>();
		for (CitySpec city : CITIES) {
			JsonNode root = json.readTree(Files.readString(folder.resolve(city.file())));
			for (JsonNode feature : root.get("features")) {
				JsonNode properties = feature.get("properties");
				JsonNode geometry = feature.get("geometry");
				List<double[][]> rings = new ArrayList<>();
				double south = 90;
				double west = 180;
				double north = -90;
				double east = -180;
				JsonNode polygons = geometry.get("coordinates");
				if ("Polygon".equals(geometry.get("type").asString())) {
					polygons = json.createArrayNode().add(polygons);
				}
				for (JsonNode polygon : polygons) {
					for (JsonNode ring : polygon) {
						double[] lats = new double[ring.size()];
						double[] lons = new double[ring.size()];
						for (int i = 0; i < ring.size(); i++) {
							GeoPoint wgs = CoordinateTransform.gcj02ToWgs84(ring.get(i).get(1).asDouble(),
									ring.get(i).get(0).asDouble());
							lats[i] = wgs.lat();
							lons[i] = wgs.lon();
							south = Math.min(south, wgs.lat());
							north = Math.max(north, wgs.lat());
							west = Math.min(west, wgs.lon());
							east = Math.max(east, wgs.lon());
						}
						rings.add(new double[][] { lats, lons });
					}
				}
				districts.add(new District(city.name(), properties.get("name").asString(),
						properties.get("adcode").asInt(), rings, south, west, north, east));
			}
		}
		return districts;
	}

	/** Every real POI, converted to WGS-84. */
	private static List<Seed> loadPois(Path data) throws IOException {
		List<Seed> seeds = new ArrayList<>();
		List<List<String>> hangzhou = csv(data.resolve("poi_hangzhou_osm/hangzhou_osm_amenity_slim.csv"));
		Map<String, Integer> h = header(hangzhou.get(0));
		for (List<String> row : hangzhou.subList(1, hangzhou.size())) {
			String name = row.get(h.get("name_zh")).isBlank() ? row.get(h.get("name")) : row.get(h.get("name_zh"));
			seeds.add(new Seed(Double.parseDouble(row.get(h.get("lat_wgs84"))),
					Double.parseDouble(row.get(h.get("lng_wgs84"))), name, null));
		}
		ObjectMapper json = JsonMapper.builder().build();
		JsonNode shanghai = json
			.readTree(Files.readString(data.resolve("poi_shanghai/shanghai_fuel_ev_stations_bd09.geojson")));
		for (JsonNode feature : shanghai.get("features")) {
			JsonNode coordinates = feature.get("geometry").get("coordinates");
			GeoPoint wgs = CoordinateTransform.bd09ToWgs84(coordinates.get(1).asDouble(), coordinates.get(0).asDouble());
			JsonNode properties = feature.get("properties");
			seeds.add(new Seed(wgs.lat(), wgs.lon(), properties.get("name").asString(),
					properties.get("address").asString()));
		}
		List<List<String>> beijing = csv(data.resolve("delivery_hubs/meituan_xiaoxiang_beijing.csv"));
		Map<String, Integer> b = header(beijing.get(0));
		for (List<String> row : beijing.subList(1, beijing.size())) {
			GeoPoint wgs = CoordinateTransform.gcj02ToWgs84(Double.parseDouble(row.get(b.get("纬度"))),
					Double.parseDouble(row.get(b.get("经度"))));
			seeds.add(new Seed(wgs.lat(), wgs.lon(), row.get(b.get("站点名称")), row.get(b.get("地址"))));
		}
		List<List<String>> south = csv(data.resolve("delivery_hubs/meituan_xiaoxiang_shenzhen_guangzhou.csv"));
		Map<String, Integer> s = header(south.get(0));
		for (List<String> row : south.subList(1, south.size())) {
			GeoPoint wgs = CoordinateTransform.gcj02ToWgs84(Double.parseDouble(row.get(s.get("lat_gcj02"))),
					Double.parseDouble(row.get(s.get("lng_gcj02"))));
			seeds.add(new Seed(wgs.lat(), wgs.lon(), row.get(s.get("station_name")), row.get(s.get("address"))));
		}
		return seeds;
	}

	private static List<List<String>> csv(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>(Csv.parse(Files.readString(file)));
		rows.removeIf(row -> row.size() <= 1);
		return rows;
	}

	private static Map<String, Integer> header(List<String> header) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip(), i);
		}
		return columns;
	}

	static Set<Amenity> amenitySet(Amenity amenity) {
		return EnumSet.of(amenity);
	}

}
