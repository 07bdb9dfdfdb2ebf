package org.yizhan.ticket;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * One rectification flow for every source (issue 15, item 4): an inspection's failed item
 * opened through {@link Rectifications#openFromInspection} climbs the chain like any case
 * and is closed only by a passed re-check of an "after" photo; a worker reopens their
 * resolved case within seven days and no later; union staff and a station master open
 * cases whose every field is checked. The clock starts at the real time and only moves
 * forward (less than the 90 days after which passwords expire), so every deadline of
 * these cases lies in the real future, where no job of another context (on the real
 * clock, same database) touches them.
 */
class RectificationJourneyTests extends TicketTestSupport {

	/** Each test's workers call from an address of their own. */
	private static final AtomicLong ADDRESSES = new AtomicLong();

	@Autowired
	Rectifications rectifications;

	@Autowired
	TicketEscalation escalation;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	Person inspector;

	Person general;

	@BeforeAll
	void inspectorAndGeneral() throws Exception {
		inspector = fixtures.account("330106", List.of("INSPECTOR"));
		general = fixtures.account("330106", List.of("STATION_MASTER"), fixtures.listedStation("330106"));
	}

	@Test
	void aFailedItemIsEscalatedRectifiedSentBackRectifiedAgainAndClosedByARecheck() throws Exception {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, general, null);
		byte[] before = TestImages.jpegWithGps();

		TicketNumber number = rectifications.openFromInspection(new Rectifications.InspectionFinding(station.id(),
				"8Y-6", "配备急救药箱，药品在有效期内", "药箱内碘伏已过期", null, null, before, "回头看2026/检查-17"));

		DocumentContext opened = ticket(number, master);
		assertThat(opened.read("$.source", String.class)).isEqualTo("INSPECTION");
		assertThat(opened.read("$.severity", String.class)).isEqualTo("GENERAL");
		assertThat(opened.read("$.problem", String.class)).isEqualTo("FAILED_ITEM");
		assertThat(opened.read("$.item.code", String.class)).isEqualTo("8Y-6");
		assertThat(opened.read("$.reference", String.class)).isEqualTo("回头看2026/检查-17");
		assertThat(opened.read("$.level", String.class)).isEqualTo("STATION_MASTER");
		assertThat(due(number)).as("an inspection's general finding has 30 days")
			.isEqualTo(t.plus(Duration.ofDays(30)));
		byte[] storedBefore = fixtures.as(master, get(opened.read("$.beforePhotoUrl", String.class)))
			.getResponse()
			.getContentAsByteArray();
		assertThat(storedBefore).startsWith(0xFF, 0xD8);
		assertThat(TestImages.contains(storedBefore, TestImages.GPS_MARKER)).isFalse();
		assertThat(events.stream(ProblemReported.class).filter(event -> event.number().equals(number.value())))
			.singleElement()
			.satisfies(event -> assertThat(event.source()).isEqualTo(TicketSource.INSPECTION));

		// Nobody acts for 30 days: it climbs to the liaison, who has a day.
		Instant escalated = t.plus(Duration.ofDays(30));
		clock.set(escalated);
		escalation.escalateOverdue();
		assertThat(level(number)).isEqualTo("LIAISON");
		assertThat(due(number)).isEqualTo(escalated.plus(Duration.ofDays(1)));

		// An inspection's finding is not resolved by the side that rectifies it.
		MvcResult resolved = fixtures.as(liaison,
				post("/api/v1/tickets/" + number + "/resolve").contentType(MediaType.APPLICATION_JSON)
					.content("{\"note\":\"已更换药品\"}"));
		assertThat(resolved.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(resolved).read("$.detail", String.class)).contains("复查");
		MvcResult noPhoto = fixtures.as(liaison, rectify(number, "已更换药品", null));
		assertThat(noPhoto.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(noPhoto).read("$.errors[0].field", String.class)).isEqualTo("photo");
		assertThat(json(noPhoto).read("$.errors[0].message", String.class)).contains("整改后");
		MvcResult recheckTooEarly = fixtures.as(inspector, recheck(number, "{\"passed\":true}"));
		assertThat(recheckTooEarly.getResponse().getStatus()).isEqualTo(409);

		clock.advance(Duration.ofHours(2));
		MvcResult rectified = fixtures.as(liaison, rectify(number, "已更换药品", TestImages.jpegWithGps()));
		assertThat(rectified.getResponse().getStatus()).as(body(rectified)).isEqualTo(200);
		assertThat(json(rectified).read("$.status", String.class)).isEqualTo("RECTIFIED");
		byte[] after = fixtures.as(inspector, get(json(rectified).read("$.rectification.photoUrl", String.class)))
			.getResponse()
			.getContentAsByteArray();
		assertThat(after).startsWith(0xFF, 0xD8);
		assertThat(TestImages.contains(after, TestImages.GPS_MARKER)).isFalse();
		clock.advance(Duration.ofDays(3));
		escalation.escalateOverdue();
		assertThat(level(number)).as("no deadline runs while it waits for its re-check").isEqualTo("LIAISON");

		// The station side may not re-check its own work; a failure needs its reason.
		assertThat(fixtures.as(master, recheck(number, "{\"passed\":true}")).getResponse().getStatus()).isEqualTo(403);
		MvcResult noReason = fixtures.as(inspector, recheck(number, "{\"passed\":false}"));
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(noReason).read("$.errors[0].field", String.class)).isEqualTo("reason");
		Instant failedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		MvcResult failed = fixtures.as(inspector, recheck(number, "{\"passed\":false,\"reason\":\"药箱仍缺少纱布\"}"));
		assertThat(failed.getResponse().getStatus()).as(body(failed)).isEqualTo(200);
		assertThat(json(failed).read("$.status", String.class)).isEqualTo("OPEN");
		assertThat(due(number)).as("the liaison's day again, from the re-check")
			.isEqualTo(failedAt.plus(Duration.ofDays(1)));

		MvcResult again = fixtures.as(liaison, rectify(number, "已补充纱布和药品", TestImages.jpeg(64, 48)));
		assertThat(again.getResponse().getStatus()).as(body(again)).isEqualTo(200);
		MvcResult passed = fixtures.as(inspector, recheck(number, "{\"passed\":true,\"reason\":\"药箱齐全\"}"));
		assertThat(passed.getResponse().getStatus()).as(body(passed)).isEqualTo(200);

		DocumentContext closed = json(passed);
		assertThat(closed.read("$.status", String.class)).isEqualTo("RESOLVED");
		assertThat(closed.read("$.resolutionNote", String.class)).isEqualTo("已补充纱布和药品");
		assertThat(closed.read("$.resolvedBy.id", Long.class)).isEqualTo(inspector.id());
		assertThat(closed.read("$.photoUrl", String.class)).isNotNull();
		assertThat(closed.read("$.history[*].event", List.class)).containsExactly("OPENED", "ESCALATED", "RECTIFIED",
				"RECHECK_FAILED", "RECTIFIED", "RECHECK_PASSED");
		assertThat(closed.read("$.history[3].note", String.class)).isEqualTo("药箱仍缺少纱布");
		assertThat(events.stream(TicketRechecked.class).filter(event -> event.number().equals(number.value())))
			.extracting(TicketRechecked::passed)
			.containsExactly(false, true);
		assertThat(events.stream(TicketResolved.class).filter(event -> event.number().equals(number.value())))
			.hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ticket.recheck' and target_id = ?")
			.param(number.value())
			.query(Long.class)
			.single()).isEqualTo(2);
		// Closed by its re-check, it cannot be reopened from the status page: no worker
		// reported it.
		MvcResult reopen = mvc
			.perform(post("/api/v1/problems/" + number + "/reopen").contentType(MediaType.APPLICATION_JSON)
				.content("{}")
				.with(request -> {
					request.setRemoteAddr("10.9.0.1");
					return request;
				}))
			.andReturn();
		assertThat(reopen.getResponse().getStatus()).isEqualTo(409);

		String page = HttpCaller.console(port, inspector.username(), TestAccounts.PASSWORD)
			.get("/console/tickets/" + number)
			.body();
		assertThat(page).contains("检查发现", "8Y-6", "配备急救药箱，药品在有效期内", "复查通过", "药箱仍缺少纱布");
	}

	@Test
	void anInspectionFindingIsRefusedFieldByFieldAndItsDeadlineMayBeOverridden() {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		LocalDate today = LocalDate.ofInstant(t, YizhanTime.ZONE);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> rectifications.openFromInspection(new Rectifications.InspectionFinding(station.id(),
					"8Y 6", " ", "注\u202e释", null, today, "<html>".getBytes(), "x".repeat(201))))
			.satisfies(ex -> assertThat(ex.violations()).extracting(violation -> violation.field())
				.containsExactlyInAnyOrder("itemCode", "itemText", "note", "reference", "rectifyBy", "beforePhoto"));
		assertThat(jdbc.sql("select count(*) from problem_ticket where station_id = ?")
			.param(station.id().value())
			.query(Long.class)
			.single()).as("nothing half-written").isZero();

		TicketNumber urgent = rectifications.openFromInspection(new Rectifications.InspectionFinding(station.id(),
				"6Y-1", "统一标识", null, Severity.URGENT, null, null, null));
		TicketNumber byDate = rectifications.openFromInspection(new Rectifications.InspectionFinding(station.id(),
				"6Y-2", "布局合理", null, Severity.SERIOUS, today.plusDays(10), null, null));

		assertThat(due(urgent)).isEqualTo(t.plus(Duration.ofDays(1)));
		assertThat(due(byDate)).as("the whole last day, to midnight in Shanghai")
			.isEqualTo(today.plusDays(11).atStartOfDay(YizhanTime.ZONE).toInstant());
	}

	@Test
	void aWorkerReopensTheirCaseWithinSevenDaysOfItsResolutionAndNotAfter() throws Exception {
		startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, null, null, null);
		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, TicketFixtures.device())
			.ticket()
			.number()
			.value();
		resolveAsMaster(number, "已补充饮用水");

		clock.advance(Duration.ofDays(7).minusMinutes(1));
		MvcResult page = publicCall(get("/p/" + number));
		assertThat(body(page)).contains("id=\"reopen-form\"").doesNotContain("id=\"reopen-too-late\"");
		MvcResult reopened = publicCall(post("/p/" + number + "/reopen").param("reason", "饮水机又空了"));
		assertThat(reopened.getResponse().getStatus()).as(body(reopened)).isEqualTo(200);
		assertThat(body(reopened)).contains("工单已重新打开", "处理中");
		assertThat(reopened.getRequest().getSession(false)).as("no session for an anonymous page").isNull();
		DocumentContext open = ticket(new TicketNumber(number), master);
		assertThat(open.read("$.status", String.class)).isEqualTo("OPEN");
		assertThat(open.read("$.reopened", Integer.class)).isEqualTo(1);
		assertThat(open.read("$.level", String.class)).isEqualTo("STATION_MASTER");
		assertThat(open.read("$.history[*].event", List.class)).containsExactly("OPENED", "RESOLVED", "REOPENED");
		assertThat(open.read("$.history[2].note", String.class)).isEqualTo("饮水机又空了");
		assertThat(due(new TicketNumber(number)))
			.isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(2)));
		assertThat(events.stream(TicketReopened.class).filter(event -> event.number().equals(number))).hasSize(1);
		// its holder hears of it again, although the first round's notice was settled
		await().atMost(Duration.ofSeconds(60))
			.until(() -> noticeKeys(number).contains(master.id() + " " + number + "/STATION_MASTER/2"));
		assertThat(jdbc.sql("""
				select subject_zh from notification where kind = 'ticket.assigned' and dedupe_key = ?""")
			.param(number + "/STATION_MASTER/2")
			.query(String.class)
			.single()).startsWith("工单 " + number + " 已被报告人重新打开");
		MvcResult twice = publicCall(
				post("/api/v1/problems/" + number + "/reopen").contentType(MediaType.APPLICATION_JSON).content("{}"));
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);

		resolveAsMaster(number, "已更换饮水桶");
		clock.advance(Duration.ofDays(7));
		MvcResult late = publicCall(
				post("/api/v1/problems/" + number + "/reopen").contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
					.content("{\"reason\":\"still empty\"}"));
		assertThat(late.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(late).read("$.detail", String.class)).contains("7 days", "report it again");
		MvcResult latePage = publicCall(get("/p/" + number));
		assertThat(body(latePage)).contains("id=\"reopen-too-late\"", "超过 7 天").doesNotContain("id=\"reopen-form\"");
		MvcResult status = publicCall(get("/api/v1/problems/" + number));
		assertThat(json(status).read("$.reopening", String.class)).isEqualTo("TOO_LATE");
		assertThat(json(status).read("$.source", String.class)).isEqualTo("QR_REPORT");
		assertThat(status(number)).isEqualTo("RESOLVED");
	}

	@Test
	void unionStaffOpenACaseWithTheCallersPhoneSealedAndEveryFieldChecked() throws Exception {
		Instant t = startClock();
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);

		MvcResult refused = fixtures.asAdmin(openCall("{\"station\":\"330106-99999\",\"source\":\"INSPECTION\","
				+ "\"problem\":\"FAILED_ITEM\",\"severity\":\"HUGE\",\"description\":\"  \","
				+ "\"callerPhone\":\"12345\"}")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(refused).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("source", "problem",
				"severity", "description", "callerPhone", "station");
		assertThat(json(refused).read("$.errors[?(@.field == 'callerPhone')].message", List.class).toString())
			.contains("phone number");
		MvcResult empty = fixtures.asAdmin(openCall("{}"));
		assertThat(json(empty).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("station", "source",
				"problem", "severity", "description");
		assertThat(json(empty).read("$.errors[0].message", String.class)).isEqualTo("不能为空");

		MvcResult opened = fixtures.asAdmin(openCall("{\"station\":\"" + station.code().value()
				+ "\",\"source\":\"STAFF\",\"problem\":\"CLOSED_WHEN_LISTED_OPEN\",\"severity\":\"URGENT\","
				+ "\"description\":\"12351 来电：中午显示开放但大门紧锁\",\"callerPhone\":\"13812345678\"}"));
		assertThat(opened.getResponse().getStatus()).as(body(opened)).isEqualTo(201);
		DocumentContext ticket = json(opened);
		String number = ticket.read("$.number");
		assertThat(opened.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/tickets/" + number);
		assertThat(ticket.read("$.source", String.class)).isEqualTo("STAFF");
		assertThat(ticket.read("$.callerPhone", String.class)).isEqualTo("138****5678");
		assertThat(ticket.read("$.openedBy.username", String.class)).isEqualTo("admin");
		assertThat(ticket.read("$.assignee.id", Long.class)).isEqualTo(master.id());
		assertThat(due(new TicketNumber(number))).isEqualTo(t.plus(Duration.ofDays(1)));
		String sealed = jdbc.sql("select caller_phone_sealed from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
		assertThat(sealed).isNotBlank().doesNotContain("13812345678", "5678");
		assertThat(HttpCaller.console(port, master.username(), TestAccounts.PASSWORD)
			.get("/console/tickets/" + number)
			.body()).contains("138****5678", "工会受理").doesNotContain("13812345678");
		MvcResult listed = fixtures.asAdmin(get("/api/v1/tickets?source=staff&station=" + station.id().value()));
		assertThat(json(listed).read("$.content[*].number", List.class)).containsExactly(number);
		assertThat(json(fixtures.asAdmin(get("/api/v1/tickets?source=QR_REPORT&station=" + station.id().value())))
			.read("$.totalElements", Integer.class)).isZero();

		// A station master records their own self-check, never a "staff" case.
		MvcResult selfCheck = fixtures.as(master,
				openCall("{\"station\":\"" + home.id().value()
						+ "\",\"source\":\"SELF_CHECK\",\"problem\":\"OTHER\",\"severity\":\"SERIOUS\","
						+ "\"description\":\"自查：灭火器压力不足\"}"));
		assertThat(selfCheck.getResponse().getStatus()).as(body(selfCheck)).isEqualTo(201);
		assertThat(json(selfCheck).read("$.source", String.class)).isEqualTo("SELF_CHECK");
		MvcResult masterAsStaff = fixtures.as(master, openCall("{\"station\":\"" + home.id().value()
				+ "\",\"source\":\"STAFF\",\"problem\":\"OTHER\",\"severity\":\"SERIOUS\",\"description\":\"x\"}"));
		assertThat(masterAsStaff.getResponse().getStatus()).isEqualTo(403);
		MvcResult phoneOnSelfCheck = fixtures.as(master,
				openCall("{\"station\":\"" + home.id().value()
						+ "\",\"source\":\"SELF_CHECK\",\"problem\":\"OTHER\",\"severity\":\"SERIOUS\","
						+ "\"description\":\"x\",\"callerPhone\":\"13812345678\"}"));
		assertThat(json(phoneOnSelfCheck).read("$.errors[0].field", String.class)).isEqualTo("callerPhone");

		// The console's form says the same, next to what was typed.
		HttpResponse<String> form = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)
			.postForm("/console/tickets", Map.of("station", "330106-99999", "source", "STAFF", "problem", "SAFETY",
					"severity", "URGENT", "description", "漏电", "callerPhone", "abc"));
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("id=\"form-errors\"", "330106-99999", "电话号码格式不正确", "漏电");
	}

	private MockHttpServletRequestBuilder openCall(String json) {
		return post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockMultipartHttpServletRequestBuilder rectify(TicketNumber number, String note, byte[] photo) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/tickets/" + number + "/rectify");
		if (photo != null) {
			request.file(new MockMultipartFile("photo", "after.jpg", "image/jpeg", photo));
		}
		request.param("note", note);
		return request;
	}

	private MockHttpServletRequestBuilder recheck(TicketNumber number, String json) {
		return post("/api/v1/tickets/" + number + "/recheck").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private void resolveAsMaster(String number, String note) throws Exception {
		MvcResult resolved = fixtures.as(master,
				post("/api/v1/tickets/" + number + "/resolve").contentType(MediaType.APPLICATION_JSON)
					.content("{\"note\":\"" + note + "\"}"));
		assertThat(resolved.getResponse().getStatus()).as(body(resolved)).isEqualTo(200);
	}

	/**
	 * A worker's call from an address of their own, so the per-address limits stay out of
	 * it.
	 */
	private MvcResult publicCall(MockHttpServletRequestBuilder request) throws Exception {
		String address = "10.77." + (ADDRESSES.get() % 250) + ".9";
		return mvc.perform(request.with(call -> {
			call.setRemoteAddr(address);
			return call;
		}).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn();
	}

	private DocumentContext ticket(TicketNumber number, Person as) throws Exception {
		MvcResult result = fixtures.as(as, get("/api/v1/tickets/" + number));
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		return json(result);
	}

	private Instant startClock() {
		ADDRESSES.incrementAndGet();
		Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(t);
		return t;
	}

	private List<String> noticeKeys(String number) {
		return jdbc.sql("""
				select account_id || ' ' || dedupe_key from notification
				where kind = 'ticket.assigned' and dedupe_key like ? order by id
				""").param(number + "/%").query(String.class).list();
	}

	private String level(TicketNumber number) {
		return jdbc.sql("select responsible_level from problem_ticket where number = ?")
			.param(number.value())
			.query(String.class)
			.single();
	}

	private String status(String number) {
		return jdbc.sql("select status from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	private Instant due(TicketNumber number) {
		return jdbc.sql("select due_at from problem_ticket where number = ?")
			.param(number.value())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

}
