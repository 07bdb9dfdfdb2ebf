package org.yizhan.finder;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The finder's rows of the access matrix: its public pages, feeds and answers, for
 * everyone alike.
 */
final class FinderAccessRows implements AccessRows {

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// public finder: listed stations are public facts, for everyone alike
		rows.add(page("GET", "/", c -> c.get("/"), PUBLIC, null));
		rows.add(page("GET", "/offline", c -> c.get("/offline"), PUBLIC, null));
		rows.add(page("GET", "/stations/{id}", c -> c.get("/stations/" + c.station()), PUBLIC, PUBLIC));
		rows.add(page("GET", "/stations/{id}/photos/{photoId}",
				c -> c.get("/stations/" + c.station() + "/photos/" + c.photo()), PUBLIC, PUBLIC));
		rows.add(page("GET", "/feeds/stations.geojson", c -> c.get("/feeds/stations.geojson"), PUBLIC, null));
		rows.add(page("GET", "/feeds/stations-amap.csv", c -> c.get("/feeds/stations-amap.csv"), PUBLIC, null));
		rows.add(page("GET", "/feeds/stations-baidu.csv", c -> c.get("/feeds/stations-baidu.csv"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/stations/nearby", c -> c.get("/api/v1/stations/nearby?lat=30.27&lon=120.15"),
				PUBLIC, null));
		rows.add(api("GET", "/api/v1/stations/in-box",
				c -> c.get("/api/v1/stations/in-box?south=30.2&west=120.1&north=30.3&east=120.2"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/places", c -> c.get("/api/v1/places?q=%E8%A5%BF%E6%B9%96"), PUBLIC, null));
		return rows;
	}

}
