package org.yizhan.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.inspection.InspectionFixtures.q;
import static org.yizhan.inspection.InspectionFixtures.today;

/**
 * A union admin creates a campaign over its subtree: bad input is named field by field (a
 * period in the past, an empty sample, someone who does not inspect), the sample drawn
 * with a recorded seed is drawn again alike from the same seed, the progress counts it
 * per union, and an annual campaign is created once per year even when two instances
 * create it at the same moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionCampaignApiTests {

	/** 滨江区, Hangzhou: demo stations and the tests' own. */
	static final String BINJIANG = "330108";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecurringCampaigns recurring;

	InspectionFixtures fixtures;

	InspectionFixtures.Account inspector;

	@BeforeAll
	void setUp() {
		this.fixtures = new InspectionFixtures(this.port, this.jdbc);
		this.inspector = this.fixtures.account(BINJIANG, "INSPECTOR", "");
		this.fixtures.station(BINJIANG, 30.2084, 120.2108);
	}

	@Test
	void badCampaignsAreRefusedNamingEachField() {
		InspectionFixtures.Account reviewer = this.fixtures.account(BINJIANG, "REVIEWER", "");
		HttpCaller admin = this.fixtures.admin;
		String past = q("{'union':'" + BINJIANG + "','kind':'SOMETIMES','name':'','samplePercent':0,'startsOn':'"
				+ today().minusDays(1) + "','endsOn':'" + today().minusDays(3) + "','assignees':[" + reviewer.id()
				+ "]}");

		var refused = admin.postJson("/api/v1/inspection-campaigns", past);

		assertThat(refused.statusCode()).isEqualTo(400);
		List<String> fields = JsonPath.read(refused.body(), "$.errors[*].field");
		assertThat(fields).contains("kind", "name", "samplePercent", "startsOn", "endsOn", "assignees");
		assertThat(refused.body()).contains("开始日期不能早于今天");
		assertThat(this.jdbc
			.sql("select count(*) from inspection_campaign where created_at > now() - interval '1 minute'"
					+ " and name = ''")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSubtreeWithoutListedStationsIsAnEmptySampleAndNothingIsStored() {
		long adminId = this.jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		long before = count();
		// 新疆维吾尔自治区阿勒泰地区布尔津县: no station anywhere near
		var refused = this.fixtures.admin.postJson("/api/v1/inspection-campaigns",
				this.fixtures.campaignJson("654321", "空样本", false, 10, null, List.of(adminId), ""));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"union\"", "样本为空");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theSameSeedDrawsTheSameStationsAndTheSeedIsShown() {
		String json = this.fixtures.campaignJson(BINJIANG, "同种子抽样", false, 30, 20261207L, List.of(this.inspector.id()),
				"");
		DocumentContext first = JsonPath
			.parse(HttpCaller.ok(this.fixtures.admin.postJson("/api/v1/inspection-campaigns", json)));
		DocumentContext again = JsonPath
			.parse(HttpCaller.ok(this.fixtures.admin.postJson("/api/v1/inspection-campaigns", json)));
		DocumentContext other = JsonPath
			.parse(HttpCaller.ok(this.fixtures.admin.postJson("/api/v1/inspection-campaigns",
					this.fixtures.campaignJson(BINJIANG, "另一种子", false, 30, 7L, List.of(this.inspector.id()), ""))));

		assertThat(first.read("$.seed", String.class)).isEqualTo("20261207");
		List<Integer> drawn = sample(first.read("$.id", Long.class));
		assertThat(drawn).isNotEmpty().isEqualTo(sample(again.read("$.id", Long.class)));
		assertThat(sample(other.read("$.id", Long.class))).isNotEqualTo(drawn);
		long listed = this.jdbc.sql("select count(*) from station where district_code = ? and status = 'LISTED'")
			.param(BINJIANG)
			.query(Long.class)
			.single();
		assertThat(drawn).hasSize((int) ((listed * 30 + 99) / 100));
		String page = HttpCaller.ok(this.fixtures.console(this.inspector)
			.get("/console/inspections/campaigns/" + first.read("$.id", Long.class)));
		assertThat(page).contains("20261207");
	}

	@Test
	void progressCountsThePlannedStationsPerUnionBelow() {
		long campaign = this.fixtures.campaign("330100", "杭州市抽查", false, 10, List.of(this.inspector.id()));

		DocumentContext progress = JsonPath
			.parse(HttpCaller.ok(this.fixtures.admin.get("/api/v1/inspection-campaigns/" + campaign + "/progress")));

		List<String> unions = progress.read("$.unions[*].code");
		assertThat(unions).contains(BINJIANG, "330106", "330102");
		long planned = progress.read("$.total.planned", Long.class);
		List<Integer> perUnion = progress.read("$.unions[*].counts.planned");
		assertThat(perUnion.stream().mapToLong(Integer::longValue).sum()).isEqualTo(planned);
		assertThat(progress.read("$.total.visited", Long.class)).isZero();
		assertThat(this.jdbc.sql("select count(distinct assignee_id) from inspection_sample where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAnnualCampaignIsCreatedOncePerYearEvenByTwoInstancesAtOnce() throws Exception {
		String json = this.fixtures
			.campaignJson(BINJIANG, "滨江区年度回头看", false, 20, null, List.of(this.inspector.id()), ",'recurrence':'ANNUAL'")
			.replace("SPOT_CHECK", "ANNUAL_REVIEW");
		long first = JsonPath.parse(HttpCaller.ok(this.fixtures.admin.postJson("/api/v1/inspection-campaigns", json)))
			.read("$.id", Long.class);
		var twice = this.fixtures.admin.postJson("/api/v1/inspection-campaigns", json);
		assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);

		LocalDate nextYear = today().plusYears(1);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<Long>>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(instances.submit(() -> {
					start.await();
					return this.recurring.createDue(nextYear);
				}));
			}
			start.countDown();
			List<Long> created = new ArrayList<>();
			for (Future<List<Long>> run : runs) {
				created.addAll(run.get());
			}
			String series = BINJIANG + ":ANNUAL_REVIEW";
			List<Long> stored = this.jdbc.sql("select id from inspection_campaign where series = ? and period = ?")
				.params(series, Integer.toString(nextYear.getYear()))
				.query(Long.class)
				.list();
			assertThat(stored).hasSize(1);
			assertThat(created).containsExactlyElementsOf(stored);
			assertThat(this.jdbc.sql("select count(*) from inspection_sample where campaign_id = ?")
				.param(stored.get(0))
				.query(Long.class)
				.single()).isPositive();
			assertThat(this.recurring.createDue(nextYear)).isEmpty();
			assertThat(this.jdbc.sql("select starts_on from inspection_campaign where id = ?")
				.param(stored.get(0))
				.query(LocalDate.class)
				.single()).isEqualTo(nextYear);
			assertThat(first).isNotEqualTo(stored.get(0));
		}
		finally {
			instances.shutdownNow();
		}
	}

	private List<Integer> sample(long campaign) {
		return JsonPath.read(
				HttpCaller.ok(this.fixtures.admin.get("/api/v1/inspection-campaigns/" + campaign + "/sample?size=500")),
				"$[*].stationId");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from inspection_campaign").query(Long.class).single();
	}

}
