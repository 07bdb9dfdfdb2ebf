package org.yizhan.onboarding;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.yizhan.geo.GeoPoint;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.asAdmin;
import static org.yizhan.support.MvcCalls.json;

/**
 * A union sets a programme of new stations with a target and a period; its progress
 * counts the applications of its subtree in the period as they are applied for, approved,
 * built and listed, per union below it; bad input is named; another subtree's programme
 * does not exist for a district's staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ProgrammeApiTests {

	static final String QINGDAO = "370200";

	static final String SHINAN = "370202";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications applications;

	@Autowired
	Checklists checklists;

	@Test
	void aProgrammesProgressCountsItsSubtreesApplicationsAsTheyAreApprovedBuiltAndListed() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long id = json(MvcCalls.expect(mvc,
				create("青岛市 2026 年新建驿站", QINGDAO, 300, today.minusDays(1).toString(), today.plusDays(30).toString())
					.with(asAdmin()),
				201))
			.read("$.id", Long.class);
		DocumentContext before = progress(id, asAdmin());
		assertThat(before.read("$.programme.targetCount", Integer.class)).isEqualTo(300);
		assertThat(before.read("$.unions[*].code", List.class)).contains(SHINAN);

		String reviewer = "pg-" + UUID.randomUUID().toString().substring(0, 8);
		MvcCalls.createAccount(mvc, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, reviewer,
				"{\"username\":\"" + reviewer + "\",\"displayName\":\"计划评审\",\"organization\":\"" + SHINAN
						+ "\",\"roles\":[\"REVIEWER\"]}");
		long applied = submit("计划内小店甲", List.of("DRINKING_WATER", "MICROWAVE", "SEATING"));
		submit("计划内小店乙", List.of("DRINKING_WATER"));
		MvcCalls.expect(mvc,
				post("/api/v1/applications/" + applied + "/review").with(httpBasic(reviewer, TestAccounts.PASSWORD)),
				200);
		// The site is on the ground floor facing the street, as Shandong's rule asks.
		String answers = checklists.findInForce(SHINAN)
			.orElseThrow()
			.items()
			.stream()
			.filter(item -> item.item().evidence() == Evidence.YES_NO)
			.map(item -> "{\"code\":\"" + item.item().code() + "\",\"yes\":true}")
			.collect(Collectors.joining(","));
		MvcCalls.expect(mvc,
				multipart("/api/v1/applications/" + applied + "/visits")
					.file(new MockMultipartFile("visit", "", MediaType.APPLICATION_JSON_VALUE,
							("{\"answers\":[" + answers + "]}").getBytes(StandardCharsets.UTF_8)))
					.with(httpBasic(reviewer, TestAccounts.PASSWORD)),
				201);
		MvcCalls.expect(mvc,
				post("/api/v1/applications/" + applied + "/decision").with(httpBasic(reviewer, TestAccounts.PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"decision\":\"APPROVE\"}"),
				200);
		long station = jdbc.sql("select station_id from application where id = ?")
			.param(applied)
			.query(Long.class)
			.single();
		DocumentContext approved = progress(id, asAdmin());
		assertThat(delta(before, approved, "$.total.applied")).isEqualTo(2);
		assertThat(delta(before, approved, "$.total.approved")).isEqualTo(1);
		assertThat(delta(before, approved, "$.total.built")).isEqualTo(1);
		assertThat(delta(before, approved, "$.total.listed")).isZero();
		assertThat(delta(before, approved, "$.unions[?(@.code == '" + SHINAN + "')].counts.applied")).isEqualTo(2);

		MvcCalls.expect(mvc, post("/api/v1/stations/" + station + "/list").with(asAdmin()), 200);
		DocumentContext listed = progress(id, httpBasic(reviewer, TestAccounts.PASSWORD));
		assertThat(delta(before, listed, "$.total.listed")).as("the district's reviewer sees its own part")
			.isEqualTo(1);
		assertThat(listed.read("$.unions[*].code", List.class)).containsExactly(SHINAN);
	}

	@Test
	void badInputIsNamedAndAnotherSubtreesProgrammeDoesNotExist() throws Exception {
		DocumentContext refused = json(
				MvcCalls.expect(mvc, create(" ", "999999", 0, "2026-13-01", "2026-01-01").with(asAdmin()), 400));
		assertThat(refused.read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("name", "union",
				"targetCount", "startsOn");
		DocumentContext backwards = json(
				MvcCalls.expect(mvc, create("倒序", QINGDAO, 10, "2026-12-31", "2026-01-01").with(asAdmin()), 400));
		assertThat(backwards.read("$.errors[*].field", List.class)).containsExactly("endsOn");

		long id = json(
				MvcCalls.expect(mvc, create("西安千座驿站", "610100", 1000, "2026-01-01", "2026-12-31").with(asAdmin()), 201))
			.read("$.id", Long.class);
		MvcCalls.expect(mvc,
				get("/api/v1/programmes/" + id + "/progress").with(httpBasic("xihu-admin", TestAccounts.DEMO_PASSWORD)),
				404);
	}

	private long submit(String hostName, List<String> amenities) {
		GeoPoint site = GeoPoint.of(36.062 + ThreadLocalRandom.current().nextDouble(0.01),
				120.36 + ThreadLocalRandom.current().nextDouble(0.03));
		java.util.Map<String, Object> application = ApplicationFixtures
			.application(ApplicationFixtures.randomCreditCode(), hostName, SHINAN, site);
		application.put("amenities", amenities);
		ApplicationFixtures.part(application, "site").put("areaM2", 16.0);
		Applications.Receipt receipt = applications.submit(ApplicationFixtures.input(application),
				List.of(TestImages.jpeg(640, 480)), "http://localhost");
		return jdbc.sql("select id from application where token = ?")
			.param(receipt.token().value())
			.query(Long.class)
			.single();
	}

	private DocumentContext progress(long id, org.springframework.test.web.servlet.request.RequestPostProcessor caller)
			throws Exception {
		return json(MvcCalls.expect(mvc, get("/api/v1/programmes/" + id + "/progress").with(caller), 200));
	}

	private static long delta(DocumentContext before, DocumentContext after, String path) {
		return number(after, path) - number(before, path);
	}

	private static long number(DocumentContext json, String path) {
		Object value = json.read(path);
		if (value instanceof List<?> list) {
			return ((Number) list.get(0)).longValue();
		}
		return ((Number) value).longValue();
	}

	private static MockHttpServletRequestBuilder create(String name, String union, int target, String starts,
			String ends) {
		return post("/api/v1/programmes").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"union\":\"" + union + "\",\"targetCount\":" + target
					+ ",\"startsOn\":\"" + starts + "\",\"endsOn\":\"" + ends + "\"}");
	}

}
