package org.yizhan.organization.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yizhan.organization.Actors;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.support.MvcCalls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * Editing the union tree over the API: streets on demand, industry unions, renames and
 * district merges, each kept in history and audited, and every bad request refused with
 * nothing written. Each test works in its own districts (Ningbo, Wenzhou, Zhoushan,
 * Jinhua...) so that the Hangzhou districts other tests use stay as they are.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganizationApiTests {

	static final String ORGS = "/api/v1/organizations";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationTree tree;

	@Autowired
	EmbeddedPostgresServer server;

	@Test
	void theTreeIsBrowsedFromTheRootDown() throws Exception {
		DocumentContext root = json(send(get(ORGS), admin(), 200));
		DocumentContext zhejiang = json(send(get(ORGS + "/330000/children"), admin(), 200));

		assertThat(root.read("$.organization.code", String.class)).isEqualTo("100000");
		assertThat(root.read("$.organization.status", String.class)).isEqualTo("ACTIVE");
		assertThat(zhejiang.read("$[*].code", List.class)).contains("330100", "330200").doesNotContain("330106");
		send(get(ORGS + "/999999"), admin(), 404);
	}

	@Test
	void streetsOfADistrictAreLoadedOnDemandOnce() throws Exception {
		DocumentContext first = json(send(post(ORGS + "/330783/streets/load"), admin(), 200));
		DocumentContext second = json(send(post(ORGS + "/330783/streets/load"), admin(), 200));

		assertThat(first.read("$.added", Integer.class)).isGreaterThan(5);
		assertThat(second.read("$.added", Integer.class)).isZero();
		DocumentContext children = json(send(get(ORGS + "/330783/children"), admin(), 200));
		assertThat(children.read("$[*].kind", List.class)).containsOnly("STREET");
		assertThat(children.read("$[0].path", String.class)).startsWith("100000/330000/330700/330783/330783");
		assertThat(audited("organization.loadStreets", "330783")).isOne();
		send(post(ORGS + "/330700/streets/load"), admin(), 400);
	}

	@Test
	void aStreetIsAddedByHandWithItsNineDigitCode() throws Exception {
		DocumentContext street = json(send(post(ORGS + "/330782/streets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"330782999\",\"name\":\"新设街道总工会\"}"), admin(), 201));

		assertThat(street.read("$.kind", String.class)).isEqualTo("STREET");
		assertThat(street.read("$.parent", String.class)).isEqualTo("330782");
		assertField(post(ORGS + "/330782/streets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"330106001\",\"name\":\"别区街道\"}"), 400, "code", "organization.streetCode");
		assertField(post(ORGS + "/330782/streets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"33078299\",\"name\":\"短码街道\"}"), 400, "code", "organization.streetCode");
		assertField(post(ORGS + "/330782/streets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"330782999\",\"name\":\"重复街道\"}"), 409, "code", "organization.codeTaken");
		assertField(post(ORGS + "/330782/streets").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"330782998\",\"name\":\"新设街道总工会\"}"), 409, "name", "organization.nameTaken");
	}

	@Test
	void industryUnionsGetNumberedCodesUnderTheirParent() throws Exception {
		DocumentContext first = json(send(post(ORGS + "/330781/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"兰溪市快递行业工会联合会\"}"), admin(), 201));
		DocumentContext second = json(
				send(post(ORGS + "/330781/industry-unions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"兰溪市环卫行业工会\"}"), admin(), 201));

		assertThat(first.read("$.code", String.class)).isEqualTo("330781-I01");
		assertThat(first.read("$.kind", String.class)).isEqualTo("INDUSTRY");
		assertThat(first.read("$.path", String.class)).isEqualTo("100000/330000/330700/330781/330781-I01");
		assertThat(second.read("$.code", String.class)).isEqualTo("330781-I02");
		assertThat(audited("organization.addIndustryUnion", "330781-I01")).isOne();
		assertField(post(ORGS + "/330781-I01/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"下级产业工会\"}"), 400, "parent", "organization.industryUnderIndustry");
	}

	@Test
	void badNamesAreRefusedAndNothingIsWritten() throws Exception {
		long before = jdbc.sql("select count(*) from organization").query(Long.class).single();

		assertField(post(ORGS + "/330784/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"  \"}"), 400, "name", "validation.required");
		assertField(post(ORGS + "/330784/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "工".repeat(101) + "\"}"), 400, "name", "validation.tooLong");
		assertField(post(ORGS + "/330784/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"带\\u0007控制符\"}"), 400, "name", "validation.controlCharacters");
		assertField(patch(ORGS + "/330784").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"东阳市总工会\"}"),
				409, "name", "organization.nameTaken");
		assertField(patch(ORGS + "/330784").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"永康市总工会\"}"),
				400, "name", "organization.nameUnchanged");
		send(post(ORGS + "/999999/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"某工会\"}"), admin(), 404);

		assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aRenameIsKeptInHistoryWithWhoAndWhen() throws Exception {
		DocumentContext renamed = json(send(
				patch(ORGS + "/330727").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"磐安县总工会（新）\"}"),
				admin(), 200));
		DocumentContext details = json(send(get(ORGS + "/330727"), admin(), 200));

		assertThat(renamed.read("$.name", String.class)).isEqualTo("磐安县总工会（新）");
		assertThat(details.read("$.history[0].action", String.class)).isEqualTo("RENAME");
		assertThat(details.read("$.history[0].before", String.class)).isEqualTo("name=磐安县总工会");
		assertThat(details.read("$.history[0].after", String.class)).isEqualTo("name=磐安县总工会（新）");
		assertThat(details.read("$.history[0].username", String.class)).isEqualTo("admin");
		assertThat(details.read("$.history[0].occurredAt", String.class)).endsWith("+08:00");
		assertThat(audited("organization.rename", "330727")).isOne();
	}

	@Test
	void aMergeMovesStationsAndChildrenKeepsTheOldUnionAsHistoryAndItsCodeResolves() throws Exception {
		long station = createStationIn("330211");
		String stationCode = jdbc.sql("select code from station where id = :id")
			.param("id", station)
			.query(String.class)
			.single();
		send(post(ORGS + "/330211/streets/load"), admin(), 200);
		send(post(ORGS + "/330211/industry-unions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"镇海区石化行业工会\"}"), admin(), 201);

		DocumentContext merged = json(send(
				post(ORGS + "/330211/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330206\"}"),
				admin(), 200));

		assertThat(merged.read("$.status", String.class)).isEqualTo("MERGED");
		assertThat(merged.read("$.mergedInto", String.class)).isEqualTo("330206");
		assertThat(merged.read("$.endedOn", String.class)).isNotNull();
		Map<String, Object> moved = jdbc.sql("select code, district_code, version from station where id = :id")
			.param("id", station)
			.query()
			.singleRow();
		assertThat(moved).containsEntry("district_code", "330206").containsEntry("code", stationCode);
		assertThat((Long) moved.get("version")).isEqualTo(1L);
		assertThat(
				jdbc.sql("select count(*) from organization where parent_code = '330211'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select path from organization where code = '330211001'").query(String.class).single())
			.isEqualTo("100000/330000/330200/330206/330211001");
		assertThat(jdbc.sql("select path from organization where code = '330211-I01'").query(String.class).single())
			.isEqualTo("100000/330000/330200/330206/330211-I01");
		assertThat(tree.findByCode("330211")).get().extracting(organization -> organization.code()).isEqualTo("330206");
		assertThat(tree.listChildren("330200")).extracting(organization -> organization.code())
			.doesNotContain("330211")
			.contains("330206");
		DocumentContext history = json(send(get(ORGS + "/330211"), admin(), 200));
		assertThat(history.read("$.successor", String.class)).isEqualTo("330206");
		assertThat(history.read("$.history[*].action", List.class)).containsExactly("MERGE");
		assertThat(json(send(get(ORGS + "/330206"), admin(), 200)).read("$.history[*].action", List.class))
			.containsExactly("ABSORB");
		assertThat(audited("organization.merge", "330211")).isOne();
		// A station registered under the old code lands in the successor, with its code.
		long later = createStationIn("330211");
		assertThat(jdbc.sql("select code from station where id = :id").param("id", later).query(String.class).single())
			.startsWith("330206-");
		assertField(
				post(ORGS + "/330211/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330212\"}"),
				409, null, "organization.merged");
		assertField(patch(ORGS + "/330211").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"镇海\"}"), 409,
				null, "organization.merged");
		// the refusal names the union it was merged into, in words, not a message key
		assertThat(
				JsonPath
					.parse(body(send(patch(ORGS + "/330211").contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"镇海\"}"), admin(), 409)))
					.read("$.detail", String.class))
			.contains("330206");
	}

	@Test
	void aMergeThatFailsHalfwayLeavesNothingChanged() throws Exception {
		long station = createStationIn("330522");
		send(post(ORGS + "/330522/streets/load"), admin(), 200);
		// The station move fails inside the merge: a trigger only the owner can set up.
		try (Connection owner = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = owner.createStatement()) {
			statement.execute("""
					create function refuse_move() returns trigger language plpgsql as $$
					begin raise exception 'station move refused by the test'; end $$""");
			statement.execute("""
					create trigger refuse_move before update of district_code on station
					for each row when (old.district_code = '330522') execute function refuse_move()""");
		}
		try {
			assertThatThrownBy(() -> mvc.perform(post(ORGS + "/330522/merge").contentType(MediaType.APPLICATION_JSON)
				.content("{\"target\":\"330521\"}")
				.with(admin()))).rootCause().hasMessageContaining("station move refused by the test");
		}
		finally {
			try (Connection owner = DriverManager.getConnection(server.jdbcUrl());
					Statement statement = owner.createStatement()) {
				statement.execute("drop trigger refuse_move on station");
				statement.execute("drop function refuse_move()");
			}
		}

		assertThat(jdbc.sql("select status from organization where code = '330522'").query(String.class).single())
			.isEqualTo("ACTIVE");
		assertThat(jdbc.sql("select district_code from station where id = :id")
			.param("id", station)
			.query(String.class)
			.single()).isEqualTo("330522");
		assertThat(
				jdbc.sql("select count(*) from organization where parent_code = '330522'").query(Long.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from organization where path like '100000/330000/330500/330521/%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from organization_history where organization_code in ('330522', '330521')")
			.query(Long.class)
			.single()).isZero();
		assertThat(audited("organization.merge", "330522")).isZero();
	}

	@Test
	void badMergesAreRefusedAndNothingMoves() throws Exception {
		send(post(ORGS + "/330305/streets/load"), admin(), 200);

		assertField(post(ORGS + "/330304/merge").contentType(MediaType.APPLICATION_JSON).content("{}"), 400, "target",
				"validation.required");
		assertField(
				post(ORGS + "/330304/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"999999\"}"),
				400, "target", "organization.unknown");
		assertField(
				post(ORGS + "/330304/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330304\"}"),
				400, "target", "organization.mergeIntoSelf");
		assertField(post(ORGS + "/330305/merge").contentType(MediaType.APPLICATION_JSON)
			.content("{\"target\":\"330305001\"}"), 400, "target", "organization.mergeIntoDescendant");
		assertField(
				post(ORGS + "/330300/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330200\"}"),
				400, "target", "organization.mergeKinds");
		send(post(ORGS + "/999999/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330304\"}"),
				admin(), 404);

		assertThat(jdbc.sql("select status from organization where code in ('330304', '330305', '330300')")
			.query(String.class)
			.list()).containsOnly("ACTIVE");
	}

	@Test
	void onlyANationalAdminMergesAcrossCities() throws Exception {
		RequestPostProcessor provincial = authentication(Actors.signedIn("zj-admin", "100000/330000", Role.ORG_ADMIN));
		RequestPostProcessor cityAdmin = authentication(
				Actors.signedIn("wz-admin", "100000/330000/330300", Role.ORG_ADMIN));

		assertField(
				post(ORGS + "/330303/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330902\"}"),
				provincial, 403, "target", "organization.mergeAcrossCities");
		assertField(
				post(ORGS + "/330303/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330902\"}"),
				cityAdmin, 403, "target", "organization.outsideSubtree");

		DocumentContext merged = json(send(
				post(ORGS + "/330303/merge").contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"330902\"}"),
				admin(), 200));
		assertThat(merged.read("$.mergedInto", String.class)).isEqualTo("330902");
	}

	@Test
	void onlyAdminsOfTheSubtreeChangeTheTree() throws Exception {
		RequestPostProcessor auditor = authentication(Actors.signedIn("auditor", "100000/330000", Role.AUDITOR));
		RequestPostProcessor neighbour = authentication(
				Actors.signedIn("other-admin", "100000/330000/330100/330106", Role.ORG_ADMIN));

		send(patch(ORGS + "/330726").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"浦江\"}"), auditor,
				403);
		send(patch(ORGS + "/330726").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"浦江\"}"), neighbour,
				403);
		send(post(ORGS + "/330726/streets/load"), neighbour, 403);
		assertThat(json(send(get(ORGS + "/330726"), neighbour, 200)).read("$.organization.name", String.class))
			.isEqualTo("浦江县总工会");
	}

	private long createStationIn(String district) throws Exception {
		String body = """
				{"name":"合并测试驿站","address":"宁波市","district":"%s","hostName":"某银行","hostType":"BANK",
				 "location":{"lat":29.95,"lon":121.7,"crs":"wgs84"},"openingHours":"24/7"}
				""".formatted(district);
		return json(send(post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON).content(body), admin(), 201))
			.read("$.id", Long.class);
	}

	private long audited(String action, String targetId) {
		return jdbc.sql("select count(*) from audit_entry where action = :action and target_id = :id")
			.param("action", action)
			.param("id", targetId)
			.query(Long.class)
			.single();
	}

	private void assertField(MockHttpServletRequestBuilder request, int status, String field, String code)
			throws Exception {
		assertField(request, admin(), status, field, code);
	}

	private void assertField(MockHttpServletRequestBuilder request, RequestPostProcessor who, int status, String field,
			String code) throws Exception {
		MvcResult result = send(request, who, status);
		String body = body(result);
		if (field != null) {
			assertThat(JsonPath.parse(body).read("$.errors[*].field", List.class)).as(body).contains(field);
			assertThat(JsonPath.parse(body).read("$.errors[*].code", List.class)).as(body).contains(code);
		}
		else {
			assertThat(JsonPath.parse(body).read("$.detail", String.class)).as(body).isNotBlank();
		}
	}

	private static RequestPostProcessor admin() {
		return MvcCalls.asAdmin();
	}

	private MvcResult send(MockHttpServletRequestBuilder request, RequestPostProcessor who, int expectedStatus)
			throws Exception {
		return MvcCalls.expect(mvc, request.with(who), expectedStatus);
	}

}
