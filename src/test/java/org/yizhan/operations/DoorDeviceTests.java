package org.yizhan.operations;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.finder.StationFinder;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smart stations' door devices over real HTTP (issue 17, item 2): a device's signed
 * entries counted once and every bad request (unsigned, unknown device, late, wrongly
 * signed, replayed) refused with a clear answer and nothing counted; an ID card's number
 * never stored and its hash erased after 180 days; a device silent past its interval
 * flips the finder's "unattended entry available now" off and opens exactly one case, and
 * its return flips it back; a worker's entry code checked offline. Each test works at
 * stations of its own in 广州市白云区, where no other test counts visits; the clock is moved by
 * hand, never waited for.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class DoorDeviceTests {

	/** 广州市白云区. */
	static final String BAIYUN = "440111";

	/** A valid ID card number (check character computed by GB 11643). */
	static final String CARD = "11010519491231002X";

	private static final AtomicInteger nonces = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	StationFinder finder;

	@Autowired
	DoorJobs jobs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	HttpCaller admin;

	HttpCaller device;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		device = HttpCaller.anonymous(port);
		// stopped, so that a timestamp 301 s ahead stays outside the window however slow
		// the machine is
		clock.set(java.time.Instant.now());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A listed station with ID-card entry around the clock, so "available now" is on. */
	private Station smartStation(String name, double lat, double lon) {
		ActingAsNationalAdmin.signIn();
		Station draft = registry.create(new StationInput(name, "广州市白云区测试路 1 号", BAIYUN, "测试单位", "OTHER", lat, lon,
				"wgs84", null, null, List.of(), "Mo-Su 08:00-18:00", "ID_CARD", "24/7", false, null, null, null, null));
		return registry.list(draft.id(), null);
	}

	private record Registered(long id, String secret) {
	}

	private Registered register(Station station, String name, int heartbeatSeconds) {
		DocumentContext created = JsonPath
			.parse(HttpCaller.ok(admin.postJson("/api/v1/stations/" + station.id().value() + "/door-devices",
					"{\"name\":\"" + name + "\",\"heartbeatSeconds\":" + heartbeatSeconds + "}")));
		return new Registered(created.read("$.device.id", Long.class), created.read("$.secret", String.class));
	}

	private static String nonce() {
		return "test-nonce-" + System.nanoTime() + "-" + nonces.incrementAndGet();
	}

	private HttpResponse<String> signed(Registered door, String path, String body, long timestamp, String nonce,
			String secret) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new HashMap<>();
		headers.put(DoorSignature.DEVICE_HEADER, String.valueOf(door.id()));
		headers.put(DoorSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
		headers.put(DoorSignature.NONCE_HEADER, nonce);
		headers.put(DoorSignature.SIGNATURE_HEADER, DoorSignature.sign(secret, "POST", path, timestamp, nonce, bytes));
		return device.send("POST", path, "application/json", bytes, headers);
	}

	private HttpResponse<String> entry(Registered door, String body) {
		return signed(door, "/api/v1/door/entries", body, clock.instant().getEpochSecond(), nonce(), door.secret());
	}

	private int doorEntries(Station station) {
		return jdbc.sql("select coalesce(sum(door_entries), 0) from visit_day where station_id = :s")
			.param("s", station.id().value())
			.query(Integer.class)
			.single();
	}

	@Test
	void aSignedEntryCountsOnceAndEveryBadRequestIsRefusedClearlyCountingNothing() {
		Station station = smartStation("白云门禁签名测试驿站", 23.2500, 113.3000);
		Registered door = register(station, "东门", 60);
		long now = clock.instant().getEpochSecond();
		String body = "{\"method\":\"FACE\"}";
		String nonce = nonce();

		HttpResponse<String> counted = signed(door, "/api/v1/door/entries", body, now, nonce, door.secret());
		assertThat(counted.statusCode()).as(counted.body()).isEqualTo(201);
		assertThat(JsonPath.<Boolean>read(counted.body(), "$.counted")).isTrue();

		HttpResponse<String> replayed = signed(door, "/api/v1/door/entries", body, now, nonce, door.secret());
		assertThat(replayed.statusCode()).isEqualTo(409);
		assertThat(replayed.body()).contains("door-replayed").contains("已经收到过");

		HttpResponse<String> unsigned = device.postJson("/api/v1/door/entries", body);
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(unsigned.body()).contains("door-unsigned").contains("X-Door-Signature");

		HttpResponse<String> forged = signed(door, "/api/v1/door/entries", body, now, nonce(),
				door.secret().substring(1) + "A");
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.body()).contains("door-bad-signature");

		// the body changed after signing: the signature covers it
		Map<String, String> headers = new HashMap<>();
		String tamperedNonce = nonce();
		headers.put(DoorSignature.DEVICE_HEADER, String.valueOf(door.id()));
		headers.put(DoorSignature.TIMESTAMP_HEADER, String.valueOf(now));
		headers.put(DoorSignature.NONCE_HEADER, tamperedNonce);
		headers.put(DoorSignature.SIGNATURE_HEADER, DoorSignature.sign(door.secret(), "POST", "/api/v1/door/entries",
				now, tamperedNonce, body.getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> tampered = device.send("POST", "/api/v1/door/entries", "application/json",
				"{\"method\":\"QR\"}".getBytes(StandardCharsets.UTF_8), headers);
		assertThat(tampered.statusCode()).isEqualTo(401);

		HttpResponse<String> late = signed(door, "/api/v1/door/entries", body, now - 301, nonce(), door.secret());
		assertThat(late.statusCode()).isEqualTo(401);
		assertThat(late.body()).contains("door-late").contains("5 分钟");
		HttpResponse<String> early = signed(door, "/api/v1/door/entries", body, now + 301, nonce(), door.secret());
		assertThat(early.statusCode()).isEqualTo(401);

		Registered unknown = new Registered(door.id() + 1_000_000, door.secret());
		HttpResponse<String> stranger = signed(unknown, "/api/v1/door/entries", body, now, nonce(), door.secret());
		assertThat(stranger.statusCode()).isEqualTo(401);
		assertThat(stranger.body()).contains("door-unknown-device");

		HttpResponse<String> english = device.speaking("en")
			.send("POST", "/api/v1/door/heartbeats", "application/json", new byte[0], Map.of());
		assertThat(english.statusCode()).isEqualTo(401);
		assertThat(english.body()).contains("The request is not signed");

		HttpResponse<String> badMethod = entry(door, "{\"method\":\"KEY\"}");
		assertThat(badMethod.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(badMethod.body(), "$.errors[0].field")).isEqualTo("method");

		assertThat(doorEntries(station)).as("only the first, properly signed entry counted").isEqualTo(1);
	}

	@Test
	void anIdCardIsKeptOnlyAsAKeyedHashCountsOncePerPeriodAndIsErasedAfter180Days() {
		Station station = smartStation("白云门禁身份证测试驿站", 23.2510, 113.3010);
		Registered door = register(station, "北门", 60);

		HttpResponse<String> first = entry(door, "{\"method\":\"ID_CARD\",\"card\":\"" + CARD.toLowerCase() + "\"}");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		clock.advance(Duration.ofMinutes(30));
		HttpResponse<String> again = entry(door, "{\"method\":\"ID_CARD\",\"card\":\"" + CARD + "\"}");
		assertThat(again.statusCode()).as("the same card within two hours").isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(again.body(), "$.counted")).isFalse();
		HttpResponse<String> wrongCheck = entry(door, "{\"method\":\"ID_CARD\",\"card\":\"110105194912310021\"}");
		assertThat(wrongCheck.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(wrongCheck.body(), "$.errors[0].field")).isEqualTo("card");
		assertThat(doorEntries(station)).isEqualTo(1);

		List<String> rows = jdbc.sql("select t::text from door_entry t where station_id = :s")
			.param("s", station.id().value())
			.query(String.class)
			.list();
		assertThat(rows).hasSize(2).noneMatch(row -> row.contains(CARD) || row.contains(CARD.substring(6, 14)));
		assertThat(jdbc.sql("select count(*) from audit_entry where coalesce(after_summary, '') like :n")
			.param("n", "%" + CARD.substring(0, 14) + "%")
			.query(Long.class)
			.single()).isZero();
		byte[] hash = jdbc.sql("select card_hash from door_entry where station_id = :s limit 1")
			.param("s", station.id().value())
			.query(byte[].class)
			.single();
		assertThat(hash).hasSize(16);
		assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(CARD.substring(0, 6));

		clock.advance(Duration.ofDays(181));
		assertThat(jobs.eraseCardHashes()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select count(card_hash) from door_entry where station_id = :s")
			.param("s", station.id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(jobs.eraseCardHashes()).as("a second run changes nothing").isZero();
	}

	@Test
	void aSilentDeviceTurnsSelfServiceEntryOffInTheFinderOpensOneCaseAndItsReturnTurnsItBackOn() {
		Station station = smartStation("白云门禁心跳测试驿站", 23.2520, 113.3020);
		long id = station.id().value();
		Registered door = register(station, "南门", 60);
		assertThat(HttpCaller.ok(device.get("/stations/" + id))).doesNotContain("entry-out-of-order");
		assertThat(finder.entryOutOfOrder(finder.findById(id).orElseThrow())).isFalse();

		clock.advance(Duration.ofSeconds(59));
		jobs.watch();
		assertThat(finder.entryOutOfOrder(finder.findById(id).orElseThrow())).as("inside its interval").isFalse();

		clock.advance(Duration.ofSeconds(2));
		jobs.watch();
		jobs.watch();
		assertThat(finder.entryOutOfOrder(finder.findById(id).orElseThrow())).isTrue();
		String page = HttpCaller.ok(device.get("/stations/" + id));
		assertThat(page).contains("entry-out-of-order").contains("门禁设备暂时失联");
		String nearby = HttpCaller.ok(device.get("/api/v1/stations/nearby?lat=23.2520&lon=113.3020&limit=50"));
		assertThat(JsonPath.<List<Boolean>>read(nearby, "$.stations[?(@.id == " + id + ")].entry.unattendedNow"))
			.containsExactly(false);
		List<Map<String, Object>> cases = jdbc.sql("select number, source from problem_ticket where station_id = :s")
			.param("s", id)
			.query((rs, n) -> Map.<String, Object>of("number", rs.getString(1), "source", rs.getString(2)))
			.list();
		assertThat(cases).as("one case, however often the watch runs").hasSize(1);
		assertThat(cases.get(0)).containsEntry("source", "DEVICE");
		assertThat(HttpCaller.ok(admin.get("/api/v1/stations/" + id + "/door-devices"))).contains("\"SILENT\"")
			.contains((String) cases.get(0).get("number"));

		HttpResponse<String> back = signed(door, "/api/v1/door/heartbeats", "", clock.instant().getEpochSecond(),
				nonce(), door.secret());
		assertThat(back.statusCode()).as(back.body()).isEqualTo(204);
		assertThat(finder.entryOutOfOrder(finder.findById(id).orElseThrow())).isFalse();
		nearby = HttpCaller.ok(device.get("/api/v1/stations/nearby?lat=23.2520&lon=113.3020&limit=50"));
		assertThat(JsonPath.<List<Boolean>>read(nearby, "$.stations[?(@.id == " + id + ")].entry.unattendedNow"))
			.containsExactly(true);
		jobs.watch();
		assertThat(jdbc.sql("select count(*) from problem_ticket where station_id = :s")
			.param("s", id)
			.query(Long.class)
			.single()).as("no second case while it calls in").isEqualTo(1);
	}

	@Test
	void doorEntriesAreTheThirdSourceOfTheDaysVisits() {
		Station station = smartStation("白云门禁人次测试驿站", 23.2530, 113.3030);
		Registered door = register(station, "西门", 60);
		for (int i = 0; i < 3; i++) {
			assertThat(entry(door, "{\"method\":\"QR\"}").statusCode()).isEqualTo(201);
		}
		LocalDate today = LocalDate.now(clock.withZone(YizhanTime.ZONE));
		HttpCaller.ok(admin.sendJson("PUT", "/api/v1/stations/" + station.id().value() + "/visits/" + today + "/tally",
				"{\"visits\":4}"));
		DocumentContext visits = JsonPath.parse(HttpCaller
			.ok(admin.get("/api/v1/stations/" + station.id().value() + "/visits?from=" + today + "&to=" + today)));
		assertThat(visits.read("$.days[0].doorEntries", Integer.class)).isEqualTo(3);
		assertThat(visits.read("$.days[0].visits", Integer.class)).as("staffed tally plus unattended doors")
			.isEqualTo(7);
		assertThat(visits.read("$.days[0].source", String.class)).isEqualTo("TALLY_AND_DOORS");
	}

	@Test
	void aWorkersEntryCodeOpensItsDoorOnceWithoutANetwork() {
		Station station = smartStation("白云门禁扫码测试驿站", 23.2540, 113.3040);
		Registered door = register(station, "正门", 60);
		String body = HttpCaller
			.ok(device.postJson("/api/v1/door/entry-codes", "{\"token\":\"" + tokens.issue(station.id()) + "\"}"));
		String code = JsonPath.<List<String>>read(body, "$[?(@.deviceId == " + door.id() + ")].code").get(0);

		EntryCodeVerifier controller = new EntryCodeVerifier(station.id().value(), door.id(), door.secret());
		assertThat(controller.verify(code, clock.instant())).isEqualTo(EntryCodeVerifier.Result.VALID);
		assertThat(controller.verify(code, clock.instant())).isEqualTo(EntryCodeVerifier.Result.REPLAYED);
		assertThat(
				new EntryCodeVerifier(station.id().value(), door.id() + 1, door.secret()).verify(code, clock.instant()))
			.isEqualTo(EntryCodeVerifier.Result.OTHER_DOOR);
		assertThat(new EntryCodeVerifier(station.id().value(), door.id(), door.secret()).verify(code,
				clock.instant().plusSeconds(EntryCodes.LIFETIME_SECONDS + 1)))
			.isEqualTo(EntryCodeVerifier.Result.EXPIRED);

		HttpResponse<String> forged = device.postJson("/api/v1/door/entry-codes", "{\"token\":\"nonsense\"}");
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(forged.body(), "$.errors[0].field")).isEqualTo("token");
	}

	@Test
	void theConsoleShowsANewDevicesSecretOnceAndNeverAgain() {
		Station station = smartStation("白云门禁页面测试驿站", 23.2550, 113.3050);
		HttpCaller console = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String path = "/console/stations/" + station.id().value() + "/doors";

		HttpResponse<String> created = console.postForm(path, Map.of("name", "侧门", "heartbeatSeconds", "120"));
		assertThat(created.statusCode()).isEqualTo(200);
		String secret = created.body().replaceAll("(?s).*id=\"door-secret-value\"[^>]*>([^<]+)<.*", "$1");
		assertThat(secret).hasSize(43);
		assertThat(HttpCaller.ok(console.get(path))).contains("侧门").doesNotContain(secret);
		assertThat(HttpCaller.ok(console.get("/console/doors"))).contains("白云门禁页面测试驿站");

		HttpResponse<String> twice = console.postForm(path, Map.of("name", "侧门", "heartbeatSeconds", "120"));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("已经有名为“侧门”");
		HttpResponse<String> tooOften = console.postForm(path, Map.of("name", "后门", "heartbeatSeconds", "5"));
		assertThat(tooOften.statusCode()).isEqualTo(400);
		assertThat(tooOften.body()).contains("心跳间隔是 30–");
	}

}
