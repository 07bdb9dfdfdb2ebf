package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

/**
 * District boundaries read from GeoJSON, and written back.
 * <p>
 * <strong>GeoJSON positions are {@code [lon, lat]}</strong>; JTS geometries here keep
 * that order (x = lon, y = lat, WGS-84). Input may be a FeatureCollection of Polygon or
 * MultiPolygon features (as the DataV files are), one Feature, or a bare geometry; each
 * feature names its district by {@code properties.adcode} (the six-digit county code
 * DataV uses) or, for a single shape, by the request's {@code org}. Every mistake is
 * collected, up to a limit, and reported at once; nothing is stored unless all shapes are
 * good.
 */
final class AreaShapes {

	static final GeometryFactory GEOMETRY = new GeometryFactory();

	private static final int MAX_VIOLATIONS = 20;

	private static final int MAX_FEATURES = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A district's shape as read, in WGS-84. */
	record AreaShape(String orgCode, String name, Geometry shape) {
	}

	private final Crs crs;

	private final String defaultOrg;

	/** The name of a known organisation code, {@code null} for an unknown one. */
	private final Function<String, String> organizationName;

	private final List<Violation> violations = new ArrayList<>();

	/**
	 * Whether invalid polygons are repaired (JTS {@code buffer(0)}) instead of refused:
	 * for benchmarks and tests over published files whose rings touch themselves, never
	 * for uploads, where the admin should see and fix the mistake.
	 */
	private final boolean repair;

	private AreaShapes(Crs crs, String defaultOrg, Function<String, String> organizationName, boolean repair) {
		this.repair = repair;
		this.crs = crs;
		this.defaultOrg = defaultOrg;
		this.organizationName = organizationName;
	}

	/**
	 * @param json the uploaded text
	 * @param crs the system its coordinates are in
	 * @param defaultOrg the district of a shape without {@code adcode}, may be
	 * {@code null}
	 * @param organizationName the name of a known organisation, {@code null} for an
	 * unknown code
	 * @throws InvalidInputException listing every mistake found
	 */
	static List<AreaShape> read(String json, Crs crs, String defaultOrg, Function<String, String> organizationName) {
		return new AreaShapes(crs, defaultOrg, organizationName, false).read(json);
	}

	/** As {@link #read}, but repairing invalid polygons instead of refusing them. */
	static List<AreaShape> readRepairing(String json, Crs crs, Function<String, String> organizationName) {
		return new AreaShapes(crs, null, organizationName, true).read(json);
	}

