package org.yizhan.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import org.yizhan.platform.Csv;

/**
 * Derives the demo city's approximate district areas and candidate sites from committable
 * data (ODbL): the demo stations and the OpenStreetMap amenities of Hangzhou. The real
 * DataV boundaries carry no licence and are never used here.
 * <ol>
 * <li>Extent: 250 m cells within 1.5 km of any OSM amenity or demo station, i.e. where
 * mapped places are, not the mountains and lakes between them.</li>
 * <li>District: each cell takes the district of its nearest labelled point: the 811 demo
 * stations (whose district codes came from the DataV polygons when they were derived) and
 * the OSM amenities whose {@code addr:district} names a current district.</li>
 * <li>Shape: the cells of each district, unioned, closed by 250 m (buffer out, then in)
 * to smooth the staircase and fill pinholes, simplified to 50 m, and cut by the districts
 * already emitted so that no two overlap.</li>
 * </ol>
 * Candidate sites: OSM amenities of host types (toilets, fuel, banks, post offices,
 * police, town halls, community centres, restaurants, markets, ...) that are not already
 * demo stations. Run:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.yizhan.coverage.DeriveDemoAreas ../shared/data}
 */
final class DeriveDemoAreas {

	static final double CELL = 250;

	static final double EXTENT = 1500;

	static final double LAT0 = 29.9;

	static final double LON0 = 119.6;

	static final double KX = AreaGrid.METERS_PER_DEGREE * Math.cos(Math.toRadians(LAT0));

