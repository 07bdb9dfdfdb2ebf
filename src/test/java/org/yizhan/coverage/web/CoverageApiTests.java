package org.yizhan.coverage.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.TravelMode;
import org.yizhan.geo.GeoPoint;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Coverage over the API on the demo city: figures per district and for the city, night
 * coverage, the grid, suggestions, uploads of boundaries and demand, and every mistake
 * named. Uploads go to Ningbo's districts, which the demo leaves without areas, so the
 * demo's Hangzhou figures stay as loaded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CoverageApiTests {

	/** A 4 × 4 km square in 海曙区, Ningbo, as [lon, lat] GCJ-02 positions. */
	private static final String SQUARE = "[[[121.53,29.85],[121.57,29.85],[121.57,29.886],[121.53,29.886],[121.53,29.85]]]";

	@Autowired
	MockMvc mvc;

	@Autowired
	CoverageAnalysis analysis;

	@Test
	void measuresEveryDistrictOfTheDemoCityAndTheCityAsTheirSum() throws Exception {
		DocumentContext city = ok(get("/api/v1/coverage?org=330100&mode=ebike&minutes=15"));

		List<Map<String, Object>> districts = city.read("$.districts");
		assertThat(districts).hasSize(13);
		assertThat(city.read("$.radiusMeters", Double.class)).isEqualTo(2884.6);
		int cells = 0;
		int stations = 0;
		for (Map<String, Object> district : districts) {
			cells += (Integer) district.get("cells");
			stations += (Integer) ((Map<?, ?>) district.get("listed")).get("stations");
			assertThat(district.get("source")).isEqualTo("DERIVED");
		}
		assertThat(city.read("$.total.cells", Integer.class)).isEqualTo(cells);
		// The districts' demand shares add up to the whole, and say so without rounding
		// noise.
		assertThat(city.read("$.total.demandShare", Double.class)).isEqualTo(1.0);
		assertThat(city.read("$.total.listed.stations", Integer.class)).isEqualTo(stations).isGreaterThan(700);
		double once = city.read("$.total.listed.areaOnce", Double.class);
		double twice = city.read("$.total.listed.areaTwice", Double.class);
		assertThat(once).isBetween(0.3, 1.0);
		assertThat(twice).isBetween(0.1, once);
		assertThat(city.read("$.gaps[0].cells", Integer.class)).isPositive();
		assertThat(city.read("$.gaps[0].centroid.lat", Double.class)).isBetween(29.0, 31.0);
	}

	@Test
	void walkingReachesLessThanRiding() throws Exception {
		double walk = ok(get("/api/v1/coverage?org=330106&mode=walk")).read("$.total.listed.areaOnce", Double.class);
		double ride = ok(get("/api/v1/coverage?org=330106&mode=ebike")).read("$.total.listed.areaOnce", Double.class);
		assertThat(walk).isLessThan(ride);
	}

	@Test
	void atTenAtNightStationsThatCloseDropOut() throws Exception {
		DocumentContext night = ok(get("/api/v1/coverage?org=330106&mode=walk&at=2026-11-25T22:00"));

		int listed = night.read("$.total.listed.stations", Integer.class);
		int open = night.read("$.total.openAt.stations", Integer.class);
		assertThat(open).isPositive().isLessThan(listed);
		assertThat(night.read("$.total.openAt.areaOnce", Double.class))
			.isLessThan(night.read("$.total.listed.areaOnce", Double.class));
		assertThat(night.read("$.at", String.class)).isEqualTo("2026-11-25T14:00:00Z");
	}

	@Test
	void reportsStationsWithoutANeighbourWithinTheSpacingRule() throws Exception {
		DocumentContext city = ok(get("/api/v1/coverage?org=330100"));

		assertThat(city.read("$.spacingMeters", Double.class)).isEqualTo(1000.0);
		assertThat(city.read("$.spacingViolationCount", Integer.class)).isPositive();
		List<Number> nearest = city.read("$.spacingViolations[*].nearestMeters");
		assertThat(nearest).allSatisfy(d -> assertThat(d == null || d.doubleValue() > 1000).isTrue());
	}

	@Test
	void drawsTheGridRowByRowFromTheNorth() throws Exception {
		DocumentContext grid = ok(get("/api/v1/coverage/grid?org=330108&crs=gcj02"));

		List<String> rows = grid.read("$.rows");
		assertThat(rows).hasSize(grid.read("$.height", Integer.class));
		assertThat(rows.get(0)).hasSize(grid.read("$.width", Integer.class));
		assertThat(String.join("", rows)).contains("2").matches("[.012]+");
		assertThat(grid.read("$.crs", String.class)).isEqualTo("gcj02");
	}

	@Test
	void suggestsSitesInPickOrderWithTheirGains() throws Exception {
		DocumentContext answer = ok(post("/api/v1/coverage/suggestions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"org\":\"330106\",\"mode\":\"walk\",\"p\":5,\"objective\":\"double\"}"));

		List<Number> gains = answer.read("$.sites[*].gain");
		assertThat(gains).hasSize(5).allSatisfy(g -> assertThat(g.doubleValue()).isPositive());
		assertThat(answer.read("$.coveredAfter", Double.class))
			.isGreaterThan(answer.read("$.coveredBefore", Double.class));
		assertThat(answer.read("$.objective", String.class)).isEqualTo("double");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "unknown mode|mode=car|mode|无法识别的取值“car”", "zero minutes|minutes=0|minutes|须在 1 到 60 之间",
					"no org|mode=walk|org|不能为空", "an unknown org|org=999999|org|未知的组织代码",
					"an unreadable time|at=tonight|at|无法识别的时间", "an unknown crs|crs=utm|crs|无法识别的取值" })
	void refusesBadQueriesNamingTheField(String mistake, String query, String field, String message) throws Exception {
		String q = query.startsWith("org=") || query.equals("mode=walk") ? query : "org=330106&" + query;
		DocumentContext problem = problem(get("/api/v1/coverage?" + q), 400, "zh-CN");
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo(field);
		assertThat(problem.read("$.errors[0].message", String.class)).contains(message);
	}

	@Test
	void anOrganisationWithoutAreasIsNotFound() throws Exception {
		DocumentContext problem = problem(get("/api/v1/coverage?org=110101"), 404, "en");
		assertThat(problem.read("$.detail", String.class)).contains("has no area boundaries");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "malformed JSON|{\"type\":\"FeatureCollection\",|geojson|is not valid JSON",
			"not GeoJSON|{\"type\":\"Point\",\"coordinates\":[121.5,29.8]}|geojson|must be a FeatureCollection",
			"a self-intersecting polygon|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"330203\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.53,29.85],[121.57,29.886],[121.57,29.85],[121.53,29.886],[121.53,29.85]]]}}|feature.geometry|self-intersection",
			"an empty polygon|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"330203\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}|feature.geometry|empty",
			"swapped lat and lon|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"330203\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[29.85,121.53],[29.85,121.57],[29.886,121.57],[29.85,121.53]]]}}|feature.geometry.coordinates[0][0]|look swapped",
			"a point outside China|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"330203\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}}|feature.geometry.coordinates[0][0]|not in China",
			"an unknown adcode|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"339999\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
					+ SQUARE + "}}|feature.properties.adcode|\"339999\" is not a known district",
			"a ring that is not closed|{\"type\":\"Feature\",\"properties\":{\"adcode\":\"330203\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.53,29.85],[121.57,29.85],[121.57,29.886],[121.53,29.886]]]}}|feature.geometry.coordinates[0]|must be closed" })
	void refusesBadBoundariesAndStoresNothing(String mistake, String body, String field, String message)
			throws Exception {
		DocumentContext problem = problem(
				put("/api/v1/coverage/areas?crs=gcj02").contentType("application/geo+json").content(body), 400, "en");
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo(field);
		assertThat(problem.read("$.errors[0].message", String.class)).contains(message);
		assertThat(ok(get("/api/v1/coverage/areas?org=330212")).read("$.features", List.class)).isEmpty();
	}

	@Test
	void anUploadedBoundaryIsMeasuredAndDemandPointsShiftTheDemand() throws Exception {
		String feature = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":330205,\"name\":\"江北区\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
				+ SQUARE.replace("121.5", "121.4") + "}}]}";
		DocumentContext stored = ok(
				put("/api/v1/coverage/areas?crs=gcj02").contentType("application/geo+json").content(feature));
		assertThat(stored.read("$.areasKm2.330205", Double.class)).isBetween(15.0, 16.5);

		DocumentContext before = ok(get("/api/v1/coverage?org=330205"));
		assertThat(before.read("$.total.listed.stations", Integer.class)).isZero();
		assertThat(before.read("$.total.listed.areaOnce", Double.class)).isZero();
		assertThat(before.read("$.pointDemand", Boolean.class)).isFalse();
		assertThat(before.read("$.districts[0].source", String.class)).isEqualTo("UPLOADED");

		DocumentContext refused = problem(put("/api/v1/coverage/demand-points?org=330205").contentType("text/csv")
			.content("lat,lon,weight\n29.86,121.44,3\n29.87,121.45,-1\n"), 400, "en");
		assertThat(refused.read("$.errors[0].field", String.class)).isEqualTo("rows[2].weight");
		DocumentContext swapped = problem(
				put("/api/v1/coverage/demand-points?org=330205").contentType("text/csv").content("121.44,29.86,3\n"),
				400, "en");
		assertThat(swapped.read("$.errors[0].message", String.class)).contains("look swapped");

		ok(put("/api/v1/coverage/demand-points?org=330205&crs=gcj02").contentType("text/csv")
			.content("lat,lon,weight,name\n29.86,121.44,3,骑手站点\n29.87,121.45,1,\n"));
		assertThat(ok(get("/api/v1/coverage?org=330205")).read("$.pointDemand", Boolean.class)).isTrue();
	}

	@Test
	void aCityCannotHaveAnOutlineOfItsOwnOverItsDistricts() throws Exception {
		DocumentContext problem = problem(put("/api/v1/coverage/areas?org=330200").contentType("application/geo+json")
			.content("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}"), 400, "zh-CN");
		assertThat(problem.read("$.errors[0].message", String.class)).contains("不是已知的区县级行政区划代码");
	}

	@Test
	void theMarginalGainOfAPointIsWhatItWouldAddWhereNothingReachesYet() throws Exception {
		CoverageQuery walk = new CoverageQuery("330106", TravelMode.WALK, Duration.ofMinutes(15), null);
		GeoPoint gap = GeoPoint.of(
				ok(get("/api/v1/coverage?org=330106&mode=walk")).read("$.gaps[0].centroid.lat", Double.class),
				ok(get("/api/v1/coverage?org=330106&mode=walk")).read("$.gaps[0].centroid.lon", Double.class));

		// the analysis is called directly, as a request of the national admin would
		// (after
		// the requests above, which clear the security context when they end)
		org.yizhan.support.ActingAsNationalAdmin.signIn();
		double single = analysis.marginalGain(walk, gap, CoverageObjective.SINGLE);
		double cross = analysis.marginalGain(walk, gap, CoverageObjective.DOUBLE);
		assertThat(single).isPositive();
		assertThat(cross).isGreaterThanOrEqualTo(single);
		assertThat(analysis.marginalGain(walk, GeoPoint.of(39.9, 116.4), CoverageObjective.SINGLE)).isZero();
	}

	@Test
	void uploadedCandidatesAreSuggestedWhenAskedFor() throws Exception {
		ok(put("/api/v1/coverage/candidates?org=330106").contentType("text/csv")
			.content("lat,lon,name\n30.185,120.071,上传候选一\n30.30,120.40,区外候选\n"));

		DocumentContext answer = ok(post("/api/v1/coverage/suggestions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"org\":\"330106\",\"mode\":\"walk\",\"p\":1,\"candidates\":\"uploaded\"}"));
		assertThat(answer.read("$.candidates", Integer.class)).isEqualTo(1);
		assertThat(answer.read("$.sites[0].name", String.class)).isEqualTo("上传候选一");
		DocumentContext tooMany = problem(post("/api/v1/coverage/suggestions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"org\":\"330106\",\"p\":2,\"candidates\":\"uploaded\"}"), 400, "en");
		assertThat(tooMany.read("$.errors[0].field", String.class)).isEqualTo("p");
	}

	@Test
	void needsCredentials() throws Exception {
		assertThat(mvc.perform(get("/api/v1/coverage?org=330106")).andReturn().getResponse().getStatus())
			.isEqualTo(401);
	}

	private DocumentContext ok(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(200);
		return JsonPath.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private DocumentContext problem(MockHttpServletRequestBuilder request, int status, String language)
			throws Exception {
		MvcResult result = mvc
			.perform(request.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
				.header(HttpHeaders.ACCEPT_LANGUAGE, language))
			.andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return JsonPath.parse(body);
	}

}
