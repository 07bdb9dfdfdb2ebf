package org.yizhan.onboarding;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.geo.GeoPoint;

/**
 * A district's boundary as the coverage module keeps it in {@code coverage_area}: a bare
 * GeoJSON Polygon or MultiPolygon in WGS-84, checked when it was uploaded. Onboarding
 * reads the column (declared in its {@code tables.properties}) rather than asking
 * coverage, whose reads are for signed-in staff of the district while an applicant has no
 * account. <strong>GeoJSON positions are {@code [lon, lat]}</strong>; JTS here keeps x =
 * lon, y = lat.
 */
final class DistrictBoundary {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Geometry shape;

	private DistrictBoundary(Geometry shape) {
		this.shape = shape;
	}

	static DistrictBoundary parse(String geoJson) {
		JsonNode root = JSON.readTree(geoJson);
		String type = root.path("type").asString("");
		JsonNode coordinates = root.path("coordinates");
		List<Polygon> polygons = new ArrayList<>();
		if ("Polygon".equals(type)) {
			polygons.add(polygon(coordinates));
		}
		else if ("MultiPolygon".equals(type)) {
			for (JsonNode polygon : coordinates) {
				polygons.add(polygon(polygon));
			}
		}
		else {
			throw new IllegalStateException("A district boundary of type '" + type + "' in coverage_area");
		}
		return new DistrictBoundary(GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new)));
	}

	/** Whether the point lies inside or on the boundary. */
	boolean covers(GeoPoint point) {
		return this.shape.covers(GEOMETRY.createPoint(new Coordinate(point.lon(), point.lat())));
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
		}
		return GEOMETRY.createLinearRing(coordinates);
	}

}
