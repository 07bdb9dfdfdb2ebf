package org.yizhan.station.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.station.web.StationRequestBuilder.aStation;

/**
 * A HOST account keeps its own stations right (issue 14, item 2): their hours, amenities,
 * photos, description and contact phone, through the API and the console form; never
 * their level, stars, district, status, host name or host type, which the union decides
 * and money follows (403 naming what was refused, nothing stored). The same refusals hold
 * for a station master. Another host's station does not exist for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostStationTests {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@LocalServerPort
	int port;

	private HttpCaller admin;

	private String hostName;

	/** The host's own listed station, at version 1. */
	private long station;

	/** A listed station of another host in the same district. */
	private long othersStation;

	private String host;

	@BeforeEach
	void aHostWithAStationAndANeighbourOfAnotherHost() {
		this.admin = HttpCaller.basic(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		this.hostName = "自管测试承建单位" + suffix();
		this.station = listed(aStation().name("承建单位自管驿站" + suffix()).with("hostName", this.hostName));
		this.othersStation = listed(aStation().name("别家驿站" + suffix()).with("hostName", "别家承建单位" + suffix()));
		this.host = account("HOST", ",\"hostName\":\"" + this.hostName + "\"");
	}

	// ------------------------------------------------------------------ what a host
	// keeps

	@Test
	void aHostKeepsItsStationsHoursAmenitiesDescriptionAndPhoneRight() {
		HttpResponse<String> revised = as(this.host).send("PUT", "/api/v1/stations/" + this.station, "application/json",
				mine().with("openingHours", "Mo-Su 07:00-21:00; PH off")
					.amenities("DRINKING_WATER", "TOILET", "MICROWAVE", "PHONE_CHARGING")
					.with("description", "承建单位自己更新的简介")
					.with("phone", "0571-86000000")
					.toJson(),
				ifMatch(1));

		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		DocumentContext now = JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body());
		assertThat(now.read("$.openingHours", String.class)).isEqualTo("Mo-Su 07:00-21:00; PH off");
		assertThat(now.read("$.amenities", List.class)).contains("MICROWAVE", "PHONE_CHARGING");
		assertThat(now.read("$.description", String.class)).isEqualTo("承建单位自己更新的简介");
		assertThat(now.read("$.version", Long.class)).isEqualTo(2);
		assertThat(now.read("$.level", String.class)).isEqualTo("CITY");
		assertThat(now.read("$.status", String.class)).isEqualTo("LISTED");
	}

	@Test
	void aHostAddsAndRemovesItsStationsPhotos() {
		HttpResponse<String> added = as(this.host).postFile("/api/v1/stations/" + this.station + "/photos", "file",
				"front.jpg", TestImages.jpeg(800, 600), ifMatch(1));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long photo = JsonPath.parse(added.body()).read("$.photos[0].id", Long.class);

		HttpResponse<String> removed = as(this.host).send("DELETE",
				"/api/v1/stations/" + this.station + "/photos/" + photo, null, (byte[]) null, ifMatch(2));
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		assertThat(JsonPath.parse(removed.body()).read("$.photos", List.class)).isEmpty();
	}

	// ------------------------------------------------------------------ what the union
	// decides

	static List<Arguments> unionDecisions() {
		return List.of(Arguments.of("level", "NATIONAL", "级别和星级只能由工会评定"), Arguments.of("stars", 5, "级别和星级只能由工会评定"),
				Arguments.of("district", "330102", "不能把驿站移到其他区县"),
				Arguments.of("hostName", "改名后的承建单位", "承建单位名称和类型由工会登记"),
				Arguments.of("hostType", "PETROL_STATION", "承建单位名称和类型由工会登记"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unionDecisions")
	void aHostIsRefusedWhatTheUnionDecidesAndNothingIsStored(String field, Object value, String reason) {
		HttpResponse<String> refused = as(this.host).send("PUT", "/api/v1/stations/" + this.station, "application/json",
				mine().with(field, value).with("description", "不该保存").toJson(), ifMatch(1));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(JsonPath.parse(refused.body()).read("$.detail", String.class)).contains(reason);
		DocumentContext now = JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body());
		assertThat(now.read("$.version", Long.class)).as("nothing stored").isEqualTo(1);
		assertThat(now.read("$.hostName", String.class)).isEqualTo(this.hostName);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unionDecisions")
	void aStationMasterIsRefusedTheSame(String field, Object value, String reason) {
		String master = account("STATION_MASTER", ",\"stations\":[" + this.station + "]");

		HttpResponse<String> refused = as(master).send("PUT", "/api/v1/stations/" + this.station, "application/json",
				mine().with(field, value).toJson(), ifMatch(1));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(JsonPath.parse(refused.body()).read("$.detail", String.class)).contains(reason);
	}

	@Test
	void theRefusalIsWordedInTheCallersLanguage() {
		HttpResponse<String> refused = as(this.host).speaking("en")
			.send("PUT", "/api/v1/stations/" + this.station, "application/json",
					mine().with("hostName", "Renamed host").toJson(), ifMatch(1));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(JsonPath.parse(refused.body()).read("$.detail", String.class))
			.contains("host name and host type are registered by its union");
	}

	@Test
	void aHostCannotChangeItsStationsStatus() {
		HttpCaller host = as(this.host);
		HttpResponse<String> suspended = host.send("POST", "/api/v1/stations/" + this.station + "/suspend",
				"application/json",
				"{\"reason\":\"装修\",\"expectedReopening\":\"" + LocalDate.now().plusMonths(1) + "\"}", ifMatch(1));
		HttpResponse<String> delisted = host.send("POST", "/api/v1/stations/" + this.station + "/delist",
				"application/json", "{\"reason\":\"CLOSED\"}", ifMatch(1));
		long draft = created(aStation().name("承建单位草稿驿站" + suffix()).with("hostName", this.hostName));
		HttpResponse<String> listed = host.send("POST", "/api/v1/stations/" + draft + "/list", "application/json", "{}",
				ifMatch(0));

		for (HttpResponse<String> refused : List.of(suspended, delisted, listed)) {
			assertThat(refused.statusCode()).as(refused.uri() + " " + refused.body()).isEqualTo(403);
			assertThat(JsonPath.parse(refused.body()).read("$.detail", String.class)).contains("上图、暂停、恢复或摘牌");
		}
		assertThat(JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body())
			.read("$.status", String.class)).isEqualTo("LISTED");
		assertThat(JsonPath.parse(this.admin.get("/api/v1/stations/" + draft).body()).read("$.status", String.class))
			.isEqualTo("DRAFT");
	}

	// ------------------------------------------------------------------ another host's
	// station

	@Test
	void anotherHostsStationDoesNotExistForTheHost() {
		HttpCaller host = as(this.host);
		String path = "/api/v1/stations/" + this.othersStation;

		assertThat(host.get(path).statusCode()).isEqualTo(404);
		assertThat(host.send("PUT", path, "application/json", mine().toJson(), ifMatch(1)).statusCode()).isEqualTo(404);
		assertThat(host.postFile(path + "/photos", "file", "p.jpg", TestImages.jpeg(64, 64), ifMatch(1)).statusCode())
			.isEqualTo(404);
		List<Integer> seen = JsonPath.read(host.get("/api/v1/stations?size=200&org=330106").body(), "$.content[*].id");
		assertThat(seen).contains((int) this.station).doesNotContain((int) this.othersStation);
		assertThat(JsonPath.parse(this.admin.get(path).body()).read("$.version", Long.class)).isEqualTo(1);
	}

	@Test
	void theDemoHostReachesItsBanksStationsOfXihuAndNoOthers() {
		HttpResponse<String> seen = HttpCaller.basic(this.port, "xihu-host", TestAccounts.DEMO_PASSWORD)
			.get("/api/v1/stations?size=200");

		assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
		List<String> hosts = JsonPath.read(seen.body(), "$.content[*].hostName");
		List<String> districts = JsonPath.read(seen.body(), "$.content[*].district");
		assertThat(hosts).as("the demo city's two 杭州银行 stations of 西湖区")
			.hasSizeGreaterThanOrEqualTo(2)
			.containsOnly("杭州银行");
		assertThat(districts).containsOnly("330106");
	}

	// ------------------------------------------------------------------ the console form

	@Test
	void theConsoleFormShowsAHostWhatTheUnionDecidesReadOnlyAndSavesItsHours() {
		HttpCaller console = HttpCaller.console(this.port, this.host, PASSWORD);

		HttpResponse<String> form = console.get("/console/stations/" + this.station + "/edit");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body())
			.doesNotContain("name=\"district\"", "name=\"hostName\"", "name=\"hostType\"", "name=\"level\"",
					"name=\"stars\"")
			.contains("id=\"union-decided\"", this.hostName, "西湖区", "级别和星级由工会评定")
			.contains("name=\"openingHours\"", "name=\"amenities\"", "name=\"description\"", "name=\"phone\"");

		Map<String, String> fields = formWithout("Mo-Sa 08:00-20:00");
		HttpResponse<String> saved = console.postForm("/console/stations/" + this.station + "/edit", fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		DocumentContext now = JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body());
		assertThat(now.read("$.openingHours", String.class)).isEqualTo("Mo-Sa 08:00-20:00");
		assertThat(now.read("$.hostName", String.class)).isEqualTo(this.hostName);
		assertThat(now.read("$.district", String.class)).isEqualTo("330106");
		assertThat(now.read("$.level", String.class)).isEqualTo("CITY");
	}

	@Test
	void theConsoleRefusesAHostNameSentAnywayAndSaysWhy() {
		HttpCaller console = HttpCaller.console(this.port, this.host, PASSWORD);
		Map<String, String> fields = formWithout("Mo-Sa 08:00-20:00");
		fields.put("hostName", "偷偷改名");

		HttpResponse<String> refused = console.postForm("/console/stations/" + this.station + "/edit", fields);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("承建单位名称和类型由工会登记");
		assertThat(
				JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body()).read("$.version", Long.class))
			.isEqualTo(1);
	}

	@Test
	void theStationPageOffersAHostEditingAndPhotosButNoLifecycleActions() {
		HttpResponse<String> page = HttpCaller.console(this.port, this.host, PASSWORD)
			.get("/console/stations/" + this.station);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"edit-station\"", "id=\"photo-file\"")
			.doesNotContain("id=\"station-lifecycle\"", "id=\"action-suspend\"", "id=\"action-delist\"");
	}

	// ------------------------------------------------------------------ helpers

	/** The host's own station as created, to change one field of. */
	private StationRequestBuilder mine() {
		return aStation().with("hostName", this.hostName);
	}

	/**
	 * The console form as the browser sends it to a host: the read-only fields are not in
	 * it.
	 */
	private Map<String, String> formWithout(String hours) {
		DocumentContext now = JsonPath.parse(this.admin.get("/api/v1/stations/" + this.station).body());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", now.read("$.name", String.class));
		form.put("address", now.read("$.address", String.class));
		form.put("lat", now.read("$.location.lat", Double.class).toString());
		form.put("lon", now.read("$.location.lon", Double.class).toString());
		form.put("crs", "wgs84");
		form.put("areaM2", "25");
		form.put("seats", "8");
		form.put("phone", now.read("$.phone", String.class));
		form.put("openingHours", hours);
		form.put("amenities", "DRINKING_WATER");
		form.put("version", now.read("$.version", Long.class).toString());
		return form;
	}

	private HttpCaller as(String username) {
		return HttpCaller.basic(this.port, username, PASSWORD);
	}

	private long created(StationRequestBuilder station) {
		return JsonPath
			.parse(HttpCaller
				.ok(this.admin.send("POST", "/api/v1/stations", "application/json", station.toJson(), null)))
			.read("$.id", Long.class);
	}

	private long listed(StationRequestBuilder station) {
		long id = created(station);
		HttpCaller
			.ok(this.admin.send("POST", "/api/v1/stations/" + id + "/list", "application/json", "{}", ifMatch(0)));
		return id;
	}

	private String account(String role, String extra) {
		String username = "host-" + role.toLowerCase().replace('_', '-') + "-" + suffix();
		String created = HttpCaller.ok(this.admin.send("POST", "/api/v1/accounts", "application/json",
				"{\"username\":\"" + username + "\",\"displayName\":\"自管测试\",\"organization\":\"330106\",\"roles\":[\""
						+ role + "\"]" + extra + "}",
				null));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		HttpCaller.ok(HttpCaller.basic(this.port, username, oneTime)
			.send("POST", "/api/v1/me/password", "application/json",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + PASSWORD + "\"}", null));
		return username;
	}

	private static Map<String, String> ifMatch(long version) {
		return Map.of("If-Match", "\"" + version + "\"");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