	private List<AreaShape> read(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json == null ? "" : json);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(Violation.of("geojson", "coverage.geojson.malformed",
					ex.getOriginalMessage() == null ? "?" : ex.getOriginalMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new InvalidInputException(Violation.of("geojson", "coverage.geojson.malformed", "not an object"));
		}
		String type = root.path("type").asString("");
		List<AreaShape> shapes = new ArrayList<>();
		switch (type) {
			case "FeatureCollection" -> {
				JsonNode features = root.path("features");
				if (!features.isArray() || features.isEmpty()) {
					violations.add(Violation.of("features", "coverage.geojson.noFeatures"));
				}
				else if (features.size() > MAX_FEATURES) {
					violations.add(Violation.of("features", "coverage.tooMany", MAX_FEATURES));
				}
				else {
					for (int i = 0; i < features.size() && violations.size() < MAX_VIOLATIONS; i++) {
						feature(features.get(i), "features[" + i + "]", features.size() == 1, shapes);
					}
				}
			}
			case "Feature" -> feature(root, "feature", true, shapes);
			case "Polygon", "MultiPolygon" -> {
				Geometry shape = geometry(root, "geometry");
				String org = code(null, true, "geometry");
				if (shape != null && org != null) {
					shapes.add(new AreaShape(org, organizationName.apply(org), shape));
				}
			}
			default -> violations.add(Violation.of("geojson", "coverage.geojson.type", type));
		}
		Set<String> seen = new HashSet<>();
		for (AreaShape shape : shapes) {
			if (!seen.add(shape.orgCode())) {
				violations.add(Violation.of("adcode", "coverage.adcode.duplicate", shape.orgCode()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return shapes;
	}

	private void feature(JsonNode feature, String field, boolean single, List<AreaShape> shapes) {
		if (!"Feature".equals(feature.path("type").asString(""))) {
			violations.add(Violation.of(field + ".type", "coverage.geojson.type", feature.path("type").asString("")));
			return;
		}
		Geometry shape = geometry(feature.path("geometry"), field + ".geometry");
		String org = code(feature.path("properties").path("adcode"), single, field + ".properties.adcode");
		if (shape != null && org != null) {
			String name = feature.path("properties").path("name").asString("");
			shapes.add(new AreaShape(org, name.isBlank() ? organizationName.apply(org) : name.strip(), shape));
		}
	}

	private String code(JsonNode adcode, boolean single, String field) {
		String code = (adcode == null || adcode.isMissingNode() || adcode.isNull()) ? null
				: adcode.asString("").strip();
		if (code == null || code.isEmpty()) {
			code = single ? defaultOrg : null;
		}
		if (code == null || code.isBlank()) {
			violations.add(Violation.of(field, "coverage.adcode.missing"));
			return null;
		}
		if (organizationName.apply(code) == null) {
			violations.add(Violation.of(field, "coverage.adcode.unknown", code));
			return null;
		}
		return code;
	}

	private Geometry geometry(JsonNode geometry, String field) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		Geometry shape;
		if ("Polygon".equals(type)) {
			shape = polygon(coordinates, field + ".coordinates");
		}
		else if ("MultiPolygon".equals(type)) {
			if (!coordinates.isArray()) {
				violations.add(Violation.of(field + ".coordinates", "coverage.geojson.coordinates"));
				return null;
			}
			Polygon[] parts = new Polygon[coordinates.size()];
			for (int i = 0; i < parts.length; i++) {
				parts[i] = polygon(coordinates.get(i), field + ".coordinates[" + i + "]");
				if (parts[i] == null) {
					return null;
				}
			}
			shape = GEOMETRY.createMultiPolygon(parts);
		}
		else {
			violations.add(Violation.of(field + ".type", "coverage.geojson.geometry", type));
			return null;
		}
		if (shape == null) {
			return null;
		}
		if (shape.isEmpty()) {
			violations.add(Violation.of(field, "coverage.polygon.empty"));
			return null;
		}
		TopologyValidationError error = new IsValidOp(shape).getValidationError();
		if (error != null && this.repair) {
			return shape.buffer(0);
		}
		if (error != null) {
			Coordinate at = error.getCoordinate();
			violations.add(Violation.of(field, "coverage.polygon.invalid", error.getMessage().toLowerCase(Locale.ROOT),
					at == null ? "?" : String.format(Locale.ROOT, "%.6f, %.6f", at.y, at.x)));
			return null;
		}
		return shape;
	}

	private Polygon polygon(JsonNode rings, String field) {
		if (!rings.isArray()) {
			violations.add(Violation.of(field, "coverage.geojson.coordinates"));
			return null;
		}
		if (rings.isEmpty()) {
			return GEOMETRY.createPolygon();
		}
		LinearRing[] linear = new LinearRing[rings.size()];
		for (int r = 0; r < linear.length; r++) {
			JsonNode ring = rings.get(r);
			String ringField = field + "[" + r + "]";
			if (!ring.isArray()) {
				violations.add(Violation.of(ringField, "coverage.geojson.coordinates"));
				return null;
			}
			Coordinate[] points = new Coordinate[ring.size()];
			for (int i = 0; i < points.length; i++) {
				points[i] = position(ring.get(i), ringField + "[" + i + "]");
				if (points[i] == null) {
					return null;
				}
			}
			if (points.length == 0 && r == 0) {
				return GEOMETRY.createPolygon();
			}
			if (points.length < 4 || !points[0].equals2D(points[points.length - 1])) {
				violations.add(Violation.of(ringField, "coverage.polygon.ring"));
				return null;
			}
			linear[r] = GEOMETRY.createLinearRing(points);
		}
		LinearRing[] holes = new LinearRing[linear.length - 1];
		System.arraycopy(linear, 1, holes, 0, holes.length);
		return GEOMETRY.createPolygon(linear[0], holes);
	}

	/**
	 * A GeoJSON position {@code [lon, lat]} converted to WGS-84, or {@code null} with the
	 * reason recorded; a pair that lies in China only when read the other way round is
	 * reported as swapped.
	 */
	private Coordinate position(JsonNode position, String field) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			violations.add(Violation.of(field, "coverage.geojson.coordinates"));
			return null;
		}
		double lon = position.get(0).asDouble();
		double lat = position.get(1).asDouble();
		boolean inRange = Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
		GeoPoint point = inRange ? new CrsPoint(lat, lon, this.crs).toWgs84IfInRange().orElse(null) : null;
		if (point != null && point.isInChina()) {
			// stored to 7 decimals (1 cm): rounded before validation, so what is stored
			// is
			// what was validated
			return new Coordinate(Math.round(point.lon() * 1e7) / 1e7, Math.round(point.lat() * 1e7) / 1e7);
		}
		boolean swapped = Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lon) <= 90 && Math.abs(lat) <= 180
				&& new CrsPoint(lon, lat, this.crs).toWgs84IfInRange().filter(GeoPoint::isInChina).isPresent();
		violations.add(Violation.of(field, swapped ? "coverage.swapped" : "validation.outsideChina"));
		return null;
	}

