package org.yizhan.finder.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.finder.NearbyQuery;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationFinder;
import org.yizhan.finder.web.StationsJson;
import org.yizhan.geo.Crs;
import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The nearby answer is written from cached bytes, not by Jackson: it must stay exactly
 * what Jackson writes for the same stations (the contract of issue 3), for every
 * coordinate system, open, closed and unknown hours, smart entry, missing phones and
 * characters that need escaping, and a changed station must never be answered from its
 * old bytes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(ActingAsNationalAdmin.class)
class NearbyAnswerBytesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StationFinder finder;

	@Autowired
	StationJsonWriter writer;

	@Autowired
	JsonMapper json;

	@Autowired
	StationRegistry registry;

	@ParameterizedTest(name = "{0} at {1}")
	@CsvSource({ "wgs84, 2026-11-23T10:00", "gcj02, 2026-11-22T03:00", "bd09, 2026-10-01T12:00",
			"wgs84, 2026-11-27T18:00" })
	void everyDemoStationIsWrittenByteForByteAsJacksonWritesIt(String crs, String at) {
		Crs system = Crs.fromCode(crs).orElseThrow();
		LocalDateTime when = LocalDateTime.parse(at);
		// The whole demo city, twice: the second pass is served from the cache.
		NearbyQuery query = new NearbyQuery(GeoPoint.of(30.2741, 120.1551), 50_000, 1_000, Set.of(), Set.of(), null);
		List<NearbyStation> found = finder.nearby(query);
		assertThat(found).hasSizeGreaterThan(700);
		assertThat(found.stream().filter(hit -> hit.station().entrySchedule() != null)).isNotEmpty();
		assertThat(found.stream().filter(hit -> hit.station().phone() == null)).isNotEmpty();

		byte[] expected = json.writeValueAsBytes(new StationsJson(
				found.stream().map(hit -> writer.station(hit.station(), hit.distanceMeters(), system, when)).toList()));
		for (int pass = 0; pass < 2; pass++) {
			assertThat(writer.nearby(found, system, when).text())
				.isEqualTo(new String(expected, StandardCharsets.UTF_8));
		}
	}

	@Test
	void textThatNeedsEscapingIsEscapedAsJacksonDoes() {
		Station station = listed("引号\"反斜杠\\驿站</script>😀", 29.61, 119.31, "Mo-Fr 08:30-17:30; PH off", "0571-88888888");
		NearbyStation hit = finder.nearby(query(29.61, 119.31)).get(0);
		assertThat(hit.station().id()).isEqualTo(station.id().value());
		LocalDateTime at = LocalDateTime.parse("2026-11-23T09:00");

		assertThat(writer.nearby(List.of(hit), Crs.GCJ02, at).text()).isEqualTo(json.writeValueAsString(
				new StationsJson(List.of(writer.station(hit.station(), hit.distanceMeters(), Crs.GCJ02, at)))));
	}

	@Test
	void aRevisedStationIsAnsweredWithItsNewDetailsNotItsCachedOnes() throws Exception {
		Station station = listed("改名前驿站", 29.63, 119.33, "24/7", null);
		String url = "/api/v1/stations/nearby?lat=29.63&lon=119.33&radius=100";
		assertThat(JsonPath.<String>read(body(url), "$.stations[0].name")).isEqualTo("改名前驿站");

		ActingAsNationalAdmin.signIn();
		Station revised = registry.revise(station.id(), station.version(),
				input("改名后驿站", 29.6301, 119.33, "24/7", "0571-12345678"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> finder.findById(station.id().value()).orElseThrow().version() == revised.version());

		String after = body(url);
		assertThat(JsonPath.<String>read(after, "$.stations[0].name")).isEqualTo("改名后驿站");
		assertThat(JsonPath.<String>read(after, "$.stations[0].phone")).isEqualTo("0571-12345678");
		assertThat(JsonPath.<Double>read(after, "$.stations[0].location.lat")).isEqualTo(29.6301);
		assertThat(JsonPath.<String>read(after, "$.stations[0].navigation.amap"))
			.contains("%E6%94%B9%E5%90%8D%E5%90%8E");
	}

	@Test
	void theApiDocsStillDescribeTheNearbyAnswerFieldByField() throws Exception {
		// the document is for signed-in staff (ADR 0013)
		String docs = mvc.perform(get("/v3/api-docs").with(user("staff").authorities(() -> "PASSWORD_CURRENT")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(JsonPath.<String>read(docs,
				"$.paths['/api/v1/stations/nearby'].get.responses['200'].content['application/json'].schema['$ref']"))
			.endsWith("/StationsJson");
		assertThat(JsonPath.<List<String>>read(docs, "$.paths['/api/v1/stations/nearby'].get.parameters[*].name"))
			.containsExactlyInAnyOrder("lat", "lon", "crs", "radius", "limit", "openNow", "amenities", "hostType",
					"at");
		assertThat(JsonPath.<String>read(docs, "$.components.schemas.StationsJson.properties.stations.items['$ref']"))
			.endsWith("/StationJson");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(docs, "$.components.schemas.StationJson.properties"))
			.containsKeys("id", "code", "name", "address", "location", "distanceMeters", "walkMinutes", "rideMinutes",
					"openNow", "openUntil", "nextOpen", "openingHours", "entry", "amenities", "hostType", "phone",
					"navigation");
	}

	private String body(String url) throws Exception {
		return mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static NearbyQuery query(double lat, double lon) {
		return new NearbyQuery(GeoPoint.of(lat, lon), 100, 1, Set.of(), Set.of(), null);
	}

	private Station listed(String name, double lat, double lon, String hours, String phone) {
		ActingAsNationalAdmin.signIn();
		Station draft = registry.create(input(name, lat, lon, hours, phone));
		Station station = registry.list(draft.id(), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> finder.findById(station.id().value()).isPresent());
		return station;
	}

	private static StationInput input(String name, double lat, double lon, String hours, String phone) {
		return new StationInput(name, "杭州市桐庐县\"城南\"", "330122", "测试银行", "BANK", lat, lon, "wgs84", null, null,
				List.of("TOILET", "MICROWAVE"), hours, "QR", "Mo-Su 00:00-06:00", false, phone, null, null, null);
	}

}
