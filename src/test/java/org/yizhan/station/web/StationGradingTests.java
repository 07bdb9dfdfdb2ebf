package org.yizhan.station.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.station.StationGrades;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.station.web.StationRequestBuilder.aStation;

/**
 * A station's level and stars change only through its union's decisions (issue 22, 8): a
 * station master graded their own station NATIONAL with 5 stars, which also undid a
 * silent-station downgrade. Nobody changes them by editing the station (403 in the API
 * and the console, whose form shows them read-only): union admins too take a grading
 * decision, applied through {@link StationGrades} (ADR 0025).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationGradingTests {

	private static final String PASSWORD = "Lanting-Xu-2046!";

	@LocalServerPort
	int port;

	@Autowired
	StationGrades grades;

	private HttpCaller admin;

	private long station;

	private String master;

	private String host;

	private String hostName;

	@BeforeEach
	void aStationWithItsMasterAndHost() {
		this.admin = HttpCaller.basic(this.port, "admin", "test-admin-secret");
		this.hostName = "评级测试承建单位" + UUID.randomUUID().toString().substring(0, 6);
		String created = ok(
				this.admin.send("POST", "/api/v1/stations", "application/json", theStation().toJson(), null), 201);
		this.station = JsonPath.parse(created).read("$.id", Long.class);
		ok(this.admin.send("POST", "/api/v1/stations/" + this.station + "/list", "application/json", "{}",
				Map.of("If-Match", "\"0\"")), 200);
		this.master = account("STATION_MASTER", ",\"stations\":[" + this.station + "]");
		this.host = account("HOST", ",\"hostName\":\"" + this.hostName + "\"");
	}

	@Test
	void aStationMasterCannotGradeTheirOwnStationInTheApi() {
		HttpCaller master = HttpCaller.basic(this.port, this.master, PASSWORD);

		HttpResponse<String> graded = master.send("PUT", "/api/v1/stations/" + this.station, "application/json",
				theStation().with("level", "NATIONAL").with("stars", 5).toJson(), Map.of("If-Match", "\"1\""));

		assertThat(graded.statusCode()).as(graded.body()).isEqualTo(403);
		assertThat(JsonPath.parse(graded.body()).read("$.detail", String.class)).contains("级别和星级只能由工会评定");
		assertGrade("CITY", 3, 1);

		HttpResponse<String> starsOnly = master.send("PUT", "/api/v1/stations/" + this.station, "application/json",
				theStation().with("stars", 4).toJson(), Map.of("If-Match", "\"1\""));
		assertThat(starsOnly.statusCode()).isEqualTo(403);

		HttpResponse<String> otherwise = master.send("PUT", "/api/v1/stations/" + this.station, "application/json",
				theStation().name("站长改名驿站").toJson(), Map.of("If-Match", "\"1\""));
		assertThat(otherwise.statusCode()).as("other details are still the master's").isEqualTo(200);
		assertGrade("CITY", 3, 2);
	}

	@Test
	void aHostCannotGradeItsStationEither() {
		HttpResponse<String> graded = HttpCaller.basic(this.port, this.host, PASSWORD)
			.send("PUT", "/api/v1/stations/" + this.station, "application/json",
					theStation().with("level", "NATIONAL").with("stars", 5).toJson(), Map.of("If-Match", "\"1\""));

		assertThat(graded.statusCode()).isEqualTo(403);
		assertGrade("CITY", 3, 1);
	}

	@Test
	void aUnionAdminCannotGradeThroughTheEditPathEitherButThroughAGradingDecision() {
		HttpResponse<String> graded = this.admin.send("PUT", "/api/v1/stations/" + this.station, "application/json",
				theStation().with("level", "PROVINCIAL").with("stars", 4).toJson(), Map.of("If-Match", "\"1\""));

		assertThat(graded.statusCode()).as(graded.body()).isEqualTo(403);
		assertThat(JsonPath.parse(graded.body()).read("$.detail", String.class)).contains("级别和星级只能由工会评定");
		assertGrade("CITY", 3, 1);

		ActingAsNationalAdmin.signIn();
		try {
			this.grades.apply(new StationId(this.station), StationLevel.PROVINCIAL, 4, "测试评定 2026-1");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertGrade("PROVINCIAL", 4, 2);
	}

	@Test
	void theConsoleFormShowsTheUnionAdminTheGradeReadOnlyAndRefusesOneSentAnyway() {
		HttpCaller console = HttpCaller.console(this.port, "admin", "test-admin-secret");
		HttpResponse<String> form = console.get("/console/stations/" + this.station + "/edit");

		assertThat(form.body()).doesNotContain("name=\"level\"", "name=\"stars\"")
			.contains("id=\"grade-readonly\"", "name=\"district\"", "name=\"hostName\"");

		Map<String, String> graded = formOf("管理员控制台评级");
		graded.put("district", "330106");
		graded.put("hostName", this.hostName);
		graded.put("hostType", "BANK");
		graded.put("level", "NATIONAL");
		graded.put("stars", "5");
		HttpResponse<String> refused = console.postForm("/console/stations/" + this.station + "/edit", graded);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("级别和星级只能由工会评定");
		assertGrade("CITY", 3, 1);
	}

	/** The station as created, for a revision to change one thing of. */
	private StationRequestBuilder theStation() {
		return aStation().with("hostName", this.hostName);
	}

	private Map<String, String> formOf(String name) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("address", "杭州市西湖区曙光路 1 号");
		// as the browser sends it to a station master: district, host and grade are shown
		// read-only, not sent
		form.put("lat", "30.2741");
		form.put("lon", "120.1551");
		form.put("crs", "wgs84");
		form.put("openingHours", "Mo-Fr 08:00-18:00");
		form.put("version", "1");
		return form;
	}

	private void assertGrade(String level, int stars, long version) {
		String now = ok(this.admin.get("/api/v1/stations/" + this.station), 200);
		assertThat(JsonPath.parse(now).read("$.level", String.class)).isEqualTo(level);
		assertThat(JsonPath.parse(now).read("$.stars", Integer.class)).isEqualTo(stars);
		assertThat(JsonPath.parse(now).read("$.version", Long.class)).isEqualTo(version);
	}

	private String account(String role, String extra) {
		String username = "grade-" + role.toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		String created = ok(this.admin.send("POST", "/api/v1/accounts", "application/json",
				"{\"username\":\"" + username + "\",\"displayName\":\"评级测试\",\"organization\":\"330106\",\"roles\":[\""
						+ role + "\"]" + extra + "}",
				null), 201);
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		ok(HttpCaller.basic(this.port, username, oneTime)
			.send("POST", "/api/v1/me/password", "application/json",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + PASSWORD + "\"}", null),
				204);
		return username;
	}

	private static String ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response.body();
	}

}
