package org.yizhan.station.web;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.yizhan.support.MvcCalls.json;

/**
 * The responsibility chain of a station over the API, with the demo city's accounts
 * (password {@code yizhan.demo.password} of the test configuration).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(ActingAsNationalAdmin.class)
class StationResponsibilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	Station station;

	@BeforeEach
	void aListedStationInXihu() {
		Station draft = registry.create(new StationInput("责任链驿站" + UUID.randomUUID().toString().substring(0, 6), "测试地址",
				"330106", "测试单位", "OTHER", 30.26, 120.12, "wgs84", null, null, List.of(), "24/7", null, null, false,
				null, null, null, null));
		station = registry.list(draft.id(), null);
	}

	@Test
	void aDistrictAdminNamesTheChainAndTheStationMasterThenSeesTheStation() throws Exception {
		long master = idOf("xihu-master");
		long liaison = createAccount("330106", "LIAISON");
		long general = createAccount("330106", "STATION_MASTER");
		String path = "/api/v1/stations/" + station.id().value() + "/responsibility";
		assertThat(send(get("/api/v1/stations/" + station.id().value()), "xihu-master", 404)).isNotNull();

		DocumentContext before = json(send(get(path), "xihu-admin", 200));
		assertThat(before.read("$.version", Long.class)).isZero();
		assertThat(before.read("$.supervisingUnion.code", String.class)).isEqualTo("330106");
		assertThat(before.read("$.stationMaster", Object.class)).isNull();

		DocumentContext after = json(send(put(path).contentType(MediaType.APPLICATION_JSON)
			.content("{\"stationMaster\":" + master + ",\"liaison\":" + liaison + ",\"generalStationMaster\":" + general
					+ ",\"supervisingUnion\":\"330100\",\"version\":0}"),
				"xihu-admin", 200));

		assertThat(after.read("$.stationMaster.username", String.class)).isEqualTo("xihu-master");
		assertThat(after.read("$.liaison.id", Long.class)).isEqualTo(liaison);
		assertThat(after.read("$.generalStationMaster.organizationCode", String.class)).isEqualTo("330106");
		assertThat(after.read("$.supervisingUnion.code", String.class)).isEqualTo("330100");
		assertThat(after.read("$.version", Long.class)).isEqualTo(1);
		assertThat(json(send(get(path), "xihu-master", 200)).read("$.version", Long.class)).isEqualTo(1);
		assertThat(send(get("/api/v1/stations/" + station.id().value()), "xihu-master", 200)).isNotNull();
		assertThat(
				jdbc.sql("select count(*) from audit_entry where action = 'station.responsibility' and target_id = ?")
					.param(station.code().value())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void wrongPeopleAndAWrongUnionAreEachNamedAndNothingIsStored() throws Exception {
		String path = "/api/v1/stations/" + station.id().value() + "/responsibility";

		DocumentContext problem = json(send(put(path).contentType(MediaType.APPLICATION_JSON)
			.content("{\"stationMaster\":" + idOf("shangcheng-master") + ",\"liaison\":" + idOf("xihu-inspector")
					+ ",\"supervisingUnion\":\"330102\"}"),
				"xihu-admin", 400));

		assertThat(problem.read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("stationMaster", "liaison",
				"supervisingUnion");
		assertThat(problem.read("$.errors[*].code", List.class)).containsExactlyInAnyOrder(
				"station.responsibility.unknownAccount", "station.responsibility.role", "station.responsibility.union");
		assertThat(json(send(get(path), "xihu-admin", 200)).read("$.version", Long.class)).isZero();
	}

	@Test
	void aNeighbourDoesNotFindItAnInspectorMayReadButNotName() throws Exception {
		String path = "/api/v1/stations/" + station.id().value() + "/responsibility";
		String body = "{\"stationMaster\":" + idOf("xihu-master") + "}";

		send(put(path).contentType(MediaType.APPLICATION_JSON).content(body), "shangcheng-admin", 404);
		send(get(path), "shangcheng-admin", 404);
		send(get(path), "xihu-inspector", 200);
		send(put(path).contentType(MediaType.APPLICATION_JSON).content(body), "xihu-inspector", 403);
		send(put(path).contentType(MediaType.APPLICATION_JSON).content(body.replace("}", ",\"version\":7}")),
				"xihu-admin", 409);
	}

	private long idOf(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private long createAccount(String organization, String role) throws Exception {
		String username = "chain-" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult created = mvc
			.perform(post("/api/v1/accounts").with(MvcCalls.asAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"displayName\":\"责任链测试\",\"organization\":\""
						+ organization + "\",\"roles\":[\"" + role + "\"],\"stations\":[" + station.id().value()
						+ "]}"))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return json(created).read("$.account.id", Long.class);
	}

	private MvcResult send(MockHttpServletRequestBuilder request, String username, int status) throws Exception {
		return MvcCalls.expect(mvc, request.with(httpBasic(username, TestAccounts.DEMO_PASSWORD)), status);
	}

}
