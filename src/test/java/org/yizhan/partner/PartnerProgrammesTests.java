package org.yizhan.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yizhan.support.HttpCaller.ok;

/**
 * A partner beside the union tree: the city union registers 饿了么 for its programme, brands
 * it and brings a station in; the partner's own account and its API key then reach that
 * programme and nothing else (another partner's programme is not found, the registry's
 * stations stay out of sight); the finder's station page shows the brand; the district
 * union that supervises the station takes its running over, its history kept, and a union
 * that does not supervise it cannot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class PartnerProgrammesTests {

	static final AtomicInteger serial = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	/** A partner, a programme of the city union with it, and a station of 西湖区 in it. */
	record Setup(long partner, long programme, Station station) {
	}

	Setup partnerProgramme(HttpCaller cityAdmin, String partnerName) {
		int n = serial.incrementAndGet();
		long partner = JsonPath
			.parse(ok(cityAdmin.postJson("/api/v1/partners",
					"{\"name\":\"" + partnerName + "\",\"kind\":\"PLATFORM\",\"union\":\"330100\"}")))
			.read("$.id", Long.class);
		long programme = JsonPath.parse(ok(cityAdmin.postJson("/api/v1/programmes",
				"{\"name\":\"合作计划" + n + "-" + System.nanoTime() + "\",\"union\":\"330100\",\"targetCount\":100,"
						+ "\"startsOn\":\"" + LocalDate.now().minusMonths(1) + "\",\"endsOn\":\""
						+ LocalDate.now().plusMonths(11) + "\"}")))
			.read("$.id", Long.class);
		ok(cityAdmin.sendJson("PUT", "/api/v1/partner-programmes/" + programme + "/partners/" + partner, "{}"));
		Station station = TestStations.listed(this.registry, "合作驿站" + n, "西湖区合作路" + n + "号", "330106",
				30.27 + n * 0.001, 120.12, "TOILET");
		ok(cityAdmin.postJson("/api/v1/partner-programmes/" + programme + "/stations",
				"{\"stationId\":" + station.id().value() + "}"));
		return new Setup(partner, programme, station);
	}

	long partnerAccount(HttpCaller cityAdmin, String username, String role, long partner) {
		String created = ok(cityAdmin.postJson("/api/v1/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"合作方 " + role + "\",\"organization\":\"330100\",\"roles\":[\"" + role + "\"]}"));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		ok(HttpCaller.basic(this.port, username, oneTime)
			.postJson("/api/v1/me/password",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"));
		long id = JsonPath.parse(created).read("$.account.id", Long.class);
		ok(cityAdmin.postJson("/api/v1/partners/" + partner + "/accounts", "{\"accountId\":" + id + "}"));
		return id;
	}

	@Test
	void aPartnerReachesItsOwnProgrammeOnlyAndTheUnionTakesTheRunningOver() {
		HttpCaller cityAdmin = HttpCaller.basic(this.port, "hangzhou-admin", TestAccounts.DEMO_PASSWORD);
		String suffix = String.valueOf(System.nanoTime());
		Setup eleme = partnerProgramme(cityAdmin, "饿了么" + suffix);
		Setup other = partnerProgramme(cityAdmin, "另一平台" + suffix);
		ok(cityAdmin.sendJson("PUT", "/api/v1/partner-programmes/" + eleme.programme() + "/brand",
				"{\"brandName\":\"一平米温暖爱心驿站\",\"signText\":\"饿了么一平米温暖爱心驿站\"}"));

		// the partner's admin, bound to 饿了么, sees it and its programme only
		String username = "eleme-admin-" + suffix;
		partnerAccount(cityAdmin, username, "PARTNER_ADMIN", eleme.partner());
		HttpCaller partnerAdmin = HttpCaller.basic(this.port, username, TestAccounts.PASSWORD);
		List<Integer> partners = JsonPath.read(ok(partnerAdmin.get("/api/v1/partners")), "$[*].id");
		assertThat(partners).containsExactly((int) eleme.partner());
		assertThat(partnerAdmin.get("/api/v1/partners/" + other.partner()).statusCode()).isEqualTo(404);
		List<Integer> programmes = JsonPath.read(ok(partnerAdmin.get("/api/v1/partner-programmes")), "$[*].id");
		assertThat(programmes).containsExactly((int) eleme.programme());
		String stations = ok(partnerAdmin.get("/api/v1/partner-programmes/" + eleme.programme() + "/stations"));
		assertThat(JsonPath.<List<String>>read(stations, "$[*].code")).containsExactly(eleme.station().code().value());
		assertThat(JsonPath.<String>read(stations, "$[0].runBy")).isEqualTo("PARTNER");
		assertThat(partnerAdmin.get("/api/v1/partner-programmes/" + other.programme() + "/stations").statusCode())
			.isEqualTo(404);
		assertThat(partnerAdmin.get("/api/v1/partner-programmes/" + other.programme() + "/figures").statusCode())
			.isEqualTo(404);
		// the registry itself shows a partner's account nothing, as any account not union
		// staff
		HttpResponse<String> registry = partnerAdmin.get("/api/v1/stations/" + eleme.station().id().value());
		assertThat(registry.statusCode()).isIn(403, 404);
		// on the console it lands on the partners page, which shows its own partner only
		HttpCaller console = HttpCaller.console(this.port, username, TestAccounts.PASSWORD);
		assertThat(console.get("/console").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/console/partners"));
		assertThat(ok(console.get("/console/partners"))).contains("饿了么" + suffix).doesNotContain("另一平台" + suffix);
		// managing programmes is the union's
		assertThat(partnerAdmin
			.postJson("/api/v1/partner-programmes/" + eleme.programme() + "/stations/" + eleme.station().id().value()
					+ "/hand-over", "{}")
			.statusCode()).isEqualTo(403);

		// its API key reads the same programme and nothing else
		String created = ok(
				partnerAdmin.postJson("/api/v1/partners/" + eleme.partner() + "/api-keys", "{\"label\":\"骑手 App\"}"));
		String secret = JsonPath.read(created, "$.secret");
		assertThat(secret).startsWith(PartnerKeys.PREFIX);
		assertThat(this.jdbc.sql("select count(*) from partner_api_key where key_hash = :hash")
			.param("hash", PartnerKeys.hash(secret))
			.query(Long.class)
			.single()).as("only the digest is kept").isEqualTo(1);
		HttpCaller app = HttpCaller.anonymous(this.port);
		Map<String, String> key = Map.of("X-Partner-Key", secret);
		String keyed = ok(app.send("GET", "/api/v1/partner-api/programmes", null, (byte[]) null, key));
		assertThat(JsonPath.<List<Integer>>read(keyed, "$[*].id")).containsExactly((int) eleme.programme());
		assertThat(JsonPath.<String>read(keyed, "$[0].brand.name")).isEqualTo("一平米温暖爱心驿站");
		assertThat(app
			.send("GET", "/api/v1/partner-api/programmes/" + other.programme() + "/stations", null, (byte[]) null, key)
			.statusCode()).isEqualTo(404);
		String figures = ok(app.send("GET", "/api/v1/partner-api/programmes/" + eleme.programme() + "/figures", null,
				(byte[]) null, key));
		assertThat(JsonPath.<Integer>read(figures, "$.stationsByStatus.LISTED")).isEqualTo(1);
		assertThat(figures).doesNotContain("comment").doesNotContain("phone");
		assertThat(app.get("/api/v1/partner-api/programmes").statusCode()).as("no key").isEqualTo(401);
		assertThat(app
			.send("GET", "/api/v1/partner-api/programmes", null, (byte[]) null,
					Map.of("X-Partner-Key", PartnerKeys.PREFIX + "x".repeat(43)))
			.statusCode()).as("an unknown key").isEqualTo(401);
		assertThat(app
			.send("GET", "/api/v1/partner-api/programmes/" + eleme.programme() + "/figures?from=2026-13-01", null,
					(byte[]) null, key)
			.body()).contains("\"field\":\"from\"");

		// workers see the brand on the station's page
		await().atMost(Duration.ofSeconds(30))
			.until(() -> app.get("/stations/" + eleme.station().id().value()).body().contains("id=\"station-brand\""));
		assertThat(app.get("/stations/" + eleme.station().id().value()).body()).contains("一平米温暖爱心驿站");
		assertThat(app.get("/stations/" + other.station().id().value()).body()).doesNotContain("station-brand");

		// and its QR poster's band carries the sign text instead of the generic one
		assertThat(posterText(cityAdmin, eleme.station())).contains("饿了么一平米温暖爱心驿站");
		assertThat(posterText(cityAdmin, other.station())).doesNotContain("一平米").contains("工会户外劳动者服务站点");

		// a union that does not supervise the station cannot take it over; the one that
		// does can, once
		String handOver = "/api/v1/partner-programmes/" + eleme.programme() + "/stations/"
				+ eleme.station().id().value() + "/hand-over";
		HttpCaller shangcheng = HttpCaller.basic(this.port, "shangcheng-admin", TestAccounts.DEMO_PASSWORD);
		assertThat(shangcheng.postJson(handOver, "{}").statusCode()).isEqualTo(404);
		HttpCaller xihu = HttpCaller.basic(this.port, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		assertThat(JsonPath.<String>read(ok(xihu.postJson(handOver, "{}")), "$.runBy")).isEqualTo("UNION");
		assertThat(xihu.postJson(handOver, "{}").statusCode()).isEqualTo(409);
		String history = ok(partnerAdmin.get("/api/v1/partner-programmes/" + eleme.programme() + "/stations/"
				+ eleme.station().id().value() + "/history"));
		assertThat(JsonPath.<List<String>>read(history, "$[*].action")).containsExactly("JOINED", "HANDED_OVER");
		assertThat(JsonPath.<List<String>>read(history, "$[*].actedBy")).containsExactly("hangzhou-admin",
				"xihu-admin");
		// the station stays in the programme, and keeps its brand
		assertThat(JsonPath.<List<String>>read(
				ok(partnerAdmin.get("/api/v1/partner-programmes/" + eleme.programme() + "/stations")), "$[*].runBy"))
			.containsExactly("UNION");
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'partner.programme.handOver'"
					+ " and username = 'xihu-admin' and target_id = :code")
			.param("code", eleme.station().code().value())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the changes since the start name the join and the hand-over, in order, with a
		// cursor to go on from
		String changes = ok(app.send("GET", "/api/v1/partner-api/changes?since=0", null, (byte[]) null, key));
		assertThat(JsonPath.<List<String>>read(changes, "$.changes[*].kind")).containsExactly("JOINED", "HANDED_OVER");
		long next = JsonPath.parse(changes).read("$.next", Long.class);
		assertThat(JsonPath.<List<Object>>read(
				ok(app.send("GET", "/api/v1/partner-api/changes?since=" + next, null, (byte[]) null, key)),
				"$.changes"))
			.isEmpty();

		// a revoked key reads nothing
		long keyId = JsonPath.parse(created).read("$.key.id", Long.class);
		ok(partnerAdmin.postJson("/api/v1/partners/" + eleme.partner() + "/api-keys/" + keyId + "/revoke", "{}"));
		assertThat(app.send("GET", "/api/v1/partner-api/programmes", null, (byte[]) null, key).statusCode())
			.isEqualTo(401);
	}

	private static String posterText(HttpCaller caller, Station station) {
		HttpResponse<byte[]> poster = caller.sendBytes("GET",
				"/api/v1/stations/" + station.id().value() + "/poster.pdf", null, null);
		assertThat(poster.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(poster.body())) {
			return new PDFTextStripper().getText(pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		HttpCaller cityAdmin = HttpCaller.basic(this.port, "hangzhou-admin", TestAccounts.DEMO_PASSWORD);
		long before = this.jdbc.sql("select count(*) from partner").query(Long.class).single();
		HttpResponse<String> refused = cityAdmin.postJson("/api/v1/partners",
				"{\"name\":\" \",\"kind\":\"AIRLINE\",\"union\":\"330102\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"name\"").contains("\"kind\"");
		HttpResponse<String> foreignUnion = cityAdmin.postJson("/api/v1/partners",
				"{\"name\":\"某银行\",\"kind\":\"BANK\",\"union\":\"110000\"}");
		assertThat(foreignUnion.statusCode()).isEqualTo(400);
		assertThat(foreignUnion.body()).contains("\"union\"");
		assertThat(this.jdbc.sql("select count(*) from partner").query(Long.class).single()).isEqualTo(before);
	}

}
