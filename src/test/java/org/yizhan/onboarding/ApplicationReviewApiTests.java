package org.yizhan.onboarding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.geo.GeoPoint;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.station.Amenity;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.onboarding.ApplicationFixtures.application;
import static org.yizhan.onboarding.ApplicationFixtures.randomCreditCode;
import static org.yizhan.support.MvcCalls.asAdmin;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * A district reviewer takes an application through review to a decision: only in the
 * subtree and only by the lifecycle's steps (409 otherwise); the field visit is kept with
 * the checklist version; a rejection's reason and a question reach the applicant, who
 * answers by the status link; in committee mode the second agreeing vote decides; an
 * approval creates the station as a draft with its host and a HOST account, and listing
 * it passes the standard gate, or is refused naming what is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApplicationReviewApiTests {

	static final String XIHU = "330106";

	static final String SHANGCHENG = "330102";

	/** 青岛市市南区: Qingdao's minimum over Shandong's rule is in force there (seeded). */
	static final String SHINAN = "370202";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications applications;

	@Autowired
	Checklists checklists;

	@Autowired
	ApplicationScoring scoring;

	ApplicationFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ApplicationFixtures(jdbc);
	}

	@Test
	void anApprovalCreatesADraftStationWithTheHostsDetailsAndAHostAccountAndListingItPassesTheStandard()
			throws Exception {
		String reviewer = account(SHINAN, "REVIEWER");
		String code = randomCreditCode();
		long id = submitIn(SHINAN, code, "海边爱心便利店", List.of("DRINKING_WATER", "MICROWAVE", "SEATING"), 20);

		DocumentContext started = json(expect(post("/api/v1/applications/" + id + "/review").with(basic(reviewer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"), 200));
		assertThat(started.read("$.status", String.class)).isEqualTo("UNDER_REVIEW");

		ChecklistInForce standard = checklists.findInForce(SHINAN).orElseThrow();
		List<String> answered = new ArrayList<>();
		StringBuilder answers = new StringBuilder();
		for (ChecklistInForce.Item item : standard.items()) {
			if (item.item().evidence() == Evidence.YES_NO) {
				answers.append(answers.isEmpty() ? "" : ",")
					.append("{\"code\":\"")
					.append(item.item().code())
					.append("\",\"yes\":true,\"photo\":0}");
				answered.add(item.item().code());
			}
		}
		assertThat(answered).as("Shandong's rule asks whether the site is on the ground floor facing the street")
			.isNotEmpty();
		MvcResult visit = expect(
				visit(id, "{\"note\":\"临街一楼\",\"answers\":[" + answers + "]}", 1).with(basic(reviewer)), 201);
		assertThat(json(visit).read("$.checklistVersion", Integer.class)).isEqualTo(standard.version().number());
		assertThat(jdbc.sql("""
				select count(*) from application_visit_item i join application_visit v on v.id = i.visit_id
				where v.application_id = ? and i.photo_key is not null""").param(id).query(Long.class).single())
			.as("the photo of the item is kept")
			.isEqualTo(1L);

		MvcResult approved = expect(decide(id, "APPROVE", null).with(basic(reviewer)), 200);
		DocumentContext decision = json(approved);
		assertThat(decision.read("$.status", String.class)).isEqualTo("APPROVED");
		assertThat(decision.read("$.decided", Boolean.class)).isTrue();
		assertThat(approved.getResponse().getHeader("Cache-Control")).contains("no-store");
		String stationCode = decision.read("$.stationCode");
		String username = decision.read("$.hostAccount.username");
		String password = decision.read("$.hostAccount.oneTimePassword");
		assertThat(stationCode).startsWith(SHINAN + "-");
		assertThat(username).isEqualTo("host-" + code.toLowerCase());
		assertThat(password).hasSize(12);

		Map<String, Object> station = jdbc.sql("""
				select s.id, s.status, s.host_name, s.opening_hours, s.amenities::text as amenities, a.station_id
				from station s join application a on a.station_id = s.id where a.id = ?""")
			.param(id)
			.query()
			.singleRow();
		assertThat(station.get("status")).isEqualTo("DRAFT");
		assertThat(station.get("host_name")).isEqualTo("海边爱心便利店");
		assertThat(station.get("opening_hours")).isEqualTo("Mo-Su 09:00-21:00");
		assertThat((String) station.get("amenities")).contains("MICROWAVE", "SEATING", "DRINKING_WATER");
		Map<String, Object> account = jdbc.sql(
				"select roles::text as roles, host_name, must_change_password, password_hash from account where username = ?")
			.param(username)
			.query()
			.singleRow();
		assertThat((String) account.get("roles")).contains("HOST");
		assertThat(account.get("host_name")).isEqualTo("海边爱心便利店");
		assertThat(account.get("must_change_password")).isEqualTo(true);
		assertThat((String) account.get("password_hash")).doesNotContain(password);
		assertThat(jdbc.sql("select action from audit_entry where target_id in (?, ?) order by id")
			.param(Long.toString(id))
			.param(jdbc.sql("select id::text from account where username = ?")
				.param(username)
				.query(String.class)
				.single())
			.query(String.class)
			.list()).contains("onboarding.review.start", "onboarding.visit.record", "onboarding.application.decide",
					"account.create");
		assertThat(jdbc.sql("select count(*) from audit_entry where after_summary like ? or before_summary like ?")
			.param("%" + password + "%")
			.param("%" + password + "%")
			.query(Long.class)
			.single()).as("the password is in no audit entry").isZero();

		long stationId = ((Number) station.get("id")).longValue();
		MvcResult listed = expect(post("/api/v1/stations/" + stationId + "/list").with(asAdmin()), 200);
		assertThat(json(listed).read("$.status", String.class)).isEqualTo("LISTED");

		String token = tokenOf(id);
		DocumentContext status = json(expect(get("/api/v1/applications/" + token), 200));
		assertThat(status.read("$.status", String.class)).isEqualTo("APPROVED");
		assertThat(status.toString()).doesNotContain(stationCode);
	}

	@Test
	void anApprovedStationThatMissesTheStandardIsRefusedListingNamingTheMissingItems() throws Exception {
		String reviewer = account(SHINAN, "REVIEWER");
		long id = submitIn(SHINAN, randomCreditCode(), "小角落茶铺", List.of("DRINKING_WATER"), 8);
		expect(post("/api/v1/applications/" + id + "/review").with(basic(reviewer)), 200);
		MvcResult approved = expect(decide(id, "APPROVE", null).with(basic(reviewer)), 200);
		long stationId = jdbc.sql("select station_id from application where id = ?")
			.param(id)
			.query(Long.class)
			.single();

		MvcResult refused = expect(
				post("/api/v1/stations/" + stationId + "/list").with(asAdmin()).header("Accept-Language", "zh-CN"),
				409);
		List<String> missing = checklists.findInForce(SHINAN)
			.orElseThrow()
			.items()
			.stream()
			.map(ChecklistInForce.Item::item)
			.filter(item -> item.amenity() == Amenity.MICROWAVE || item.amenity() == Amenity.SEATING
					|| item.evidence() == Evidence.NUMBER)
			.map(item -> item.text(Locale.SIMPLIFIED_CHINESE))
			.toList();
		assertThat(missing).as("the microwave, the seats and the area").hasSize(3);
		assertThat(body(refused)).contains(missing);
		assertThat(json(approved).read("$.stationCode", String.class)).startsWith(SHINAN);
		assertThat(jdbc.sql("select status from station where id = ?").param(stationId).query(String.class).single())
			.isEqualTo("DRAFT");
	}

	@Test
	void aRejectionsReasonReachesTheApplicantAndStepsOutsideTheLifecycleAre409() throws Exception {
		String reviewer = account(XIHU, "REVIEWER");
		long id = submitIn(XIHU, randomCreditCode(), "文二路小店", List.of("DRINKING_WATER"), 15);

		expect(decide(id, "APPROVE", null).with(basic(reviewer)), 409);
		MvcResult noReason = expect(decide(id, "REJECT", " ").with(basic(reviewer)), 400);
		assertThat(json(noReason).read("$.errors[0].field", String.class)).isEqualTo("reason");

		expect(decide(id, "REJECT", "场地在地下室，不临街").with(basic(reviewer)), 200);
		String token = tokenOf(id);
		DocumentContext status = json(expect(get("/api/v1/applications/" + token), 200));
		assertThat(status.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(status.read("$.history[-1].note", String.class)).isEqualTo("场地在地下室，不临街");
		assertThat(jdbc.sql("select body from application_mail where application_id = ? order by id desc limit 1")
			.param(id)
			.query(String.class)
			.single()).contains("场地在地下室，不临街", "/a/" + token);

		expect(post("/api/v1/applications/" + id + "/review").with(basic(reviewer)), 409);
		expect(decide(id, "REJECT", "again").with(basic(reviewer)), 409);
		expect(decide(id, "MAYBE", "x").with(basic(reviewer)), 400);
	}

	@Test
	void onlyReviewersOfTheSubtreeReviewAnotherDistrictsApplicationDoesNotExistForThem() throws Exception {
		String foreignReviewer = account(SHANGCHENG, "REVIEWER");
		String inspector = account(XIHU, "INSPECTOR");
		long id = submitIn(XIHU, randomCreditCode(), "文一路小店", List.of("DRINKING_WATER"), 15);

		expect(post("/api/v1/applications/" + id + "/review").with(basic(foreignReviewer)), 404);
		expect(post("/api/v1/applications/" + id + "/review").with(basic(inspector)), 403);
		expect(decide(id, "REJECT", "x").with(basic(foreignReviewer)), 404);
		assertThat(jdbc.sql("select status from application where id = ?").param(id).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void theApplicantAnswersARequestForMoreByTheStatusLinkAndTheApplicationIsUnderReviewAgain() throws Exception {
		String reviewer = account(XIHU, "REVIEWER");
		long id = submitIn(XIHU, randomCreditCode(), "古荡小店", List.of("DRINKING_WATER"), 15);
		String token = tokenOf(id);
		expect(post("/api/v1/applications/" + id + "/review").with(basic(reviewer)), 200);
		expect(post("/api/v1/applications/" + id + "/information-request").with(basic(reviewer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"question\":\"请补充营业执照照片\"}"), 200);

		MvcResult page = expect(get("/a/" + token), 200);
		assertThat(body(page)).contains("请补充营业执照照片", "reply-form");

		expect(post("/a/" + token + "/reply").with(csrf()).param("reply", "执照已张贴在门口，照片见附件说明"), 302);
		DocumentContext status = json(expect(get("/api/v1/applications/" + token), 200));
		assertThat(status.read("$.status", String.class)).isEqualTo("UNDER_REVIEW");
		assertThat(status.read("$.history[-1].note", String.class)).isEqualTo("执照已张贴在门口，照片见附件说明");
		assertThat(
				jdbc.sql("select review_round from application where id = ?").param(id).query(Integer.class).single())
			.as("the answer opens a new round")
			.isEqualTo(2);

		// Nothing is asked any more: a second answer is refused on the page.
		MvcResult again = expect(post("/a/" + token + "/reply").with(csrf()).param("reply", "再补充"), 302);
		assertThat(again.getFlashMap().get("problems")).isNotNull();
		expect(post("/a/" + "not-a-token" + "/reply").with(csrf()).param("reply", "x"), 404);
	}

	@Test
	void theApplicantWithdrawsAnUndecidedApplicationAfterConfirmingItAndItLeavesTheReviewersLists() throws Exception {
		String reviewer = account(XIHU, "REVIEWER");
		long id = submitIn(XIHU, randomCreditCode(), "文三路撤回小店", List.of("DRINKING_WATER"), 15);
		String token = tokenOf(id);
		expect(post("/api/v1/applications/" + id + "/review").with(basic(reviewer)), 200);
		assertThat(body(expect(get("/a/" + token), 200))).contains("withdraw-form", "我确认撤回这份申请");
		long[] listedBefore = reviewersLists();

		// Without the ticked confirmation nothing happens, and the page says what is
		// missing.
		MvcResult unconfirmed = expect(post("/a/" + token + "/withdraw").with(csrf()), 302);
		assertThat(unconfirmed.getFlashMap().get("problems").toString()).contains("请先勾选");
		assertThat(json(expect(get("/api/v1/applications/" + token), 200)).read("$.status", String.class))
			.isEqualTo("UNDER_REVIEW");

		MvcResult withdrawn = expect(post("/a/" + token + "/withdraw").with(csrf()).param("confirm", "yes"), 302);
		assertThat(withdrawn.getFlashMap().get("notice")).isEqualTo("onboarding.withdraw.done");
		DocumentContext status = json(expect(get("/api/v1/applications/" + token), 200));
		assertThat(status.read("$.status", String.class)).isEqualTo("WITHDRAWN");
		assertThat(status.read("$.history[-1].status", String.class)).isEqualTo("WITHDRAWN");
		assertThat(body(expect(get("/a/" + token), 200))).contains("已撤回", "您已撤回这份申请")
			.doesNotContain("withdraw-form", "reply-form");
		assertThat(jdbc.sql("""
				select count(*) from audit_entry
				where action = 'onboarding.application.withdraw' and target_id = ? and before_summary = 'UNDER_REVIEW'
				""").param(Long.toString(id)).query(Long.class).single()).as("audited").isEqualTo(1L);
		long[] listedAfter = reviewersLists();
		assertThat(listedAfter[0]).as("the review list").isEqualTo(listedBefore[0] - 1);
		assertThat(listedAfter[1]).as("selection").isEqualTo(listedBefore[1] - 1);
		assertThat(listedAfter[2]).as("asked for by its status, it is still there").isEqualTo(listedBefore[2] + 1);

		// Settled now: neither the applicant nor a reviewer takes it further.
		MvcResult again = expect(post("/a/" + token + "/withdraw").with(csrf()).param("confirm", "yes"), 302);
		assertThat(again.getFlashMap().get("problems").toString()).contains("已经办结");
		expect(decide(id, "APPROVE", null).with(basic(reviewer)), 409);
		expect(post("/a/not-a-token/withdraw").with(csrf()).param("confirm", "yes"), 404);
	}

	/**
	 * The applications of 西湖区 in the reviewers' list, in selection, and in the list asked
	 * for withdrawn ones, as its union's admin counts them.
	 */
	private long[] reviewersLists() {
		ActingAsNationalAdmin.signIn();
		try {
			return new long[] { applications.list(new ApplicationQuery(null, XIHU, null), 0, 1).totalElements(),
					scoring.list(new ScoreQuery(null, XIHU, null, null, null), 0, 1).totalElements(),
					applications.list(new ApplicationQuery(ApplicationStatus.WITHDRAWN, XIHU, null), 0, 1)
						.totalElements() };
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void inCommitteeModeEachVoteIsRecordedAndTheSecondAgreeingVoteDecides() throws Exception {
		String first = account(XIHU, "REVIEWER");
		String second = account(XIHU, "REVIEWER");
		String third = account(XIHU, "REVIEWER");
		long id = submitIn(XIHU, randomCreditCode(), "西溪小店", List.of("DRINKING_WATER"), 15);
		expect(post("/api/v1/applications/" + id + "/review").with(basic(first))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"committee\":true}"), 200);

		DocumentContext one = json(expect(decide(id, "APPROVE", null).with(basic(first)), 200));
		assertThat(one.read("$.decided", Boolean.class)).isFalse();
		assertThat(one.read("$.status", String.class)).isEqualTo("UNDER_REVIEW");
		expect(decide(id, "REJECT", "改主意").with(basic(first)), 409);

		DocumentContext two = json(expect(decide(id, "REJECT", "面积不足").with(basic(second)), 200));
		assertThat(two.read("$.decided", Boolean.class)).as("one for, one against").isFalse();
		assertThat(two.read("$.votes.length()", Integer.class)).isEqualTo(2);

		DocumentContext three = json(expect(decide(id, "REJECT", "不临街").with(basic(third)), 200));
		assertThat(three.read("$.decided", Boolean.class)).isTrue();
		assertThat(three.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(jdbc.sql("select count(*) from application_vote where application_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3L);
		assertThat(
				jdbc.sql("select note from application_status_change where application_id = ? order by id desc limit 1")
					.param(id)
					.query(String.class)
					.single())
			.contains("面积不足", "不临街");
		assertThat(jdbc.sql("select count(*) from application where id = ? and station_id is null")
			.param(id)
			.query(Long.class)
			.single()).as("a rejection creates no station").isEqualTo(1L);
	}

	private long submitIn(String district, String code, String hostName, List<String> amenities, double area) {
		GeoPoint site = XIHU.equals(district) || SHANGCHENG.equals(district) ? fixtures.freeSite(district)
				: GeoPoint.of(36.062 + ThreadLocalRandom.current().nextDouble(0.01),
						120.36 + ThreadLocalRandom.current().nextDouble(0.03));
		Map<String, Object> application = application(code, hostName, district, site);
		application.put("amenities", amenities);
		ApplicationFixtures.part(application, "site").put("areaM2", area);
		Applications.Receipt receipt = applications.submit(ApplicationFixtures.input(application),
				List.of(TestImages.jpeg(800, 600)), "http://localhost");
		return jdbc.sql("select id from application where token = ?")
			.param(receipt.token().value())
			.query(Long.class)
			.single();
	}

	private String account(String organization, String role) throws Exception {
		String username = "rv-" + UUID.randomUUID().toString().substring(0, 8);
		MvcCalls.createAccount(mvc, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, username,
				"{\"username\":\"" + username + "\",\"displayName\":\"评审" + role + "\",\"organization\":\""
						+ organization + "\",\"roles\":[\"" + role + "\"]}");
		return username;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String username) {
		return httpBasic(username, TestAccounts.PASSWORD);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder decide(long id,
			String decision, String reason) {
		return post("/api/v1/applications/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"" + decision + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
					+ "}");
	}

	private static MockMultipartHttpServletRequestBuilder visit(long id, String json, int photos) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/applications/" + id + "/visits");
		request.file(new MockMultipartFile("visit", "", MediaType.APPLICATION_JSON_VALUE,
				json.getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < photos; i++) {
			request.file(new MockMultipartFile("photos", "p" + i + ".jpg", "image/jpeg", TestImages.jpeg(640, 480)));
		}
		return request;
	}

	private MvcResult expect(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
		return MvcCalls.expect(mvc, request, status);
	}

	private String tokenOf(long id) {
		return jdbc.sql("select token from application where id = ?").param(id).query(String.class).single();
	}

}
