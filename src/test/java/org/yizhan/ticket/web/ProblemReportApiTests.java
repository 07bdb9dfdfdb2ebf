package org.yizhan.ticket.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.station.DelistingReason;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.TicketFixtures.Person;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.json;

/**
 * A worker reports a problem from a station's QR page and follows it by number, without
 * an account: every bad input answered kindly in the caller's language, nothing
 * half-written, one phone kept from flooding a station with tickets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class ProblemReportApiTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StationRegistry registry;

	TicketFixtures fixtures;

	/** Each test its own client address, so the per-address buckets do not meet. */
	String address;

	@BeforeEach
	void setUp(@Autowired StationResponsibilities responsibilities, @Autowired ProblemTickets tickets) {
		fixtures = TicketFixtures.of(context);
		address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aReportOpensATicketWithAnUnguessableNumberAStatusUrlAndTheProblemTypesDeadline() throws Exception {
		Station station = fixtures.listedStation("330106");
		Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, null, null, null);
		Instant reportedAt = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
		clock.set(reportedAt);

		MvcResult created = report(
				body(fixtures.token(station), "SAFETY", "楼梯扶手松动<script>alert(1)</script>", TicketFixtures.device()));

		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		DocumentContext answer = json(created);
		String number = answer.read("$.number");
		assertThat(number).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
		assertThat(answer.read("$.status", String.class)).isEqualTo("OPEN");
		assertThat(OffsetDateTime.parse(answer.read("$.dueAt")).toInstant())
			.isEqualTo(reportedAt.plus(Duration.ofHours(4)));
		assertThat(answer.read("$.dueAt", String.class)).endsWith("+08:00");
		// no yizhan.public-base-url here: the address the request came to
		assertThat(answer.read("$.statusUrl", String.class)).isEqualTo("http://localhost/p/" + number);
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/problems/" + number);

		MvcResult status = mvc.perform(get("/api/v1/problems/" + number.toLowerCase()).with(from(address))).andReturn();
		assertThat(status.getResponse().getStatus()).isEqualTo(200);
		DocumentContext ticket = json(status);
		assertThat(ticket.read("$.number", String.class)).isEqualTo(number);
		assertThat(ticket.read("$.station.code", String.class)).isEqualTo(station.code().value());
		assertThat(ticket.read("$.station.name", String.class)).isEqualTo(station.details().name());
		assertThat(ticket.read("$.problem", String.class)).isEqualTo("SAFETY");
		assertThat(OffsetDateTime.parse(ticket.read("$.createdAt")).toInstant()).isEqualTo(reportedAt);
		assertThat(ticket.read("$", Map.class)).doesNotContainKeys("resolvedAt", "resolutionNote");
		assertThat(status.getResponse().getContentAsString()).doesNotContain(master.username(), "工单STATION_MASTER",
				"扶手");

		assertThat(jdbc.sql("select description from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single()).isEqualTo("楼梯扶手松动<script>alert(1)</script>");
		assertThat(jdbc.sql("""
				select h.event || ' ' || h.responsible_level || ' ' || h.assignee_id from problem_ticket_history h
				join problem_ticket t on t.id = h.ticket_id where t.number = ?""")
			.param(number)
			.query(String.class)
			.list()).containsExactly("OPENED STATION_MASTER " + master.id());
		assertThat(jdbc.sql("select count(*) from audit_entry where target_id = ? or client_address = ?")
			.param(number)
			.param(address)
			.query(Long.class)
			.single()).as("a worker's report leaves no client address in the audit log").isZero();
	}

	@Test
	void eachBadValueIsNamedWithAKindMessageInTheCallersLanguage() throws Exception {
		Station station = fixtures.listedStation("330106");
		MvcResult missing = report("{}");
		MvcResult bad = report(body(fixtures.token(station), "NOISE", "长".repeat(501), "has space"));
		MvcResult control = mvc
			.perform(post("/api/v1/problems").with(from(address))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body(fixtures.token(station), "SAFETY", "bad\\u0000byte", TicketFixtures.device())))
			.andReturn();
		MvcResult unreadable = report("{\"token\":");

		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(missing).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("token", "problem");
		assertThat(json(missing).read("$.errors[*].code", List.class)).containsOnly("validation.required");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(bad).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("problem", "description",
				"deviceId");
		assertThat(json(bad).read("$.detail", String.class)).contains("无法识别的取值“NOISE”", "不能超过 500 个字符");
		assertThat(control.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(control).read("$.errors[0].field", String.class)).isEqualTo("description");
		assertThat(json(control).read("$.errors[0].message", String.class))
			.isEqualTo("must not contain control characters");
		assertThat(unreadable.getResponse().getStatus()).isEqualTo(400);
		assertThat(unreadable.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(openTicketsAt(station)).isZero();
	}

	@Test
	void malformedForgedAndExpiredCodesAreRefusedSayingWhatToDo() throws Exception {
		Station station = fixtures.listedStation("330106");
		String genuine = fixtures.token(station);
		// A symbol inside the signature (the last one may carry only padding bits).
		int at = genuine.length() - 4;
		String forged = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		String ofARemovedKey = new StationTokens(Map.of(200, new StationTokens.SigningKey(otherKey, null)), 200,
				Duration.ofDays(1), clock)
			.issue(station.id());

		MvcResult malformed = report(body("not-a-token!", "SAFETY", null, null));
		MvcResult forgedAnswer = report(body(forged, "SAFETY", null, null));
		MvcResult expired = report(body(ofARemovedKey, "SAFETY", null, null));

		assertThat(List.of(malformed, forgedAnswer, expired))
			.allSatisfy(answer -> assertThat(answer.getResponse().getStatus()).isEqualTo(400));
		assertThat(json(malformed).read("$.errors[0].code", String.class)).isEqualTo("ticket.token.malformed");
		assertThat(json(forgedAnswer).read("$.errors[0].code", String.class)).isEqualTo("ticket.token.forged");
		assertThat(json(expired).read("$.errors[0].code", String.class)).isEqualTo("ticket.token.expired");
		assertThat(json(expired).read("$.errors[0].message", String.class)).contains("已经过期", "新二维码");
		assertThat(openTicketsAt(station)).isZero();
	}

	@Test
	void aSuspendedStationTakesReportsADraftOrDelistedOneRefusesKindly() throws Exception {
		Station suspended = fixtures.listedStation("330106");
		Station delisted = fixtures.listedStation("330106");
		Station draft = fixtures.draftStation("330106");
		ActingAsNationalAdmin.signIn();
		registry.suspend(suspended.id(), null, "装修", LocalDate.now().plusMonths(1));
		registry.delist(delisted.id(), null, DelistingReason.CLOSED, null);
		SecurityContextHolder.clearContext();

		MvcResult toSuspended = report(body(fixtures.token(suspended), "CLOSED_WHEN_LISTED_OPEN", null, null));
		MvcResult toDelisted = report(body(fixtures.token(delisted), "SAFETY", null, null));
		MvcResult toDraft = report(body(fixtures.token(draft), "SAFETY", null, null));

		assertThat(toSuspended.getResponse().getStatus()).isEqualTo(201);
		assertThat(toDelisted.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(toDelisted).read("$.detail", String.class)).contains(delisted.details().name(), "已停止服务", "感谢");
		assertThat(json(toDelisted).read("$.errors[0].field", String.class)).isEqualTo("token");
		assertThat(toDraft.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(toDraft).read("$.detail", String.class)).contains("尚未开放");
		assertThat(openTicketsAt(delisted) + openTicketsAt(draft)).isZero();
	}

	@Test
	void thePhoneThatReportedAnOpenProblemGetsItsNumberBackInsteadOfASecondTicket() throws Exception {
		Station station = fixtures.listedStation("330106");
		String device = TicketFixtures.device();

		MvcResult first = report(body(fixtures.token(station), "BROKEN_FACILITY", "微波炉坏了", device));
		MvcResult again = report(body(fixtures.token(station), "broken_facility", "微波炉还是坏的", device));
		MvcResult otherProblem = report(body(fixtures.token(station), "MISSING_SUPPLIES", null, device));
		MvcResult otherPhone = report(body(fixtures.token(station), "BROKEN_FACILITY", null, TicketFixtures.device()));
		MvcResult noDevice = report(body(fixtures.token(station), "BROKEN_FACILITY", null, null));

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(json(again).read("$.number", String.class)).isEqualTo(json(first).read("$.number", String.class));
		assertThat(List.of(otherProblem, otherPhone, noDevice))
			.allSatisfy(answer -> assertThat(answer.getResponse().getStatus()).isEqualTo(201));
		assertThat(openTicketsAt(station)).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from problem_ticket where device_hash = convert_to(?, 'UTF8')")
			.param(device)
			.query(Long.class)
			.single()).as("the device id is stored only as a keyed hash").isZero();
	}

	@Test
	void onePhoneCannotOpenMoreThanFiveTicketsAnHour() throws Exception {
		String device = TicketFixtures.device();
		for (int i = 0; i < 5; i++) {
			Station station = fixtures.listedStation("330106");
			assertThat(
					report(body(fixtures.token(station), "MISSING_SUPPLIES", null, device)).getResponse().getStatus())
				.isEqualTo(201);
		}
		Station sixth = fixtures.listedStation("330106");

		MvcResult refused = report(body(fixtures.token(sixth), "MISSING_SUPPLIES", null, device));

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
		assertThat(json(refused).read("$.detail", String.class)).contains("这部手机提交的问题报告太多了");
		assertThat(openTicketsAt(sixth)).isZero();

		clock.advance(Duration.ofMinutes(61));
		assertThat(report(body(fixtures.token(sixth), "MISSING_SUPPLIES", null, device)).getResponse().getStatus())
			.isEqualTo(201);
	}

	@Test
	void oneClientAddressIsLimitedLooselyWhateverItSends() throws Exception {
		for (int i = 0; i < 60; i++) {
			assertThat(report("{}").getResponse().getStatus()).isEqualTo(400);
		}

		MvcResult refused = report(body(fixtures.token(fixtures.listedStation("330106")), "SAFETY", null, null));

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
		assertThat(json(refused).read("$.title", String.class)).isEqualTo("请求过于频繁");
	}

	@Test
	void anUnknownOrMalformedNumberIsNotFoundAndLookUpsAreLimitedPerAddress() throws Exception {
		MvcResult unknown = mvc.perform(get("/api/v1/problems/2345-6789-ABCD").with(from(address))).andReturn();
		MvcResult malformed = mvc.perform(get("/api/v1/problems/0000-OOOO-1111").with(from(address))).andReturn();

		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
		assertThat(json(unknown).read("$.detail", String.class)).contains("2345-6789-ABCD");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(404);
		// The bucket refills at one look-up a second while the loop runs: the first
		// refusal
		// comes after the 60 of the burst and a few refilled ones.
		int refusedAt = -1;
		for (int i = 2; i < 200 && refusedAt < 0; i++) {
			if (mvc.perform(get("/api/v1/problems/2345-6789-ABCD").with(from(address)))
				.andReturn()
				.getResponse()
				.getStatus() == 429) {
				refusedAt = i;
			}
		}
		assertThat(refusedAt).isBetween(60, 120);
		assertThat(mvc.perform(get("/p/2345-6789-ABCD").with(from(address))).andReturn().getResponse().getStatus())
			.isEqualTo(429);
	}

	private MvcResult report(String body) throws Exception {
		return mvc
			.perform(post("/api/v1/problems").with(from(address)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private long openTicketsAt(Station station) {
		return jdbc.sql("select count(*) from problem_ticket where station_id = ? and status = 'OPEN'")
			.param(station.id().value())
			.query(Long.class)
			.single();
	}

	static String body(String token, String problem, String description, String deviceId) {
		StringBuilder json = new StringBuilder("{\"token\":\"").append(token)
			.append("\",\"problem\":\"")
			.append(problem)
			.append('"');
		if (description != null) {
			json.append(",\"description\":\"").append(description).append('"');
		}
		if (deviceId != null) {
			json.append(",\"deviceId\":\"").append(deviceId).append('"');
		}
		return json.append('}').toString();
	}

}