	static final Map<String, String> HOST_TYPES = Map.ofEntries(Map.entry("toilets", "PUBLIC_TOILET"),
			Map.entry("fuel", "PETROL_STATION"), Map.entry("bank", "BANK"), Map.entry("post_office", "POST_OFFICE"),
			Map.entry("police", "TRAFFIC_POLICE_POST"), Map.entry("townhall", "GOVERNMENT_SERVICE_HALL"),
			Map.entry("community_centre", "COMMUNITY_CENTRE"), Map.entry("restaurant", "MERCHANT_RESTAURANT"),
			Map.entry("fast_food", "MERCHANT_RESTAURANT"), Map.entry("cafe", "MERCHANT_RESTAURANT"),
			Map.entry("marketplace", "SUPERMARKET"), Map.entry("library", "COMMUNITY_CENTRE"),
			Map.entry("bus_station", "OTHER"), Map.entry("waste_transfer_station", "SANITATION_DEPOT"));

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
		Map<String, String> districtByName = new HashMap<>();
		Map<String, String> nameByCode = new TreeMap<>();
		for (List<String> row : csv(Path.of("src/main/resources/divisions/areas.csv"))) {
			if (row.get(0).startsWith("3301")) {
				nameByCode.put(row.get(0), row.get(1));
				districtByName.put(row.get(1), row.get(0));
				districtByName.put(row.get(1).replaceAll("[区县市]$", ""), row.get(0));
			}
		}
		List<double[]> extent = new ArrayList<>();
		List<double[]> labelled = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		Set<String> stationRefs = new HashSet<>();
		List<List<String>> stations = csv(Path.of("src/main/resources/demo/hangzhou-stations.csv"));
		for (List<String> row : stations.subList(1, stations.size())) {
			double[] p = { x(Double.parseDouble(row.get(7))), y(Double.parseDouble(row.get(6))) };
			extent.add(p);
			labelled.add(p);
			labels.add(row.get(3));
			stationRefs.add(row.get(0));
		}
		List<List<String>> pois = csv(data.resolve("poi_hangzhou_osm/hangzhou_osm_amenity_slim.csv"));
		StringBuilder candidates = new StringBuilder("osm_ref,name,host_type,lat,lon\n");
		int candidateCount = 0;
		for (List<String> row : pois.subList(1, pois.size())) {
			double lon = Double.parseDouble(row.get(6));
			double lat = Double.parseDouble(row.get(7));
			double[] p = { x(lon), y(lat) };
			extent.add(p);
			String district = districtByName.get(row.get(5).strip());
			if (district != null && !row.get(5).contains("江干") && !row.get(5).contains("下城")) {
				labelled.add(p);
				labels.add(district);
			}
			String ref = row.get(0) + "/" + row.get(1);
			String hostType = HOST_TYPES.get(row.get(2));
			String name = !row.get(4).isBlank() ? row.get(4) : row.get(3);
			if (hostType != null && !stationRefs.contains(ref) && !name.isBlank()) {
				candidates.append(ref)
					.append(',')
					.append(quote(name.strip()))
					.append(',')
					.append(hostType)
					.append(',')
					.append(lat)
					.append(',')
					.append(lon)
					.append('\n');
				candidateCount++;
			}
		}
		Buckets extentIndex = new Buckets(extent, EXTENT);
		Buckets labelIndex = new Buckets(labelled, 2000);
		double minX = Double.POSITIVE_INFINITY;
		double minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY;
		double maxY = Double.NEGATIVE_INFINITY;
		for (double[] p : extent) {
			minX = Math.min(minX, p[0] - EXTENT);
			minY = Math.min(minY, p[1] - EXTENT);
			maxX = Math.max(maxX, p[0] + EXTENT);
			maxY = Math.max(maxY, p[1] + EXTENT);
		}
		GeometryFactory factory = new GeometryFactory();
		Map<String, List<Geometry>> runs = new TreeMap<>();
		int cols = (int) Math.ceil((maxX - minX) / CELL);
		int rows = (int) Math.ceil((maxY - minY) / CELL);
		for (int r = 0; r < rows; r++) {
			double cy = minY + (r + 0.5) * CELL;
			String runLabel = null;
			int runStart = 0;
			for (int c = 0; c <= cols; c++) {
				String label = null;
				if (c < cols) {
					double cx = minX + (c + 0.5) * CELL;
					if (extentIndex.nearest(cx, cy, EXTENT) >= 0) {
						label = labels.get(labelIndex.nearest(cx, cy, Double.POSITIVE_INFINITY));
					}
				}
				if (!java.util.Objects.equals(label, runLabel)) {
					if (runLabel != null) {
						runs.computeIfAbsent(runLabel, k -> new ArrayList<>())
							.add(factory.toGeometry(new org.locationtech.jts.geom.Envelope(minX + runStart * CELL,
									minX + c * CELL, minY + r * CELL, minY + (r + 1) * CELL)));
					}
					runLabel = label;
					runStart = c;
				}
			}
		}
		StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"name\":\"hangzhou-district-areas\","
				+ "\"note\":\"Approximate district areas derived from OpenStreetMap amenities and the demo stations "
				+ "(ODbL, (c) OpenStreetMap contributors); not official boundaries\",\"features\":[\n");
		Geometry emitted = factory.createGeometryCollection();
		boolean first = true;
		for (Map.Entry<String, List<Geometry>> district : runs.entrySet()) {
			Geometry shape = UnaryUnionOp.union(district.getValue()).buffer(CELL).buffer(-CELL);
			shape = OverlayNGRobust.overlay(TopologyPreservingSimplifier.simplify(shape, 50), emitted,
					OverlayNG.DIFFERENCE);
			emitted = OverlayNGRobust.overlay(emitted, shape, OverlayNG.UNION);
			// the overlay may share coordinates with its inputs: project back a copy
			shape = shape.copy();
			shape.apply((org.locationtech.jts.geom.CoordinateFilter) (p) -> {
				p.y = Math.round((LAT0 + p.y / AreaGrid.METERS_PER_DEGREE) * 1e6) / 1e6;
				p.x = Math.round((LON0 + p.x / KX) * 1e6) / 1e6;
			});
			shape.geometryChanged();
			if (!shape.isValid()) {
				shape = shape.buffer(0);
			}
			Geometry polygons = shape;
			if (!(polygons instanceof org.locationtech.jts.geom.Polygon
					|| polygons instanceof org.locationtech.jts.geom.MultiPolygon)) {
				throw new IllegalStateException(district.getKey() + " is a " + polygons.getGeometryType());
			}
			out.append(first ? "" : ",\n")
				.append("{\"type\":\"Feature\",\"properties\":{\"adcode\":\"")
				.append(district.getKey())
				.append("\",\"name\":\"")
				.append(nameByCode.get(district.getKey()))
				.append("\"},\"geometry\":")
				.append(AreaShapes.toGeoJson(polygons))
				.append('}');
			first = false;
			System.out.printf("%s %s: %.0f km², %d points%n", district.getKey(), nameByCode.get(district.getKey()),
					AreaShapes.areaM2(polygons) / 1e6, polygons.getNumPoints());
		}
		out.append("\n]}\n");
		Files.writeString(Path.of("src/main/resources/demo/hangzhou-district-areas.geojson"), out.toString(),
				StandardCharsets.UTF_8);
		Files.writeString(Path.of("src/main/resources/demo/hangzhou-candidate-sites.csv"), candidates.toString(),
				StandardCharsets.UTF_8);
		System.out.println("candidate sites: " + candidateCount);
	}

	private static double x(double lon) {
		return (lon - LON0) * KX;
	}

	private static double y(double lat) {
		return (lat - LAT0) * AreaGrid.METERS_PER_DEGREE;
	}

	private static String quote(String value) {
		return (value.contains(",") || value.contains("\"")) ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static List<List<String>> csv(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Csv.read(in);
		}
	}

	/** Points in square buckets, for nearest-point questions. */
	private static final class Buckets {

		private final List<double[]> points;

		private final double size;

		private final Map<Long, List<Integer>> buckets = new HashMap<>();

		Buckets(List<double[]> points, double size) {
			this.points = points;
			this.size = size;
			for (int i = 0; i < points.size(); i++) {
				this.buckets
					.computeIfAbsent(key(cell(points.get(i)[0]), cell(points.get(i)[1])), k -> new ArrayList<>())
					.add(i);
			}
		}

		private long cell(double v) {
			return (long) Math.floor(v / this.size);
		}

		private static long key(long i, long j) {
			return (i << 32) ^ (j & 0xffffffffL);
		}

		/** The nearest point within {@code limit}, or -1. */
		int nearest(double x, double y, double limit) {
			long bx = cell(x);
			long by = cell(y);
			int best = -1;
			double bestD = Double.POSITIVE_INFINITY;
			for (int ring = 0; ring < 200; ring++) {
				if (best >= 0 && Math.sqrt(bestD) <= (ring - 1) * this.size) {
					break;
				}
				if ((ring - 1) * this.size > limit) {
					break;
				}
				for (long i = bx - ring; i <= bx + ring; i++) {
					for (long j = by - ring; j <= by + ring; j++) {
						if (Math.max(Math.abs(i - bx), Math.abs(j - by)) != ring) {
							continue;
						}
						for (int p : this.buckets.getOrDefault(key(i, j), List.of())) {
							double dx = this.points.get(p)[0] - x;
							double dy = this.points.get(p)[1] - y;
							double d = dx * dx + dy * dy;
							if (d < bestD) {
								bestD = d;
								best = p;
							}
						}
					}
				}
			}
			return (Math.sqrt(bestD) <= limit) ? best : -1;
		}

	}

}
