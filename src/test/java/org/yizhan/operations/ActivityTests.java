package org.yizhan.operations;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities over real HTTP (issue 17, item 4): a union publishes one at stations of its
 * subtree, bad input refused naming the field; the station's public page and the public
 * list near a worker show it; each station's attendance is counted from its first day. At
 * stations of their own in 广州市黄埔区, away from every other test's.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityTests {

	/** 广州市黄埔区 and, outside it, 番禺区. */
	static final String HUANGPU = "440112";

	static final String PANYU = "440113";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	HttpCaller admin;

	HttpCaller worker;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		worker = HttpCaller.anonymous(port);
	}

	private Station station(String district, String name, double lat, double lon) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name, "广州市测试路 9 号", district, lat, lon);
	}

	private static String body(String union, String title, LocalDate from, LocalDate to, Station... stations) {
		StringBuilder codes = new StringBuilder();
		for (Station s : stations) {
			codes.append(codes.isEmpty() ? "" : ",").append('"').append(s.code()).append('"');
		}
		return "{\"union\":\"" + union + "\",\"kind\":\"COOLING\",\"title\":\"" + title + "\",\"startsOn\":\"" + from
				+ "\",\"endsOn\":\"" + to + "\",\"stations\":[" + codes + "]}";
	}

	@Test
	void aUnionsActivityShowsOnItsStationsPagesAndNearAWorkerAndCountsAttendance() {
		Station near = station(HUANGPU, "黄埔活动测试驿站甲", 23.1060, 113.4590);
		Station other = station(HUANGPU, "黄埔活动测试驿站乙", 23.1080, 113.4610);
		LocalDate today = LocalDate.now(YizhanTime.ZONE);

		HttpResponse<String> published = admin.postJson("/api/v1/activities",
				body(HUANGPU, "黄埔夏日送清凉", today, today.plusDays(5), near, other));
		assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
		long id = JsonPath.parse(published.body()).read("$.id", Long.class);
		HttpCaller.ok(admin.postJson("/api/v1/activities",
				body(HUANGPU, "黄埔下月法律咨询", today.plusDays(20), today.plusDays(20), near)));

		String page = HttpCaller.ok(worker.get("/stations/" + near.id().value()));
		assertThat(page).contains("station-activities").contains("黄埔夏日送清凉").contains("黄埔下月法律咨询").contains("送清凉");
		assertThat(HttpCaller.ok(worker.speaking("en").get("/stations/" + near.id().value())))
			.contains("Summer cooling");

		DocumentContext list = JsonPath
			.parse(HttpCaller.ok(worker.get("/api/v1/activities/nearby?lat=23.1060&lon=113.4590&radius=1000")));
		List<String> titles = list.read("$[*].title");
		assertThat(titles).containsSubsequence("黄埔夏日送清凉", "黄埔夏日送清凉", "黄埔下月法律咨询");
		assertThat(list.read("$[0].stationCode", String.class)).as("soonest, then nearest")
			.isEqualTo(near.code().toString());

		String attendance = "/api/v1/activities/" + id + "/stations/" + near.id().value() + "/attendance";
		assertThat(JsonPath.<Integer>read(HttpCaller.ok(admin.sendJson("PUT", attendance, "{\"attendance\":35}")),
				"$.attendance"))
			.isEqualTo(35);
		HttpCaller.ok(admin.sendJson("PUT",
				"/api/v1/activities/" + id + "/stations/" + other.id().value() + "/attendance", "{\"attendance\":12}"));
		HttpResponse<String> tooMany = admin.sendJson("PUT", attendance, "{\"attendance\":5001}");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(tooMany.body(), "$.errors[0].field")).isEqualTo("attendance");

		String activities = HttpCaller.ok(admin.get("/api/v1/activities?union=" + HUANGPU));
		assertThat(JsonPath.<List<Integer>>read(activities, "$[?(@.id == " + id + ")].stations[*].attendance"))
			.containsExactlyInAnyOrder(35, 12);
	}

	@Test
	void badActivitiesAreRefusedNamingTheFieldAndNothingIsPublished() {
		Station inside = station(HUANGPU, "黄埔活动拒绝测试驿站", 23.1100, 113.4700);
		Station outside = station(PANYU, "番禺活动拒绝测试驿站", 22.9380, 113.3840);
		LocalDate today = LocalDate.now(YizhanTime.ZONE);

		HttpResponse<String> past = admin.postJson("/api/v1/activities",
				body(HUANGPU, "过去的活动", today.minusDays(1), today, inside));
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(past.body(), "$.errors[0].field")).isEqualTo("startsOn");

		HttpResponse<String> reversed = admin.postJson("/api/v1/activities",
				body(HUANGPU, "颠倒的活动", today.plusDays(3), today.plusDays(1), inside));
		assertThat(JsonPath.<String>read(reversed.body(), "$.errors[0].field")).isEqualTo("endsOn");

		HttpResponse<String> foreign = admin.postJson("/api/v1/activities",
				body(HUANGPU, "越界的活动", today, today, inside, outside));
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(foreign.body(), "$.errors[0].field")).isEqualTo("stations");
		assertThat(foreign.body()).contains(outside.code().toString());

		HttpResponse<String> future = admin.postJson("/api/v1/activities",
				body(HUANGPU, "将来的体检", today.plusDays(7), today.plusDays(7), inside));
		long id = JsonPath.parse(HttpCaller.ok(future)).read("$.id", Long.class);
		HttpResponse<String> early = admin.sendJson("PUT",
				"/api/v1/activities/" + id + "/stations/" + inside.id().value() + "/attendance", "{\"attendance\":3}");
		assertThat(early.statusCode()).as("no attendance before the first day").isEqualTo(400);
		HttpResponse<String> elsewhere = admin.sendJson("PUT",
				"/api/v1/activities/" + id + "/stations/" + outside.id().value() + "/attendance", "{\"attendance\":3}");
		assertThat(elsewhere.statusCode()).isEqualTo(404);

		assertThat(HttpCaller.ok(worker.get("/stations/" + inside.id().value()))).contains("将来的体检")
			.doesNotContain("过去的活动")
			.doesNotContain("越界的活动");
	}

}
