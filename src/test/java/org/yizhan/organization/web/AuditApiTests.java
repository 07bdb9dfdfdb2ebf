package org.yizhan.organization.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.organization.Actors;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Role;
import org.yizhan.platform.Csv;
import org.yizhan.support.MvcCalls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yizhan.support.MvcCalls.json;

/**
 * The audit viewer: auditors and admins only, each within their own subtree, with filters
 * that refuse what they cannot read, and a CSV export that is safe to open in a
 * spreadsheet.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditApiTests {

	static final String XIHU = "100000/330000/330100/330106";

	static final String HANGZHOU = "100000/330000/330100";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	/** The target type of this test's entries, so that counts see only them. */
	String type;

	@BeforeEach
	void entriesInThreeDistricts() {
		type = "t" + UUID.randomUUID().toString().substring(0, 8);
		record(Actors.signedIn("xihu-admin", XIHU, Role.ORG_ADMIN), "330106", "A1");
		record(Actors.signedIn("xihu-admin", XIHU, Role.ORG_ADMIN), "330106", "A2");
		record(Actors.signedIn("gongshu-admin", HANGZHOU + "/330105", Role.ORG_ADMIN), "330105", "B1");
		record(Actors.signedIn("=1+2", "100000/330000/330200/330211", Role.ORG_ADMIN), "330211", "C1");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theLegacyAdminIsANationalAdminAndSeesEverything() throws Exception {
		DocumentContext page = json(send(get("/api/v1/audit").param("targetType", type), admin(), 200));

		assertThat(page.read("$.totalElements", Integer.class)).isEqualTo(4);
		assertThat(page.read("$.content[*].targetId", List.class)).containsExactly("C1", "B1", "A2", "A1");
		assertThat(page.read("$.content[0].occurredAt", String.class)).endsWith("+08:00");
		assertThat(page.read("$.content[0].roles", List.class)).containsExactly("ORG_ADMIN");
	}

	@Test
	void aDistrictAuditorSeesOnlyTheirDistrict() throws Exception {
		Authentication auditor = Actors.signedIn("xihu-auditor", XIHU, Role.AUDITOR);

		DocumentContext page = json(send(get("/api/v1/audit").param("targetType", type), authentication(auditor), 200));

		assertThat(page.read("$.content[*].targetId", List.class)).containsExactly("A2", "A1");
	}

	@Test
	void aCityAdminNarrowsToADistrictOfTheirCityButNotBeyond() throws Exception {
		Authentication cityAdmin = Actors.signedIn("hz-admin", HANGZHOU, Role.ORG_ADMIN);

		DocumentContext city = json(
				send(get("/api/v1/audit").param("targetType", type), authentication(cityAdmin), 200));
		DocumentContext gongshu = json(send(get("/api/v1/audit").param("targetType", type).param("org", "330105"),
				authentication(cityAdmin), 200));
		MvcResult ningbo = send(get("/api/v1/audit").param("targetType", type).param("org", "330211"),
				authentication(cityAdmin), 403);

		assertThat(city.read("$.content[*].targetId", List.class)).containsExactly("B1", "A2", "A1");
		assertThat(gongshu.read("$.content[*].targetId", List.class)).containsExactly("B1");
		assertThat(json(ningbo).read("$.type", String.class)).endsWith("/forbidden");
	}

	@Test
	void rolesOtherThanAuditorAndAdminAreRefused() throws Exception {
		for (Role role : List.of(Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.STATION_MASTER, Role.LIAISON,
				Role.HOST, Role.EVALUATOR)) {
			MvcResult refused = send(get("/api/v1/audit"), authentication(Actors.signedIn("someone", XIHU, role)), 403);
			assertThat(json(refused).read("$.detail", String.class)).isEqualTo("您的角色或所属组织无权进行此操作。");
		}
		assertThat(mvc.perform(get("/api/v1/audit")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void filtersByActionAreaUsernameTargetAndTime() throws Exception {
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("username", "xihu-admin"))).isEqualTo(2);
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("targetId", "B1"))).isEqualTo(1);
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("action", "audit"))).isEqualTo(4);
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("action", "audit.test"))).isEqualTo(4);
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("action", "station"))).isZero();
		assertThat(total(get("/api/v1/audit").param("targetType", type)
			.param("from", "2020-01-01")
			.param("to", java.time.LocalDate.now(org.yizhan.platform.YizhanTime.ZONE).toString()))).isEqualTo(4);
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("to", "2020-01-01"))).isZero();
		assertThat(total(get("/api/v1/audit").param("targetType", type).param("size", "1").param("page", "3")))
			.isEqualTo(4);
	}

	@Test
	void badFiltersAreRefusedNamingTheField() throws Exception {
		assertField(get("/api/v1/audit").param("from", "yesterday"), "from", "audit.dateTime");
		assertField(get("/api/v1/audit").param("from", "2026-11-02").param("to", "2026-11-01"), "to",
				"audit.toBeforeFrom");
		assertField(get("/api/v1/audit").param("org", "999999"), "org", "audit.unknownOrganization");
		assertField(get("/api/v1/audit").param("size", "0"), "size", "validation.size");
		assertField(get("/api/v1/audit").param("page", "-1"), "page", "validation.range");
		assertField(get("/api/v1/audit").param("username", "x".repeat(101)), "username", "validation.tooLong");
		MvcResult english = send(get("/api/v1/audit").param("from", "yesterday").header("Accept-Language", "en"),
				admin(), 400);
		assertThat(json(english).read("$.errors[0].message", String.class)).startsWith("is not a valid date");
	}

	@Test
	void theCsvExportNeutralisesFormulasAndIsItselfAudited() throws Exception {
		MvcResult csv = send(get("/api/v1/audit").param("targetType", type).header("Accept", "text/csv"), admin(), 200);
		MvcResult sameByPath = send(get("/api/v1/audit.csv").param("targetType", type), admin(), 200);

		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"audit-");
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		List<List<String>> rows = Csv.parse(new String(bytes, StandardCharsets.UTF_8));
		assertThat(rows.get(0)).startsWith("时间", "用户", "角色");
		assertThat(rows).hasSize(5);
		assertThat(rows.get(1).get(1)).isEqualTo("'=1+2");
		assertThat(rows.get(1).get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(sameByPath.getResponse().getContentAsString(StandardCharsets.UTF_8)).hasLineCount(5);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audit.export' and after_summary = :f")
			.param("f", "targetType=" + type)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anExportInEnglishHasEnglishHeaders() throws Exception {
		MvcResult csv = send(get("/api/v1/audit.csv").param("targetType", type).header("Accept-Language", "en"),
				admin(), 200);

		assertThat(Csv.parse(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0)).startsWith("Time",
				"User", "Roles");
	}

	private void record(Authentication who, String organization, String target) {
		SecurityContextHolder.getContext().setAuthentication(who);
		try {
			transaction.executeWithoutResult(status -> events
				.publishEvent(new Audited("audit.test", type, target, organization, "before " + target, "after")));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long total(MockHttpServletRequestBuilder request) throws Exception {
		return json(send(request, admin(), 200)).read("$.totalElements", Long.class);
	}

	private void assertField(MockHttpServletRequestBuilder request, String field, String code) throws Exception {
		DocumentContext problem = json(send(request, admin(), 400));
		assertThat(problem.read("$.errors[*].field", List.class)).contains(field);
		assertThat(problem.read("$.errors[*].code", List.class)).contains(code);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return MvcCalls.asAdmin();
	}

	private MvcResult send(MockHttpServletRequestBuilder request,
			org.springframework.test.web.servlet.request.RequestPostProcessor who, int expectedStatus)
			throws Exception {
		return MvcCalls.expect(mvc, request.with(who), expectedStatus);
	}

}
