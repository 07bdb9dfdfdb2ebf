package org.yizhan.inspection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.yizhan.inspection.InspectionFixtures.inspectionJson;
import static org.yizhan.inspection.InspectionFixtures.submit;

/**
 * An inspector fills the form on the phone: every item of the campaign's version, a photo
 * for each failed item (stored without GPS), whether it was within 200 m (never the
 * position); the same submission sent twice is stored once; answers for items not in the
 * version, a failed item without its photo, a file that is no image and a station off the
 * worklist are refused, nothing stored; an evaluator is refused the day after its
 * contract ends and its finished work stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionSubmissionApiTests {

	/** 钱塘区, Hangzhou. */
	static final String QIANTANG = "330114";

	/** 上城区: off this inspector's worklist. */
	static final String SHANGCHENG = "330102";

	static final double LAT = 30.3046;

	static final double LON = 120.3490;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	InspectionCampaigns campaigns;

	InspectionFixtures fixtures;

	InspectionFixtures.Account inspector;

	long station;

	long campaign;

	List<String> items;

	@BeforeAll
	void setUp() {
		this.fixtures = new InspectionFixtures(this.port, this.jdbc);
		this.inspector = this.fixtures.account(QIANTANG, "INSPECTOR", "");
		this.station = this.fixtures.station(QIANTANG, LAT, LON);
		this.campaign = this.fixtures.campaign(QIANTANG, "钱塘区抽查", false, null, List.of(this.inspector.id()));
		this.items = this.fixtures.items(this.campaign);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void anInspectionIsStoredOnceWithItsFailedItemsPhotoWithoutGpsAndOnlyWhetherItWasNear() {
		String worklist = HttpCaller.ok(this.inspector.api().get("/api/v1/inspection-worklist"));
		assertThat(JsonPath.<List<Integer>>read(worklist, "$[?(@.campaignId == " + this.campaign + ")].stationId"))
			.contains((int) this.station);
		String clientId = UUID.randomUUID().toString();
		// about 50 m north-east of the station, as a phone inside the building reports it
		String json = inspectionJson(clientId, this.campaign, this.station, this.items, "sign",
				"'lat':" + (LAT + 0.0003) + ",'lon':" + (LON + 0.0003) + ",'crs':'wgs84'", "门口有积水");
		List<InspectionFixtures.Photo> photo = List
			.of(new InspectionFixtures.Photo(TestImages.jpegWithGps(), "image/jpeg"));

		var stored = submit(this.inspector.api(), json, photo);
		var again = submit(this.inspector.api(), json, photo);

		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		DocumentContext inspection = JsonPath.parse(stored.body());
		long id = inspection.read("$.id", Long.class);
		assertThat(JsonPath.parse(again.body()).read("$.id", Long.class)).isEqualTo(id);
		assertThat(inspection.read("$.nearStation", Boolean.class)).isTrue();
		assertThat(inspection.read("$.passed", Boolean.class)).isFalse();
		assertThat(inspection.read("$.failedItems", Integer.class)).isEqualTo(1);
		assertThat(inspection.read("$.score", Double.class))
			.isEqualTo(Math.round(1000.0 * (this.items.size() - 1) / this.items.size()) / 10.0);
		assertThat(this.jdbc.sql("select count(*) from inspection where campaign_id = ? and station_id = ?")
			.params(this.campaign, this.station)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the failed item became one rectification case (sent twice, still one), its
		// photo
		// the case's "before"
		assertThat(this.jdbc
			.sql("select source || ' ' || item_code || ' ' || (before_photo_key is not null) from problem_ticket"
					+ " where reference = ?")
			.param("inspection " + id + " / campaign " + this.campaign)
			.query(String.class)
			.list()).containsExactly("INSPECTION sign true");
		// the table has no column that could hold the position
		assertThat(this.jdbc.sql("select column_name from information_schema.columns where table_name = 'inspection'")
			.query(String.class)
			.list()).doesNotContain("lat", "lon", "latitude", "longitude", "location", "position");

		String photoUrl = inspection.read("$.answers[?(@.code == 'sign')].photoUrl", List.class).get(0).toString();
		byte[] jpeg = HttpCaller.ok(this.fixtures.admin.get(photoUrl))
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(TestImages.contains(jpeg, TestImages.GPS_MARKER)).isFalse();

		var another = submit(this.inspector.api(),
				inspectionJson(UUID.randomUUID().toString(), this.campaign, this.station, this.items, null, null, null),
				List.of());
		assertThat(another.statusCode()).as(another.body()).isEqualTo(409);

		String history = HttpCaller.ok(this.fixtures.admin.get("/api/v1/stations/" + this.station + "/inspections"));
		assertThat(JsonPath.<List<Integer>>read(history, "$[*].id")).containsExactly((int) id);
		DocumentContext progress = JsonPath.parse(
				HttpCaller.ok(this.fixtures.admin.get("/api/v1/inspection-campaigns/" + this.campaign + "/progress")));
		assertThat(progress.read("$.total.visited", Long.class)).isEqualTo(1);
		assertThat(progress.read("$.total.failed", Long.class)).isEqualTo(1);
		String page = HttpCaller.ok(this.fixtures.console(this.inspector).get("/console/inspections/" + id));
		assertThat(page).contains("门口有积水", "检查时在驿站 200 米内");
	}

	@Test
	void aPhoneFarFromTheStationIsRecordedAsNotNearAndAGcjPositionIsConverted() {
		long far = this.fixtures.station(QIANTANG, LAT + 0.01, LON);
		long gcj = this.fixtures.station(QIANTANG, LAT - 0.01, LON);
		long campaign = this.fixtures.campaign(QIANTANG, "钱塘区复查", false, null, List.of(this.inspector.id()));
		// 2 km away
		var notNear = submit(this.inspector.api(), inspectionJson(UUID.randomUUID().toString(), campaign, far,
				this.items, null, "'lat':" + (LAT + 0.028) + ",'lon':" + LON + ",'crs':'wgs84'", null), List.of());
		// the station's own position as Amap (GCJ-02) reports it: about 500 m off in
		// WGS-84
		double[] amap = org.yizhan.geo.CoordinateTransform.wgs84ToGcj02(LAT - 0.01, LON);
		var near = submit(this.inspector.api(), inspectionJson(UUID.randomUUID().toString(), campaign, gcj, this.items,
				null, "'lat':" + amap[0] + ",'lon':" + amap[1] + ",'crs':'gcj02'", null), List.of());

		assertThat(notNear.statusCode()).as(notNear.body()).isEqualTo(201);
		assertThat(JsonPath.parse(notNear.body()).read("$.nearStation", Boolean.class)).isFalse();
		assertThat(near.statusCode()).as(near.body()).isEqualTo(201);
		assertThat(JsonPath.parse(near.body()).read("$.nearStation", Boolean.class)).isTrue();
		assertThat(JsonPath.parse(near.body()).read("$.score", Double.class)).isEqualTo(100.0);
	}

	@Test
	void badSubmissionsAreRefusedNamingTheirFieldAndNothingIsStored() {
		long before = count();
		String unknown = inspectionJson(UUID.randomUUID().toString(), this.campaign, this.station,
				List.of(this.items.get(0), "medicine-kit-in-date"), null, null, null);
		var notInVersion = submit(this.inspector.api(), unknown, List.of());
		assertThat(notInVersion.statusCode()).isEqualTo(400);
		assertThat(notInVersion.body()).contains("answers[1].code", "medicine-kit-in-date", "第 1 版");
		assertThat(notInVersion.body()).contains("\"answers\"");

		var noPhoto = submit(this.inspector.api(), inspectionJson(UUID.randomUUID().toString(), this.campaign,
				this.station, this.items, "sign", null, null), List.of());
		assertThat(noPhoto.statusCode()).isEqualTo(400);
		assertThat(noPhoto.body()).contains("answers[0].photo");

		var notAnImage = submit(
				this.inspector.api(), inspectionJson(UUID.randomUUID().toString(), this.campaign, this.station,
						this.items, "sign", null, null),
				List.of(new InspectionFixtures.Photo("%PDF-1.4 not a photo".getBytes(), "image/jpeg")));
		assertThat(notAnImage.statusCode()).isEqualTo(400);
		assertThat(notAnImage.body()).contains("answers[0].photo", "JPEG");

		var badClientId = submit(this.inspector.api(),
				inspectionJson("twice", this.campaign, this.station, this.items, null, null, null), List.of());
		assertThat(badClientId.statusCode()).isEqualTo(400);
		assertThat(badClientId.body()).contains("clientId");

		long foreign = this.fixtures.station(SHANGCHENG, 30.2425, 120.1700);
		var offWorklist = submit(this.inspector.api(),
				inspectionJson(UUID.randomUUID().toString(), this.campaign, foreign, this.items, null, null, null),
				List.of());
		assertThat(offWorklist.statusCode()).isEqualTo(403);

		InspectionFixtures.Account admin = this.fixtures.account(QIANTANG, "ORG_ADMIN", "");
		var notAnInspector = submit(admin.api(),
				inspectionJson(UUID.randomUUID().toString(), this.campaign, this.station, this.items, null, null, null),
				List.of());
		assertThat(notAnInspector.statusCode()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anEvaluatorIsRefusedTheDayAfterItsContractEndsAndItsWorkStays() {
		InspectionFixtures.Account evaluator = this.fixtures.account("330100", "EVALUATOR",
				",'contractEndsOn':'" + InspectionFixtures.today() + "'");
		long mine = this.fixtures.station(QIANTANG, LAT + 0.02, LON + 0.02);
		long campaign = this.fixtures.campaign(QIANTANG, "第三方评估", false, null, List.of(evaluator.id()));
		var lastDay = submit(evaluator.api(),
				inspectionJson(UUID.randomUUID().toString(), campaign, mine, this.items, null, null, null), List.of());
		assertThat(lastDay.statusCode()).as(lastDay.body()).isEqualTo(201);
		long done = JsonPath.parse(lastDay.body()).read("$.id", Long.class);

		this.clock.advance(Duration.ofDays(1));

		assertThat(evaluator.api().get("/api/v1/inspection-worklist").statusCode()).isEqualTo(401);
		// the module refuses it on its own too, whatever signed it in
		Actor.Principal principal = () -> new Actor(evaluator.id(), evaluator.username(), "330100",
				"100000/330000/330100", Set.of(Role.EVALUATOR));
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_EVALUATOR"));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(this.campaigns::worklist);
		SecurityContextHolder.clearContext();
		assertThat(this.fixtures.admin.get("/api/v1/inspections/" + done).statusCode()).isEqualTo(200);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from inspection").query(Long.class).single();
	}

}
