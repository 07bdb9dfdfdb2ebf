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

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supplies and medicine over real HTTP: bad items refused naming the field (a medicine
 * without an expiry date, one already expired, a quantity out of range), more used than
 * there is refused, and the warning list of what expires within N days, is out or is low,
 * moving with the clock. Each test works in a district of Shenzhen where no other test
 * keeps supplies.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class SupplyApiTests {

	/** 深圳市罗湖区 and 福田区. */
	static final String LUOHU = "440303";

	static final String FUTIAN = "440304";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	MutableClock clock;

	HttpCaller admin;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Station station(String district, String name) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name, "深圳市测试路 1 号", district, 22.5484, 114.1316);
	}

	private HttpResponse<String> add(Station station, String json) {
		return admin.postJson("/api/v1/stations/" + station.id().value() + "/supplies", json);
	}

	private static String item(String category, String name, int quantity, int threshold, LocalDate expires) {
		return "{\"category\":\"" + category + "\",\"name\":\"" + name + "\",\"unit\":\"盒\",\"quantity\":" + quantity
				+ ",\"threshold\":" + threshold + (expires == null ? "" : ",\"expiresOn\":\"" + expires + "\"") + "}";
	}

	private static String field(HttpResponse<String> answer) {
		return JsonPath.read(answer.body(), "$.errors[0].field");
	}

	@Test
	void badItemsAndMovementsAreRefusedNamingTheField() {
		Station station = station(LUOHU, "罗湖物资测试驿站");
		LocalDate today = LocalDate.now(clock);

		HttpResponse<String> noExpiry = add(station, item("MEDICINE", "创可贴", 20, 5, null));
		assertThat(noExpiry.statusCode()).isEqualTo(400);
		assertThat(field(noExpiry)).isEqualTo("expiresOn");
		HttpResponse<String> expired = add(station, item("MEDICINE", "创可贴", 20, 5, today.minusDays(1)));
		assertThat(JsonPath.<String>read(expired.body(), "$.errors[0].code")).isEqualTo("supply.expiresOn.past");
		assertThat(field(add(station, item("WATER", "矿泉水", -1, 5, null)))).isEqualTo("quantity");
		assertThat(field(add(station, item("WATER", "矿泉水", 100_001, 5, null)))).isEqualTo("quantity");
		assertThat(field(add(station, item("FOOD", "矿泉水", 1, 5, null)))).isEqualTo("category");
		assertThat(field(add(station, item("WATER", " ", 1, 5, null)))).isEqualTo("name");

		DocumentContext water = JsonPath.parse(HttpCaller.ok(add(station, item("WATER", "矿泉水", 24, 10, null))));
		assertThat(add(station, item("WATER", "矿泉水", 1, 1, null)).statusCode()).as("the same name again")
			.isEqualTo(409);
		long id = water.read("$.id", Long.class);
		HttpResponse<String> tooMuch = admin.postJson("/api/v1/supplies/" + id + "/movements",
				"{\"kind\":\"USED\",\"quantity\":25}");
		assertThat(tooMuch.statusCode()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("矿泉水");
		HttpResponse<String> expiryOnUse = admin.postJson("/api/v1/supplies/" + id + "/movements",
				"{\"kind\":\"USED\",\"quantity\":1,\"expiresOn\":\"" + today.plusDays(9) + "\"}");
		assertThat(field(expiryOnUse)).isEqualTo("expiresOn");
		assertThat(HttpCaller.ok(admin.get("/api/v1/stations/" + station.id().value() + "/supplies")))
			.contains("\"quantity\":24");
	}

	@Test
	void theWarningListShowsWhatExpiresWithinTheDaysWhatIsOutAndWhatIsLow() {
		Station station = station(FUTIAN, "福田物资测试驿站");
		LocalDate today = LocalDate.now(clock);
		HttpCaller.ok(add(station, item("MEDICINE", "碘伏", 3, 1, today.plusDays(20))));
		HttpCaller.ok(add(station, item("MEDICINE", "藿香正气水", 10, 2, today.plusDays(200))));
		long water = JsonPath.parse(HttpCaller.ok(add(station, item("WATER", "矿泉水", 12, 10, null))))
			.read("$.id", Long.class);
		HttpCaller.ok(admin.postJson("/api/v1/supplies/" + water + "/movements", "{\"kind\":\"USED\",\"quantity\":4}"));
		long masks = JsonPath.parse(HttpCaller.ok(add(station, item("SEASONAL", "口罩", 5, 0, null))))
			.read("$.id", Long.class);
		HttpCaller.ok(admin.postJson("/api/v1/supplies/" + masks + "/movements", "{\"kind\":\"USED\",\"quantity\":5}"));

		List<String> within30 = JsonPath.read(HttpCaller.ok(admin.get("/api/v1/supplies/warnings?union=" + FUTIAN)),
				"$[*].item.name");
		assertThat(within30).containsExactly("碘伏", "口罩", "矿泉水");
		List<String> within10 = JsonPath
			.read(HttpCaller.ok(admin.get("/api/v1/supplies/warnings?union=" + FUTIAN + "&days=10")), "$[*].item.name");
		assertThat(within10).containsExactly("口罩", "矿泉水");

		clock.advance(Duration.ofDays(21));
		DocumentContext later = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/supplies/warnings?union=" + FUTIAN + "&days=10")));
		assertThat(later.read("$[0].item.name", String.class)).isEqualTo("碘伏");
		assertThat(later.read("$[0].expired", Boolean.class)).isTrue();
		assertThat(later.read("$[?(@.item.name == '口罩')].out", List.class)).containsExactly(true);
		assertThat(later.read("$[?(@.item.name == '矿泉水')].low", List.class)).containsExactly(true);

		assertThat(admin.get("/api/v1/supplies/warnings?union=" + FUTIAN + "&days=366").statusCode()).isEqualTo(400);
		DocumentContext used = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/supplies/used?union=" + FUTIAN)));
		assertThat(used.read("$.WATER", Long.class)).isEqualTo(4);
		assertThat(used.read("$.SEASONAL", Long.class)).isEqualTo(5);
		assertThat(used.read("$.MEDICINE", Long.class)).isZero();
	}

}
