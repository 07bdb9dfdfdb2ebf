package org.yizhan.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
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
 * "Rectified" in a campaign's progress (issue 15, item 1): each failed item's case is
 * counted per union as open, then overdue once its deadline passes, waiting for its
 * re-check once the station side marks it rectified, and rectified when the re-check
 * passes — the ticket module's state, read through its root API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class CampaignRectificationProgressTests {

	/** 富阳区, Hangzhou: no other inspection test samples it. */
	static final String FUYANG = "330111";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aFailedItemsCaseIsCountedOpenOverdueAwaitingItsRecheckAndRectified() {
		InspectionFixtures fixtures = new InspectionFixtures(this.port, this.jdbc);
		InspectionFixtures.Account inspector = fixtures.account(FUYANG, "INSPECTOR", "");
		long station = fixtures.station(FUYANG, 30.0495, 119.9600);
		long campaign = fixtures.campaign(FUYANG, "富阳区回头看", false, null, List.of(inspector.id()));
		List<String> items = fixtures.items(campaign);
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(0, 0, 0, 0, 0);

		var stored = submit(inspector.api(),
				inspectionJson(UUID.randomUUID().toString(), campaign, station, items, "sign", null, null),
				List.of(new InspectionFixtures.Photo(TestImages.jpeg(64, 48), "image/jpeg")));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		long inspection = JsonPath.parse(stored.body()).read("$.id", Long.class);
		String number = this.jdbc.sql("select number from problem_ticket where reference = ?")
			.param(CompletionAnnouncer.reference(inspection, campaign))
			.query(String.class)
			.single();

		// cases, open, overdue, awaiting re-check, rectified
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 1, 0, 0, 0);
		assertThat(rectification(fixtures, campaign, "$.unions[?(@.code == '" + FUYANG + "')]"))
			.containsExactly(1, 1, 0, 0, 0);

		// An inspection finding has 30 days; on the 31st it is overdue.
		this.clock.set(this.clock.instant().plus(Duration.ofDays(31)));
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 1, 0, 0);
		this.clock.reset();

		var rectified = fixtures.admin.send("POST", "/api/v1/tickets/" + number + "/rectify",
				"multipart/form-data; boundary=after", afterPhotoForm("更换了统一标识"), null);
		assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(200);
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 0, 1, 0);

		HttpCaller.ok(inspector.api()
			.postJson("/api/v1/tickets/" + number + "/recheck", "{\"passed\":true,\"reason\":\"标识已更换\"}"));
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 0, 0, 1);
		assertThat(rectification(fixtures, campaign, "$.unions[?(@.code == '" + FUYANG + "')]"))
			.containsExactly(1, 0, 0, 0, 1);

		String page = fixtures.console(inspector).get("/console/inspections/campaigns/" + campaign).body();
		assertThat(page).contains("已整改", "待复查", "逾期");
	}

	/**
	 * The rectification figures of the progress at {@code path} (the total, or one union's
	 * row): cases, open, overdue, awaiting re-check, rectified.
	 */
	private static List<Integer> rectification(InspectionFixtures fixtures, long campaign, String path) {
		DocumentContext progress = JsonPath
			.parse(HttpCaller.ok(fixtures.admin.get("/api/v1/inspection-campaigns/" + campaign + "/progress")));
		String counts = path.startsWith("$.unions") ? path + ".counts.rectification" : path + ".rectification";
		Object read = progress.read(counts);
		Object tally = (read instanceof List<?> rows) ? rows.get(0) : read;
		@SuppressWarnings("unchecked")
		java.util.Map<String, Integer> t = (java.util.Map<String, Integer>) tally;
		return List.of(t.get("cases"), t.get("open"), t.get("overdue"), t.get("awaitingRecheck"), t.get("rectified"));
	}

	private static byte[] afterPhotoForm(String note) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(("--after\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
					+ "--after\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"after.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(TestImages.jpeg(64, 48));
			out.write("\r\n--after--\r\n".getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