	/**
	 * A Polygon or MultiPolygon as a GeoJSON geometry, {@code [lon, lat]} to 7 decimals
	 * (1 cm).
	 */
	static String toGeoJson(Geometry shape) {
		StringBuilder out = new StringBuilder(shape.getNumPoints() * 24 + 64);
		if (shape instanceof MultiPolygon) {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int g = 0; g < shape.getNumGeometries(); g++) {
				if (g > 0) {
					out.append(',');
				}
				rings(out, (Polygon) shape.getGeometryN(g));
			}
			out.append("]}");
		}
		else {
			out.append("{\"type\":\"Polygon\",\"coordinates\":");
			rings(out, (Polygon) shape);
			out.append('}');
		}
		return out.toString();
	}

	private static void rings(StringBuilder out, Polygon polygon) {
		out.append('[');
		for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
			if (r > 0) {
				out.append(',');
			}
			Coordinate[] points = ((r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1))
				.getCoordinates();
			out.append('[');
			for (int i = 0; i < points.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append('[')
					.append(Math.round(points[i].x * 1e7) / 1e7)
					.append(',')
					.append(Math.round(points[i].y * 1e7) / 1e7)
					.append(']');
			}
			out.append(']');
		}
		out.append(']');
	}

	/** The area in square metres, in a local projection around the shape. */
	static double areaM2(Geometry shape) {
		Geometry projected = shape.copy();
		double lat0 = shape.getEnvelopeInternal().centre().y;
		double kx = AreaGrid.METERS_PER_DEGREE * Math.cos(Math.toRadians(lat0));
		projected.apply((org.locationtech.jts.geom.CoordinateFilter) (c) -> {
			c.x = c.x * kx;
			c.y = (c.y - lat0) * AreaGrid.METERS_PER_DEGREE;
		});
		projected.geometryChanged();
		return projected.getArea();
	}

	/** Reads back a geometry this class wrote (trusted, WGS-84). */
	static Geometry fromStored(String geometry) {
		return new AreaShapes(Crs.WGS84, null, code -> code, false).geometry(JSON.readTree(geometry), "geometry");
	}

}
