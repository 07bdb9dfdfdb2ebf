package org.yizhan.finder.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.geo.CoordinateTransform;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The feeds map platforms and open-data users download: every listed station, in the
 * order and coordinate system each format requires, safe to open in a spreadsheet, and
 * not sent again when the client already has it.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(properties = "yizhan.finder.feed-ttl=0s")
@AutoConfigureMockMvc
class FeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Test
	void geoJsonListsListedStationsLongitudeFirstInWgs84() throws Exception {
		Station station = listed("GeoJSON驿站", 29.61, 119.31);

		MvcResult result = mvc.perform(get("/feeds/stations.geojson")).andReturn();

		assertThat(result.getResponse().getContentType()).startsWith("application/geo+json");
		DocumentContext geoJson = JsonPath.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		List<List<Double>> coordinates = geoJson
			.read("$.features[?(@.properties.code == '" + station.code() + "')].geometry.coordinates");
		assertThat(coordinates).singleElement().satisfies(position -> {
			assertThat(position.get(0)).isCloseTo(119.31, within(1e-7));
			assertThat(position.get(1)).isCloseTo(29.61, within(1e-7));
		});
		List<String> codes = geoJson.read("$.features[*].properties.code");
		assertThat(codes).hasSizeGreaterThan(700).doesNotHaveDuplicates();
	}

	@Test
	void csvFeedsCarryEachPlatformsCoordinates() throws Exception {
		Station station = listed("坐标CSV驿站", 29.62, 119.32);
		double[] gcj = CoordinateTransform.wgs84ToGcj02(29.62, 119.32);
		double[] bd = CoordinateTransform.wgs84ToBd09(29.62, 119.32);

		String amap = mvc.perform(get("/feeds/stations-amap.csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String baidu = mvc.perform(get("/feeds/stations-baidu.csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(amap).startsWith("\uFEFFname,address,lon,lat,phone,category,hours,description,code");
		assertThat(lineOf(amap, station)).contains(String.format(java.util.Locale.ROOT, "%.6f,%.6f", gcj[1], gcj[0]));
		assertThat(lineOf(baidu, station)).contains(String.format(java.util.Locale.ROOT, "%.6f,%.6f", bd[1], bd[0]));
	}

	@Test
	void aNameThatASpreadsheetWouldRunAsAFormulaIsDefused() throws Exception {
		Station station = listed("=HYPERLINK(\"http://evil\")", 29.63, 119.33);

		String csv = mvc.perform(get("/feeds/stations-amap.csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(lineOf(csv, station)).startsWith("\"'=HYPERLINK(\"\"http://evil\"\")\"");
	}

	@Test
	void aClientWithTheCurrentFeedGetsNotModified() throws Exception {
		MvcResult first = mvc.perform(get("/feeds/stations.geojson")).andReturn();
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);

		MvcResult again = mvc.perform(get("/feeds/stations.geojson").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn();

		assertThat(etag).matches("\"[0-9a-f]{64}\"");
		assertThat(first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
		assertThat(again.getResponse().getStatus()).isEqualTo(304);
		assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
	}

	private Station listed(String name, double lat, double lon) {
		Station draft = registry.create(new StationInput(name, "杭州市桐庐县", "330122", "测试单位", "OTHER", lat, lon, "wgs84",
				null, null, List.of("TOILET"), "24/7", null, null, false, null, "说明", null, null));
		return registry.list(draft.id(), null);
	}

	private static String lineOf(String csv, Station station) {
		return csv.lines()
			.filter(line -> line.contains("\"" + station.code() + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + station.code()));
	}

}
