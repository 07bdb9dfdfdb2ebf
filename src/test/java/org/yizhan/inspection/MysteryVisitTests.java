package org.yizhan.inspection;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.inspection.InspectionFixtures.inspectionJson;
import static org.yizhan.inspection.InspectionFixtures.submit;

/**
 * A mystery visit is invisible to the station's side — its master, its liaison and its
 * host — in every endpoint and page (404, or absent from a list) until the union
 * publishes the campaign's results; the union's staff see it from the start; afterwards
 * the station side sees it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysteryVisitTests {

	/** 拱墅区, Hangzhou. */
	static final String GONGSHU = "330105";

	static final String MARKER = "暗访发现饮水机无水";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	InspectionFixtures fixtures;

	long station;

	long campaign;

	long inspection;

	long photo;

	List<HttpCaller> stationSide;

	List<HttpCaller> stationSideConsoles;

	@BeforeAll
	void setUp() {
		this.fixtures = new InspectionFixtures(this.port, this.jdbc);
		InspectionFixtures.Account inspector = this.fixtures.account(GONGSHU, "INSPECTOR", "");
		this.station = this.fixtures.station(GONGSHU, 30.3190, 120.1420);
		InspectionFixtures.Account master = this.fixtures.account(GONGSHU, "STATION_MASTER",
				",'stations':[" + this.station + "]");
		InspectionFixtures.Account liaison = this.fixtures.account(GONGSHU, "LIAISON",
				",'stations':[" + this.station + "]");
		InspectionFixtures.Account host = this.fixtures.account(GONGSHU, "HOST", ",'hostName':'检查测试承建单位'");
		this.stationSide = List.of(master.api(), liaison.api(), host.api());
		this.stationSideConsoles = List.of(this.fixtures.console(master), this.fixtures.console(liaison),
				this.fixtures.console(host));
		this.campaign = this.fixtures.campaign(GONGSHU, "拱墅区日常暗访", true, null, List.of(inspector.id()));
		List<String> items = this.fixtures.items(this.campaign);
		var stored = submit(
				inspector.api(), inspectionJson(UUID.randomUUID().toString(), this.campaign, this.station, items,
						"facilities", null, MARKER),
				List.of(new InspectionFixtures.Photo(TestImages.jpeg(320, 240), "image/jpeg")));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		this.inspection = JsonPath.parse(stored.body()).read("$.id", Long.class);
		this.photo = JsonPath.parse(stored.body())
			.read("$.answers[?(@.code == 'facilities')].photoId", List.class)
			.stream()
			.mapToLong(id -> ((Number) id).longValue())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theStationSideSeesNoMysteryVisitBeforeThePublicationAndSeesItAfter() {
		// the station side does see its station: the 404s below are the visit's
		for (HttpCaller side : this.stationSide) {
			assertThat(side.get("/api/v1/stations/" + this.station).statusCode()).isEqualTo(200);
		}
		assertHidden();
		assertThat(HttpCaller.ok(this.fixtures.admin.get("/api/v1/inspections/" + this.inspection))).contains(MARKER);
		assertThat(HttpCaller.ok(HttpCaller.console(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)
			.get("/console/inspections/stations/" + this.station))).contains("拱墅区日常暗访");

		HttpCaller.ok(this.fixtures.admin.send("POST", "/api/v1/inspection-campaigns/" + this.campaign + "/publish"));
		assertThat(this.fixtures.admin.send("POST", "/api/v1/inspection-campaigns/" + this.campaign + "/publish")
			.statusCode()).isEqualTo(409);

		for (HttpCaller side : this.stationSide) {
			assertThat(HttpCaller.ok(side.get("/api/v1/inspections/" + this.inspection))).contains(MARKER);
			assertThat(HttpCaller.ok(side.get("/api/v1/stations/" + this.station + "/inspections"))).contains(MARKER);
			assertThat(side.get("/api/v1/inspection-photos/" + this.photo).statusCode()).isEqualTo(200);
			// the campaign itself stays the union's
			assertThat(side.get("/api/v1/inspection-campaigns/" + this.campaign).statusCode()).isEqualTo(404);
		}
		for (HttpCaller side : this.stationSideConsoles) {
			assertThat(HttpCaller.ok(side.get("/console/inspections/" + this.inspection))).contains(MARKER);
		}
	}

	private void assertHidden() {
		for (HttpCaller side : this.stationSide) {
			assertThat(side.get("/api/v1/inspections/" + this.inspection).statusCode()).isEqualTo(404);
			assertThat(side.get("/api/v1/inspection-photos/" + this.photo).statusCode()).isEqualTo(404);
			assertThat(side.get("/api/v1/inspection-campaigns/" + this.campaign).statusCode()).isEqualTo(404);
			assertThat(side.get("/api/v1/inspection-campaigns/" + this.campaign + "/progress").statusCode())
				.isEqualTo(404);
			assertThat(side.get("/api/v1/inspection-campaigns/" + this.campaign + "/sample").statusCode())
				.isEqualTo(404);
			assertThat(side.send("POST", "/api/v1/inspection-campaigns/" + this.campaign + "/publish").statusCode())
				.isEqualTo(404);
			var history = side.get("/api/v1/stations/" + this.station + "/inspections");
			assertThat(history.statusCode()).isEqualTo(200);
			assertThat(history.body()).doesNotContain(MARKER, "拱墅区日常暗访");
			assertThat(side.get("/api/v1/inspection-campaigns").statusCode()).isEqualTo(403);
			assertThat(side.get("/api/v1/inspection-worklist").statusCode()).isEqualTo(403);
		}
		for (HttpCaller side : this.stationSideConsoles) {
			assertThat(side.get("/console/inspections/" + this.inspection).statusCode()).isEqualTo(404);
			assertThat(side.get("/console/inspections/photos/" + this.photo).statusCode()).isEqualTo(404);
			assertThat(side.get("/console/inspections/campaigns/" + this.campaign).statusCode()).isEqualTo(404);
			var page = side.get("/console/inspections/stations/" + this.station);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).doesNotContain(MARKER, "拱墅区日常暗访");
			assertThat(side.get("/console/inspections").statusCode()).isEqualTo(403);
		}
	}

}
