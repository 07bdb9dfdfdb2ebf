package org.yizhan.rating.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingRows;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.SignedIn;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures and the review queue over HTTP with the demo city's accounts: what a
 * district admin, a neighbouring district's admin, an inspector and a station master each
 * get, and the problems bad requests are answered with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiguresApiTests {

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	RatingRows ratings;

	Station station;

	long held;

	LocalDate today;

	@BeforeEach
	void aXihuStationWithRatingsToday() {
		this.ratings = new RatingRows(this.jdbc);
		this.today = LocalDate.now(YizhanTime.ZONE);
		SignedIn.as(this.jdbc, "admin");
		Station draft = this.registry.create(new StationInput("接口统计驿站" + UUID.randomUUID().toString().substring(0, 6),
				"测试地址", "330106", "测试单位", "OTHER", 30.26, 120.12, "wgs84", null, null, List.of(), "24/7", null, null,
				false, null, null, null, null));
		this.station = this.registry.list(draft.id(), null);
		SignedIn.out();
		this.ratings.at(this.station.id())
			.on(this.today)
			.stars(5)
			.tags(RatingTag.CLEAN, RatingTag.FRIENDLY)
			.category(WorkerCategory.SANITATION)
			.comment("热水很方便")
			.insert();
		this.ratings.at(this.station.id()).on(this.today).stars(3).tags(RatingTag.UNATTENDED).insert();
		this.held = this.ratings.at(this.station.id())
			.on(this.today)
			.stars(1)
			.held("STATION_BURST", "STAR_SPIKE")
			.insert();
	}

	@Test
	void theDistrictAdminSeesTheStationsFiguresAndReleasesItsHeldRatingOnce() {
		HttpCaller admin = basic("xihu-admin");
		DocumentContext before = json(admin.get(stationFigures()), 200);
		assertThat(before.read("$.station.code", String.class)).isEqualTo(this.station.code().value());
		assertThat(before.read("$.figures.period", String.class)).isEqualTo("week");
		assertThat(before.read("$.figures.series.length()", Integer.class)).isEqualTo(12);
		assertThat(before.read("$.figures.total.count", Long.class)).isEqualTo(2);
		assertThat(before.read("$.figures.total.averageStars", Double.class)).isEqualTo(4.0);
		assertThat(before.read("$.figures.total.satisfaction", Double.class)).isEqualTo(0.5);
		assertThat(before.read("$.figures.held", Long.class)).isEqualTo(1);
		assertThat(before.read("$.figures.tags[?(@.tag == 'CLEAN')].share", List.class)).containsExactly(0.5);
		assertThat(before.read("$.figures.categories[?(@.category == 'SANITATION')].count", List.class))
			.containsExactly(1);
		assertThat(before.read("$.figures.categories[?(@.category == 'UNSTATED')].label", List.class))
			.containsExactly("未填写");

		DocumentContext queue = json(admin.get("/api/v1/ratings/held?size=200&org=330106"), 200);
		assertThat(queue.read("$.content[*].id", List.class)).contains((int) this.held);
		assertThat(queue.read("$.content[?(@.id == " + this.held + ")].holdReasons[*]", List.class))
			.containsExactly("STATION_BURST", "STAR_SPIKE");

		DocumentContext released = json(admin.send("POST", "/api/v1/ratings/" + this.held + "/release"), 200);
		assertThat(released.read("$.status", String.class)).isEqualTo("COUNTED");
		DocumentContext after = json(admin.get(stationFigures()), 200);
		assertThat(after.read("$.figures.total.count", Long.class)).isEqualTo(3);
		assertThat(after.read("$.figures.held", Long.class)).isZero();

		DocumentContext again = json(admin.send("POST", "/api/v1/ratings/" + this.held + "/reject"), 409);
		assertThat(again.read("$.errors[0].field", String.class)).isEqualTo("status");
		assertThat(again.read("$.detail", String.class)).contains("已审核");
	}

	@Test
	void aNeighbouringDistrictsAdminFindsNoneOfItsFiguresCommentsOrHeldRatings() {
		HttpCaller neighbour = basic("shangcheng-admin");
		json(neighbour.get(stationFigures()), 404);
		json(neighbour.get("/api/v1/organizations/330106/figures"), 404);
		json(neighbour.get("/api/v1/organizations/330100/figures"), 404);
		assertThat(neighbour.get("/api/v1/ratings/held?size=200").body()).doesNotContain(this.station.code().value());
		json(neighbour.get("/api/v1/ratings/held?org=330106"), 404);
		json(neighbour.send("POST", "/api/v1/ratings/" + this.held + "/release"), 404);
		json(neighbour.sendJson("POST", "/api/v1/ratings/review",
				"{\"verdict\":\"REJECT\",\"ids\":[" + this.held + "]}"), 404);
		HttpCaller console = HttpCaller.console(this.port, "shangcheng-admin", TestAccounts.DEMO_PASSWORD);
		HttpResponse<String> section = console.get("/console/stations/" + this.station.id() + "/figures");
		assertThat(section.statusCode()).isEqualTo(404);
		assertThat(section.body()).doesNotContain("热水很方便");
		assertThat(
				this.jdbc.sql("select status from rating where id = ?").param(this.held).query(String.class).single())
			.isEqualTo("HELD");
	}

	@Test
	void aUnionsFiguresNameItsChildrenAndItsStationsOfLowestSatisfaction() {
		DocumentContext city = json(basic("hangzhou-admin").get("/api/v1/organizations/330100/figures?period=day&from="
				+ this.today + "&to=" + this.today + "&minRatings=2"), 200);
		assertThat(city.read("$.organization.kind", String.class)).isEqualTo("CITY");
		assertThat(city.read("$.figures.series.length()", Integer.class)).isEqualTo(1);
		assertThat(city.read("$.children[*].code", List.class)).contains("330106", "330102");
		assertThat(city.read("$.children[?(@.code == '330106')].count", List.class).get(0)).isInstanceOf(Integer.class);
		assertThat(city.read("$.minimumRatings", Integer.class)).isEqualTo(2);
		// Other tests of this JVM rate the city's stations today too, so this station (2
		// counted, 50 %, 4.0★) is in the list unless ten stations rank before it.
		List<Map<String, Object>> lowest = city.read("$.lowestStations");
		assertThat(lowest).isNotEmpty().hasSizeLessThanOrEqualTo(10);
		assertThat(lowest)
			.allSatisfy(ranked -> assertThat(((Number) ranked.get("count")).longValue()).isGreaterThanOrEqualTo(2));
		assertThat(lowest).isSortedAccordingTo(Comparator
			.<Map<String, Object>>comparingDouble(ranked -> ((Number) ranked.get("satisfaction")).doubleValue())
			.thenComparingDouble(ranked -> ((Number) ranked.get("averageStars")).doubleValue())
			.thenComparing(ranked -> -((Number) ranked.get("count")).longValue()));
		if (lowest.stream().noneMatch(ranked -> this.station.code().value().equals(ranked.get("code")))) {
			assertThat(lowest).hasSize(10);
			Map<String, Object> last = lowest.get(9);
			double satisfaction = ((Number) last.get("satisfaction")).doubleValue();
			double average = ((Number) last.get("averageStars")).doubleValue();
			assertThat(satisfaction < 0.5 || (satisfaction == 0.5 && average <= 4.0))
				.as("the tenth of the lowest, %s, ranks before this station", last)
				.isTrue();
		}
	}

	@Test
	void aStationMasterAndAnInspectorSeeFiguresButNeitherTheQueueNorAnotherStationsComments() {
		HttpCaller master = basic("xihu-master");
		long bound = this.jdbc.sql("""
				select min(station_id) from account_station where account_id =
				(select id from account where username = 'xihu-master')""").query(Long.class).single();
		json(master.get("/api/v1/stations/" + bound + "/figures"), 200);
		json(master.get(stationFigures()), 404);
		json(master.get("/api/v1/organizations/330106/figures"), 403);
		json(master.get("/api/v1/ratings/held"), 403);

		HttpCaller inspector = basic("xihu-inspector");
		json(inspector.get("/api/v1/organizations/330106/figures"), 200);
		json(inspector.send("POST", "/api/v1/ratings/" + this.held + "/release"), 403);
		HttpResponse<String> section = HttpCaller.console(this.port, "xihu-inspector", TestAccounts.DEMO_PASSWORD)
			.get("/console/stations/" + this.station.id() + "/figures");
		assertThat(section.statusCode()).isEqualTo(200);
		assertThat(section.body()).contains("figures-table").contains("留言仅向驿站的管理员").doesNotContain("热水很方便");
	}

	@Test
	void badRangesAndBatchesAreEachNamedInTheProblem() {
		HttpCaller admin = basic("xihu-admin");
		DocumentContext period = json(admin.get(stationFigures() + "?period=year&from=2025-13-01"), 400);
		assertThat(period.read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("period", "from");
		assertThat(period.read("$.detail", String.class)).contains("统计周期").contains("2025-13-01");
		DocumentContext order = json(admin.get(stationFigures() + "?from=2025-03-01&to=2025-02-01"), 400);
		assertThat(order.read("$.errors[0].code", String.class)).isEqualTo("figures.range.order");
		DocumentContext tooLong = json(admin.get(stationFigures() + "?period=day&from=2020-01-01&to=2025-01-01"), 400);
		assertThat(tooLong.read("$.errors[0].code", String.class)).isEqualTo("figures.range.tooLong");
		DocumentContext minimum = json(admin.get("/api/v1/organizations/330106/figures?minRatings=0"), 400);
		assertThat(minimum.read("$.errors[0].field", String.class)).isEqualTo("minRatings");
		DocumentContext batch = json(
				admin.sendJson("POST", "/api/v1/ratings/review", "{\"verdict\":\"MAYBE\",\"ids\":[]}"), 400);
		assertThat(batch.read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("verdict", "ids");
		json(admin.get("/api/v1/organizations/999999/figures"), 404);
		json(admin.get("/api/v1/stations/not-a-number/figures"), 404);
	}

	@Test
	void aBatchIsReviewedWholeOrNotAtAll() {
		HttpCaller admin = basic("xihu-admin");
		long second = this.ratings.at(this.station.id()).on(this.today).stars(2).held("FAR_AWAY").insert();
		long foreign = foreignHeld();
		json(admin.sendJson("POST", "/api/v1/ratings/review",
				"{\"verdict\":\"RELEASE\",\"ids\":[" + this.held + "," + second + "," + foreign + "]}"), 404);
		assertThat(status(this.held)).isEqualTo("HELD");
		DocumentContext done = json(admin.sendJson("POST", "/api/v1/ratings/review",
				"{\"verdict\":\"REJECT\",\"ids\":[" + this.held + "," + second + "]}"), 200);
		assertThat(done.read("$.reviewed[*].status", List.class)).containsExactly("REJECTED", "REJECTED");
		assertThat(status(second)).isEqualTo("REJECTED");
		assertThat(
				this.jdbc.sql("select count(*) from audit_entry where action = 'rating.reject' and target_id in (?, ?)")
					.params(Long.toString(this.held), Long.toString(second))
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	private long foreignHeld() {
		SignedIn.as(this.jdbc, "admin");
		Station draft = this.registry.create(new StationInput("外区统计驿站" + UUID.randomUUID().toString().substring(0, 6),
				"测试地址", "330102", "测试单位", "OTHER", 30.24, 120.17, "wgs84", null, null, List.of(), "24/7", null, null,
				false, null, null, null, null));
		Station foreign = this.registry.list(draft.id(), null);
		SignedIn.out();
		return this.ratings.at(foreign.id()).on(this.today).held("DEVICE_SPREAD").insert();
	}

	private String status(long rating) {
		return this.jdbc.sql("select status from rating where id = ?").param(rating).query(String.class).single();
	}

	private String stationFigures() {
		return "/api/v1/stations/" + this.station.id() + "/figures";
	}

	private HttpCaller basic(String username) {
		return HttpCaller.basic(this.port, username, TestAccounts.DEMO_PASSWORD);
	}

	private static DocumentContext json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JsonPath.parse(response.body());
	}

}
