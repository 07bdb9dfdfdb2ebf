package org.yizhan.organization.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An admin cannot obtain a role they do not hold by acting on an account that has it
 * (issue 22, 7): 西湖区's admin, without AUDITOR, reset an auditor's password, signed in
 * with the one-time password and exported the audit log. Every action on such an account
 * is refused like granting the role, in the API and the console; bound roles (station
 * master, liaison, host, evaluator) and held roles stay manageable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
class AccountRoleReachTests {

	private static final String XIHU_ADMIN = "xihu-admin";

	private static final String DEMO_PASSWORD = "Test-demo-2046";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Accounts accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new Accounts(this.mvc);
	}

	@Test
	void anAdminWithoutTheAuditorRoleCannotActOnAnAuditorInTheApi() throws Exception {
		Accounts.Created auditor = this.accounts.createByAdmin("330106", "AUDITOR");
		String hash = passwordHashOf(auditor.id());

		for (String action : List.of("reset-password", "disable", "enable", "unlock")) {
			MvcResult refused = asXihuAdmin(post("/api/v1/accounts/" + auditor.id() + "/" + action));
			assertThat(refused.getResponse().getStatus()).as(action).isEqualTo(403);
			assertThat(MvcCalls.json(refused).read("$.detail", String.class)).as(action).contains("AUDITOR");
		}
		MvcResult edit = asXihuAdmin(patch("/api/v1/accounts/" + auditor.id()).contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"" + version(auditor.id()) + "\"")
			.content("{\"displayName\":\"被改名\"}"));
		assertThat(edit.getResponse().getStatus()).as(edit.getResponse().getContentAsString()).isEqualTo(403);
		MvcResult personal = asXihuAdmin(get("/api/v1/accounts/" + auditor.id() + "/personal-data"));
		assertThat(personal.getResponse().getStatus()).isEqualTo(403);

		assertThat(passwordHashOf(auditor.id())).isEqualTo(hash);
		assertThat(this.jdbc.sql("select display_name from account where id = :id")
			.param("id", auditor.id())
			.query(String.class)
			.single()).isEqualTo("测试账号");
		assertThat(this.accounts.as(auditor, get("/api/v1/audit")).getResponse().getStatus()).isEqualTo(200);
		// still readable: seeing an account is not acting on it
		assertThat(asXihuAdmin(get("/api/v1/accounts/" + auditor.id())).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anAccountWithOnlyRolesTheAdminHoldsIsStillManaged() throws Exception {
		Accounts.Created master = this.accounts.create(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, "330106",
				"REVIEWER", "INSPECTOR");

		MvcResult reset = asXihuAdmin(post("/api/v1/accounts/" + master.id() + "/reset-password"));

		assertThat(reset.getResponse().getStatus()).as(reset.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(asXihuAdmin(post("/api/v1/accounts/" + master.id() + "/disable")).getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theConsoleNeitherOffersNorPerformsActionsOnAnAccountWithARoleTheAdminLacks() throws Exception {
		Accounts.Created auditor = this.accounts.createByAdmin("330106", "AUDITOR");
		String hash = passwordHashOf(auditor.id());
		HttpCaller console = HttpCaller.console(this.port, XIHU_ADMIN, DEMO_PASSWORD);

		HttpResponse<String> page = console.get("/console/accounts/" + auditor.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("/reset-password", "/disable", "/edit");
		HttpResponse<String> edited = console.postForm("/console/accounts/" + auditor.id() + "/edit",
				Map.of("displayName", "被改名", "organization", "330106", "roles", "AUDITOR", "version",
						Long.toString(version(auditor.id()))));
		assertThat(edited.statusCode()).isEqualTo(403);
		assertThat(edited.body()).contains("AUDITOR");

		HttpResponse<String> reset = console.postForm("/console/accounts/" + auditor.id() + "/reset-password",
				Map.of());
		assertThat(reset.statusCode()).isEqualTo(302);
		HttpResponse<String> after = console
			.get(java.net.URI.create(reset.headers().firstValue("Location").orElseThrow()).getPath());
		assertThat(after.body()).contains("AUDITOR");
		HttpResponse<String> disable = console.postForm("/console/accounts/" + auditor.id() + "/disable", Map.of());
		assertThat(disable.statusCode()).isEqualTo(302);
		HttpResponse<String> reveal = console.postForm("/console/accounts/" + auditor.id() + "/personal-data",
				Map.of());
		assertThat(reveal.statusCode()).isEqualTo(403);

		assertThat(passwordHashOf(auditor.id())).isEqualTo(hash);
		assertThat(this.jdbc.sql("select enabled from account where id = :id")
			.param("id", auditor.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	private MvcResult asXihuAdmin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.with(httpBasic(XIHU_ADMIN, DEMO_PASSWORD))).andReturn();
	}

	private String passwordHashOf(long id) {
		return this.jdbc.sql("select password_hash from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long version(long id) {
		return this.jdbc.sql("select version from account where id = :id").param("id", id).query(Long.class).single();
	}

}
