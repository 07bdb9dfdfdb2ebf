package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import org.yizhan.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A district drawn on its city's frame has the cells it has in the city's grid, whatever
 * its own extent: one area and one coverage on both pages (issue 21, item 10).
 */
class AreaGridFrameTests {

	static final GeometryFactory GEOMETRY = new GeometryFactory();

	/** Two districts side by side near Hangzhou, the west one narrower, x = lon. */
	static final Geometry WEST = box(120.000, 30.100, 120.137, 30.263);

	static final Geometry EAST = box(120.137, 30.050, 120.411, 30.300);

	@Test
	void aDistrictOnItsCitysFrameHasExactlyItsCellsInTheCitysGrid() {
		AreaGrid city = AreaGrid.of(List.of("W", "E"), List.of(WEST, EAST), 200);
		GeoPoint cityCentre = GeoPoint.of(city.lat0, city.lon0);
		AreaGrid alone = AreaGrid.of(List.of("W"), List.of(WEST), 200, cityCentre);

		List<GeoPoint> inCity = new ArrayList<>();
		for (int c = 0; c < city.cellCount(); c++) {
			if (city.areaOf[c] == 0) {
				inCity.add(city.centreOf(c));
			}
		}
		List<GeoPoint> own = new ArrayList<>();
		for (int c = 0; c < alone.cellCount(); c++) {
			own.add(alone.centreOf(c));
		}

		assertThat(own).hasSameSizeAs(inCity);
		for (int i = 0; i < own.size(); i++) {
			assertThat(own.get(i).lat()).isCloseTo(inCity.get(i).lat(), offset(1e-9));
			assertThat(own.get(i).lon()).isCloseTo(inCity.get(i).lon(), offset(1e-9));
		}
	}

	private static Geometry box(double west, double south, double east, double north) {
		return GEOMETRY.createPolygon(new Coordinate[] { new Coordinate(west, south), new Coordinate(east, south),
				new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south) });
	}

}
