package org.yizhan.operations.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits over real HTTP: check-ins counted once per phone and period, bad input answered
 * clearly and counted never, the tally bounded and audited, and a union's figures merging
 * check-ins and tallies per station and day. Each test counts in a district of its own in
 * Guangzhou, where no other test counts visits.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class VisitApiTests {

	/** 广州市越秀区 and 海珠区, under 广州市 (440100). */
	static final String YUEXIU = "440104";

	static final String HAIZHU = "440105";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	HttpCaller admin;

	HttpCaller worker;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		worker = HttpCaller.anonymous(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private HttpResponse<String> checkIn(String token, String device) {
		return worker.postJson("/api/v1/check-ins", "{\"token\":\"" + token + "\",\"deviceId\":\"" + device + "\"}");
	}

	private Station station(String district, String name) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name, "广州市测试路 1 号", district, 23.1291, 113.2644);
	}

	@Test
	void aPhoneCountsOncePerStationAndTwoHoursAndIsToldSoKindly() {
		Station station = station(YUEXIU, "越秀签到测试驿站");
		String token = tokens.issue(station.id());

		HttpResponse<String> first = checkIn(token, "api-test-phone-000001");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		DocumentContext counted = JsonPath.parse(first.body());
		assertThat(counted.read("$.counted", Boolean.class)).isTrue();
		assertThat(counted.read("$.stationCode", String.class)).isEqualTo(station.code().toString());

		clock.advance(Duration.ofMinutes(119));
		HttpResponse<String> again = checkIn(token, "api-test-phone-000001");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(again.body(), "$.counted")).isFalse();
		assertThat(JsonPath.<String>read(again.body(), "$.checkedInAt"))
			.isEqualTo(counted.read("$.checkedInAt", String.class));

		clock.advance(Duration.ofMinutes(1));
		assertThat(checkIn(token, "api-test-phone-000001").statusCode()).as("two hours later").isEqualTo(201);

		DocumentContext visits = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/stations/" + station.id().value()
				+ "/visits?from=" + LocalDate.now(clock) + "&to=" + LocalDate.now(clock))));
		assertThat(visits.read("$.checkIns", Long.class)).as("the repeat inside two hours counted once").isEqualTo(2);
		List<Integer> hours = visits.read("$.hours");
		assertThat(hours.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from visit_guard where station_id = :s")
			.param("s", station.id().value())
			.query(Long.class)
			.single()).as("one guard row per phone and station, no history of visits").isEqualTo(1);
	}

	@Test
	void badCheckInsAreRefusedNamingTheFieldAndCountNothing() {
		Station station = station(YUEXIU, "越秀拒绝测试驿站");
		String token = tokens.issue(station.id());
		char[] forged = token.toCharArray();
		// a character of the signature's middle: every bit of it counts
		int at = forged.length - 6;
		forged[at] = forged[at] == 'A' ? 'B' : 'A';

		HttpResponse<String> tampered = checkIn(new String(forged), "api-test-phone-000002");
		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(tampered.body(), "$.errors[0].field")).isEqualTo("token");
		assertThat(JsonPath.<String>read(tampered.body(), "$.errors[0].code")).isEqualTo("visit.token.forged");

		HttpResponse<String> noDevice = worker.postJson("/api/v1/check-ins", "{\"token\":\"" + token + "\"}");
		assertThat(noDevice.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(noDevice.body(), "$.errors[0].field")).isEqualTo("deviceId");

		HttpResponse<String> shortDevice = checkIn(token, "short");
		assertThat(JsonPath.<String>read(shortDevice.body(), "$.errors[0].code")).isEqualTo("visit.deviceId.invalid");

		ActingAsNationalAdmin.signIn();
		registry.suspend(station.id(), null, "装修", LocalDate.now(YizhanTime.ZONE).plusDays(10));
		HttpResponse<String> closed = checkIn(token, "api-test-phone-000002");
		assertThat(closed.statusCode()).isEqualTo(409);
		assertThat(closed.body()).contains("越秀拒绝测试驿站");

		assertThat(HttpCaller
			.ok(admin.get("/api/v1/stations/" + station.id().value() + "/visits?from=" + LocalDate.now(clock))))
			.contains("\"checkIns\":0");
	}

	@Test
	void aTallyOutsideZeroToFiveThousandOrInTheFutureIsRefusedAndEachChangeIsAudited() {
		Station station = station(YUEXIU, "越秀登记测试驿站");
		String base = "/api/v1/stations/" + station.id().value() + "/visits/";
		LocalDate today = LocalDate.now(clock);

		for (String bad : new String[] { "-1", "10000", "null" }) {
			HttpResponse<String> refused = admin.sendJson("PUT", base + today + "/tally", "{\"visits\":" + bad + "}");
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("visits");
		}
		HttpResponse<String> future = admin.sendJson("PUT", base + today.plusDays(1) + "/tally", "{\"visits\":3}");
		assertThat(JsonPath.<String>read(future.body(), "$.errors[0].field")).isEqualTo("day");
		HttpResponse<String> notADay = admin.sendJson("PUT", base + "yesterday/tally", "{\"visits\":3}");
		assertThat(JsonPath.<String>read(notADay.body(), "$.errors[0].field")).isEqualTo("day");

		HttpCaller.ok(admin.sendJson("PUT", base + today + "/tally", "{\"visits\":5000}"));
		DocumentContext corrected = JsonPath
			.parse(HttpCaller.ok(admin.sendJson("PUT", base + today + "/tally", "{\"visits\":12}")));
		assertThat(corrected.read("$.tally", Integer.class)).isEqualTo(12);
		assertThat(corrected.read("$.visits", Integer.class)).isEqualTo(12);
		assertThat(corrected.read("$.source", String.class)).isEqualTo("TALLY");

		List<String> audited = jdbc.sql(
				"select coalesce(before_summary, '') || ' -> ' || after_summary from audit_entry where action = 'visit.tally'"
						+ " and target_id = :code order by id")
			.param("code", station.code().toString())
			.query(String.class)
			.list();
		assertThat(audited).containsExactly(" -> day=" + today + "; tally=5000",
				"day=" + today + "; tally=5000 -> day=" + today + "; tally=12");
	}

	@Test
	void aUnionsFiguresMergeCheckInsAndTalliesPerStationAndDay() {
		Station scanned = station(HAIZHU, "海珠扫码测试驿站");
		Station tallied = station(HAIZHU, "海珠登记测试驿站");
		String token = tokens.issue(scanned.id());
		for (int i = 0; i < 3; i++) {
			assertThat(checkIn(token, "union-test-phone-00000" + i).statusCode()).isEqualTo(201);
		}
		LocalDate today = LocalDate.now(clock);
		// a tally below the check-ins changes nothing; above them it is the day's count
		HttpCaller.ok(admin.sendJson("PUT", "/api/v1/stations/" + scanned.id().value() + "/visits/" + today + "/tally",
				"{\"visits\":2}"));
		HttpCaller.ok(admin.sendJson("PUT", "/api/v1/stations/" + tallied.id().value() + "/visits/" + today + "/tally",
				"{\"visits\":40}"));

		DocumentContext district = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/visits?union=" + HAIZHU)));
		assertThat(district.read("$.total.visits", Long.class)).isEqualTo(43);
		assertThat(district.read("$.total.checkIns", Long.class)).isEqualTo(3);
		assertThat(district.read("$.total.stations", Long.class)).isEqualTo(2);
		assertThat(district.read("$.busiestStations[0].name", String.class)).isEqualTo("海珠登记测试驿站");
		assertThat(district.read("$.days[-1].total.visits", Long.class)).isEqualTo(43);

		DocumentContext city = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/visits?union=440100")));
		List<Integer> haizhu = city.read("$.children[?(@.code == '" + HAIZHU + "')].total.visits");
		assertThat(haizhu).containsExactly(43);

		HttpResponse<String> reversed = admin
			.get("/api/v1/visits?union=" + HAIZHU + "&from=" + today + "&to=" + today.minusDays(1));
		assertThat(JsonPath.<String>read(reversed.body(), "$.errors[0].field")).isEqualTo("from");
		HttpResponse<String> tooLong = admin
			.get("/api/v1/visits?union=" + HAIZHU + "&from=" + today.minusYears(2) + "&to=" + today);
		assertThat(JsonPath.<String>read(tooLong.body(), "$.errors[0].field")).isEqualTo("to");
	}

}
