package org.yizhan.finder.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.finder.StationFinder;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The finder's public API as a worker's phone uses it: anonymous, nearest first, filtered
 * by amenities, host type and opening hours, in the coordinate system asked for, and kept
 * current as admins list, suspend and delist stations.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest
@AutoConfigureMockMvc
class NearbyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationFinder finder;

	/**
	 * Each test gets a spot of its own in 桐庐县, 2 km from any other test's, away from the
	 * demo.
	 */
	private static final AtomicInteger spots = new AtomicInteger();

	private double baseLat;

	private double baseLon;

	@BeforeEach
	void pickASpot() {
		int spot = spots.getAndIncrement();
		baseLat = 29.70 + (spot / 8) * 0.02;
		baseLon = 119.45 + (spot % 8) * 0.02;
	}

	@Test
	void findsListedStationsNearestFirstWithDistanceAndTravelTimes() throws Exception {
		Station far = listed("远一点的驿站", 0.004, 0, List.of("TOILET"), "24/7");
		Station near = listed("近一点的驿站", 0.001, 0, List.of("TOILET"), "24/7");
		registry.create(input("草稿驿站", 0.0005, 0, List.of("TOILET"), "24/7"));

		DocumentContext body = nearby("lat=" + baseLat + "&lon=" + baseLon + "&radius=1000");

		assertThat(body.read("$.stations[*].id", List.class)).containsExactly(id(near), id(far));
		assertThat(body.read("$.stations[0].distanceMeters", Integer.class)).isBetween(105, 118);
		assertThat(body.read("$.stations[0].walkMinutes", Integer.class)).isEqualTo(2);
		assertThat(body.read("$.stations[0].rideMinutes", Integer.class)).isEqualTo(1);
		assertThat(body.read("$.stations[0].openNow", Boolean.class)).isTrue();
		assertThat(body.read("$.stations[0].location.crs", String.class)).isEqualTo("wgs84");
	}

	@Test
	void filtersOnAllAmenitiesAndOnHostType() throws Exception {
		Station both = listed("两样都有", 0.002, 0, List.of("TOILET", "MICROWAVE"), "24/7");
		listed("只有卫生间", 0.001, 0, List.of("TOILET"), "24/7");

		assertThat(ids("lat=" + baseLat + "&lon=" + baseLon + "&radius=1000&amenities=TOILET,MICROWAVE"))
			.containsExactly(id(both));
		assertThat(ids("lat=" + baseLat + "&lon=" + baseLon + "&radius=1000&hostType=PETROL_STATION")).isEmpty();
		assertThat(ids("lat=" + baseLat + "&lon=" + baseLon + "&radius=1000&hostType=BANK")).hasSize(2);
	}

	@ParameterizedTest(name = "{0} → open: {1}")
	@CsvSource({ "2026-11-23T10:00:00+08:00, true", "2026-11-22T10:00:00+08:00, false", "2026-11-23T02:00:00Z, true",
			"2026-11-23T18:00, false", "2026-10-01T10:00, false" })
	void openNowFollowsTheOpeningHoursAtTheGivenTime(String at, boolean open) throws Exception {
		Station office = listed("办公时间驿站", 0.001, 0, List.of("TOILET"), "Mo-Fr 08:30-17:30; PH off");
		String query = "lat=" + baseLat + "&lon=" + baseLon + "&radius=500&at=" + at.replace("+", "%2B");

		assertThat(ids(query + "&openNow=true")).isEqualTo(open ? List.of(id(office)) : List.of());
		assertThat(nearby(query).read("$.stations[0].openNow", Boolean.class)).isEqualTo(open);
	}

	@Test
	void saysUntilWhenAStationIsOpenAndWhenAClosedOneOpensNext() throws Exception {
		listed("办公时间驿站", 0.001, 0, List.of(), "Mo-Fr 08:30-17:30");
		String query = "lat=" + baseLat + "&lon=" + baseLon + "&radius=500";

		assertThat(nearby(query + "&at=2026-11-27T10:00").read("$.stations[0].openUntil", String.class))
			.isEqualTo("2026-11-27T17:30+08:00");
		assertThat(nearby(query + "&at=2026-11-27T18:00").read("$.stations[0].nextOpen", String.class))
			.isEqualTo("2026-11-30T08:30+08:00");
	}

	@Test
	void answersInTheCoordinateSystemAskedForWithDeepLinksInEachAppsOwn() throws Exception {
		Station station = listed("坐标驿站", 0.001, 0.001, List.of(), "24/7");
		double[] gcj = CoordinateTransform.wgs84ToGcj02(baseLat, baseLon);

		DocumentContext body = nearby("lat=" + gcj[0] + "&lon=" + gcj[1] + "&crs=gcj02&radius=500");

		double[] stationGcj = CoordinateTransform.wgs84ToGcj02(station.details().location().lat(),
				station.details().location().lon());
		double[] stationBd = CoordinateTransform.wgs84ToBd09(station.details().location().lat(),
				station.details().location().lon());
		assertThat(body.read("$.stations[0].location.crs", String.class)).isEqualTo("gcj02");
		assertThat(body.read("$.stations[0].location.lat", Double.class)).isCloseTo(stationGcj[0], within(1e-6));
		assertThat(body.read("$.stations[0].location.lon", Double.class)).isCloseTo(stationGcj[1], within(1e-6));
		assertThat(body.read("$.stations[0].navigation.amap", String.class))
			.contains(String.format(java.util.Locale.ROOT, "to=%.6f,%.6f", stationGcj[1], stationGcj[0]));
		assertThat(body.read("$.stations[0].navigation.baidu", String.class))
			.contains(String.format(java.util.Locale.ROOT, "latlng:%.6f,%.6f", stationBd[0], stationBd[1]))
			.contains("coord_type=bd09ll");
		assertThat(body.read("$.stations[0].navigation.tencent", String.class))
			.contains(String.format(java.util.Locale.ROOT, "tocoord=%.6f,%.6f", stationGcj[0], stationGcj[1]));
	}

	@Test
	void aSuspendedStationLeavesTheMapAndComesBackWhenReopened() throws Exception {
		Station station = listed("暂停驿站", 0.001, 0, List.of(), "24/7");
		String query = "lat=" + baseLat + "&lon=" + baseLon + "&radius=500";

		registry.suspend(station.id(), null, "装修", java.time.LocalDate.now().plusDays(10));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(query)).isEmpty());
		ActingAsNationalAdmin.signIn();
		registry.reopen(station.id(), null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(query)).containsExactly(id(station)));
		ActingAsNationalAdmin.signIn();
		registry.delist(station.id(), null, org.yizhan.station.DelistingReason.CLOSED, null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(query)).isEmpty());
	}

	@Test
	void isAnonymousAndCacheable() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/stations/nearby?lat=30.27&lon=120.15")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("public").contains("max-age=30");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			value = { "lon=120.15|lat", "lat=91&lon=120.15|lat", "lat=30.27&lon=abc|lon",
					"lat=30.27&lon=120.15&crs=utm|crs", "lat=30.27&lon=120.15&radius=50001|radius",
					"lat=30.27&lon=120.15&radius=0|radius", "lat=30.27&lon=120.15&limit=101|limit",
					"lat=30.27&lon=120.15&limit=1.5|limit", "lat=30.27&lon=120.15&amenities=TOILET,JACUZZI|amenities",
					"lat=30.27&lon=120.15&hostType=CASTLE|hostType", "lat=30.27&lon=120.15&at=yesterday|at",
					"lat=30.27&lon=120.15&openNow=maybe|openNow", "lat=NaN&lon=120.15|lat" })
	void refusesBadParametersNamingEach(String query, String field) throws Exception {
		MvcResult chinese = mvc.perform(get("/api/v1/stations/nearby?" + query)).andReturn();
		MvcResult english = mvc
			.perform(get("/api/v1/stations/nearby?" + query).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andReturn();

		assertThat(chinese.getResponse().getStatus()).isEqualTo(400);
		assertThat(chinese.getResponse().getContentType()).startsWith("application/problem+json");
		DocumentContext zh = JsonPath
			.parse(chinese.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(zh.read("$.errors[*].field", List.class)).contains(field);
		assertThat(zh.read("$.title", String.class)).isEqualTo("输入有误");
		assertThat(JsonPath.parse(english.getResponse().getContentAsString()).read("$.title", String.class))
			.isEqualTo("Invalid input");
	}

	@Test
	void aViewportOfTheWholeCityComesBackInClustersAndAStreetAsStations() throws Exception {
		DocumentContext city = JsonPath
			.parse(mvc.perform(get("/api/v1/stations/in-box?south=29.9&west=119.8&north=30.6&east=120.6&zoom=10"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(city.read("$.total", Integer.class)).isGreaterThan(300);
		assertThat(city.read("$.stations", List.class)).isEmpty();
		List<Integer> counts = city.read("$.clusters[*].count");
		assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(city.read("$.total", Integer.class));

		// The zoom is the caller's word: the same city "at zoom 22" still comes in
		// clusters,
		// never finer than a 64th of the box, not as every station one by one.
		DocumentContext claimed = JsonPath
			.parse(mvc.perform(get("/api/v1/stations/in-box?south=29.9&west=119.8&north=30.6&east=120.6&zoom=22"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(claimed.read("$.stations", List.class)).isEmpty();
		assertThat(claimed.read("$.clusters", List.class)).isNotEmpty().hasSizeLessThanOrEqualTo(64 * 64);

		Station station = listed("街道驿站", 0.001, 0.001, List.of(), "24/7");
		double lat = station.details().location().lat();
		double lon = station.details().location().lon();
		DocumentContext street = JsonPath.parse(mvc
			.perform(get("/api/v1/stations/in-box?south=" + (lat - 0.002) + "&west=" + (lon - 0.002) + "&north="
					+ (lat + 0.002) + "&east=" + (lon + 0.002) + "&zoom=16"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(street.read("$.stations[*].id", List.class)).contains(id(station));
		assertThat(street.read("$.clusters", List.class)).isEmpty();
	}

	@Test
	void refusesABoxWhoseEdgesAreSwapped() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/stations/in-box?south=30.6&west=119.8&north=29.9&east=120.6"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(JsonPath.parse(result.getResponse().getContentAsString()).read("$.errors[0].field", String.class))
			.isEqualTo("north");
	}

	private Station listed(String name, double northOffset, double eastOffset, List<String> amenities, String hours) {
		ActingAsNationalAdmin.signIn();
		Station draft = registry.create(input(name, northOffset, eastOffset, amenities, hours));
		Station station = registry.list(draft.id(), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> finder.findById(station.id().value()).isPresent());
		return station;
	}

	private StationInput input(String name, double northOffset, double eastOffset, List<String> amenities,
			String hours) {
		return new StationInput(name, "杭州市桐庐县", "330122", "测试银行", "BANK", baseLat + northOffset, baseLon + eastOffset,
				"wgs84", null, null, amenities, hours, null, null, false, null, null, null, null);
	}

	private DocumentContext nearby(String query) throws Exception {
		// A ready URI: a template would encode the %2B of "+08:00" a second time.
		MvcResult result = mvc.perform(get(java.net.URI.create("/api/v1/stations/nearby?" + query))).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return JsonPath.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static int id(Station station) {
		return (int) station.id().value();
	}

	private List<Integer> ids(String query) throws Exception {
		return nearby(query).read("$.stations[*].id");
	}

}
