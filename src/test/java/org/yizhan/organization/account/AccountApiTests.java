package org.yizhan.organization.account;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.organization.Audited;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.json;

/**
 * Account administration through the API: admins act inside their subtree only, never
 * grant what they do not hold, never touch their own roles; foreign ids are not found;
 * personal data is sealed, masked and revealed only with an audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
class AccountApiTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Accounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new Accounts(mvc);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anAdminCreatesAnAccountThatMustChangeItsOneTimePasswordFirst() throws Exception {
		String username = Accounts.unique("reviewer");
		MvcResult created = accounts.asAdmin(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"displayName\":\"王审核\",\"organization\":\"330106\","
					+ "\"roles\":[\"REVIEWER\"],\"mobilePhone\":\"13812341234\",\"idNumber\":\"11010519491231002X\"}"));

		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String oneTime = json(created).read("$.oneTimePassword");
		assertThat(oneTime).hasSize(12);
		assertThat(json(created).read("$.account.mustChangePassword", Boolean.class)).isTrue();
		assertThat(json(created).read("$.account.mobilePhone", String.class)).isEqualTo("138****1234");
		assertThat(json(created).read("$.account.idNumber", String.class)).isEqualTo("110***********002X");
		assertThat(created.getResponse().getContentAsString()).doesNotContain("argon2", "passwordHash");
		String stored = jdbc
			.sql("select mobile_sealed || id_number_sealed || password_hash from account " + "where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("13812341234", "11010519491231002X", oneTime).contains("{argon2}");

		MvcResult beforeChange = mvc.perform(get("/api/v1/stations").with(httpBasic(username, oneTime))).andReturn();
		assertThat(beforeChange.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(beforeChange).read("$.type", String.class)).endsWith("/password-change-required");
		assertThat(json(beforeChange).read("$.detail", String.class)).contains("请先修改密码");

		MvcResult changed = mvc
			.perform(post("/api/v1/me/password").with(httpBasic(username, oneTime))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"))
			.andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(204);
		assertThat(mvc.perform(get("/api/v1/stations?size=1").with(httpBasic(username, TestAccounts.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(events.stream(Audited.class)
			.filter(event -> event.action().equals("account.create") && event.after().contains(username)))
			.singleElement()
			.satisfies(event -> assertThat(event.organizationCode()).isEqualTo("330106"));
	}

	@Test
	void badInputIsRefusedWithALocalisedMessageNamingEachField() throws Exception {
		MvcResult result = accounts.asAdmin(post("/api/v1/accounts").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"x\",\"organization\":\"999999\",\"roles\":[\"KING\"],"
					+ "\"mobilePhone\":\"12345\",\"idNumber\":\"110105194912310021\"}"));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(result).read("$.errors[*].field", List.class)).contains("username", "displayName",
				"organization", "roles", "mobilePhone", "idNumber");
		assertThat(json(result).read("$.detail", String.class)).contains("Mobile phone: is not a valid mobile number",
				"ID number: has a wrong format or check digit", "Organisation: \"999999\" is not a valid");
	}

	@Test
	void aDistrictAdminSeesAndChangesOnlyAccountsOfTheirDistrict() throws Exception {
		Accounts.Created xihuAdmin = accounts.createByAdmin("330106", "ORG_ADMIN", "REVIEWER");
		Accounts.Created xihuReviewer = accounts.createByAdmin("330106", "REVIEWER");
		Accounts.Created shangchengReviewer = accounts.createByAdmin("330102", "REVIEWER");

		assertThat(status(accounts.as(xihuAdmin, get("/api/v1/accounts/" + xihuReviewer.id())))).isEqualTo(200);
		MvcResult foreign = accounts.as(xihuAdmin, get("/api/v1/accounts/" + shangchengReviewer.id()));
		MvcResult missing = accounts.as(xihuAdmin, get("/api/v1/accounts/987654321"));
		assertThat(status(foreign)).isEqualTo(404);
		assertThat(json(foreign).read("$.title", String.class)).isEqualTo(json(missing).read("$.title", String.class));
		for (String action : List.of("disable", "enable", "unlock", "reset-password")) {
			assertThat(
					status(accounts.as(xihuAdmin, post("/api/v1/accounts/" + shangchengReviewer.id() + "/" + action))))
				.as(action)
				.isEqualTo(404);
		}
		assertThat(
				status(accounts.as(xihuAdmin, get("/api/v1/accounts/" + shangchengReviewer.id() + "/personal-data"))))
			.isEqualTo(404);

		MvcResult list = accounts.as(xihuAdmin, get("/api/v1/accounts?size=100"));
		List<String> organizations = json(list).read("$.items[*].organization");
		assertThat(organizations).isNotEmpty().allMatch(code -> code.equals("330106"));
		assertThat(json(list).read("$.items[*].username", List.class)).contains(xihuReviewer.username())
			.doesNotContain(shangchengReviewer.username());
	}

	@Test
	void anAdminCannotCreateAnAccountOutsideTheirSubtreeOrWithARoleTheyDoNotHold() throws Exception {
		Accounts.Created xihuAdmin = accounts.createByAdmin("330106", "ORG_ADMIN", "REVIEWER");

		MvcResult outside = accounts.as(xihuAdmin,
				post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + Accounts.unique("sc")
							+ "\",\"displayName\":\"越权\",\"organization\":\"330102\"," + "\"roles\":[\"REVIEWER\"]}"));
		assertThat(status(outside)).isEqualTo(403);
		assertThat(json(outside).read("$.detail", String.class)).contains("330102", "不在您的管辖范围内");

		MvcResult finance = accounts.as(xihuAdmin,
				post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + Accounts.unique("fin")
							+ "\",\"displayName\":\"财务\",\"organization\":\"330106\"," + "\"roles\":[\"FINANCE\"]}"));
		assertThat(status(finance)).isEqualTo(403);
		assertThat(json(finance).read("$.detail", String.class)).contains("FINANCE");
		assertThat(
				jdbc.sql("select count(*) from account where display_name in ('越权', '财务')").query(Long.class).single())
			.isZero();
	}

	@Test
	void noOneChangesTheirOwnRoles() throws Exception {
		Accounts.Created xihuAdmin = accounts.createByAdmin("330106", "ORG_ADMIN", "REVIEWER");

		MvcResult escalation = accounts.as(xihuAdmin,
				patch("/api/v1/accounts/" + xihuAdmin.id()).contentType(MediaType.APPLICATION_JSON)
					.header("If-Match", "\"" + version(xihuAdmin.id()) + "\"")
					.content("{\"roles\":[\"ORG_ADMIN\",\"REVIEWER\",\"INSPECTOR\"]}"));

		assertThat(status(escalation)).isEqualTo(403);
		assertThat(json(escalation).read("$.detail", String.class)).contains("不能修改自己的角色");
		assertThat(jdbc.sql("select cardinality(roles) from account where id = :id")
			.param("id", xihuAdmin.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(status(accounts.as(xihuAdmin, post("/api/v1/accounts/" + xihuAdmin.id() + "/disable"))))
			.isEqualTo(403);
	}

	@Test
	void onlyAdminsManageAccountsAndAStaleVersionIsAConflict() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		assertThat(status(accounts.as(reviewer, get("/api/v1/accounts")))).isEqualTo(403);

		MvcResult stale = accounts
			.asAdmin(patch("/api/v1/accounts/" + reviewer.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\":\"新名字\",\"version\":" + (version(reviewer.id()) - 1) + "}"));
		assertThat(status(stale)).isEqualTo(409);
	}

	@Test
	void personalDataIsShownInFullOnlyOnRequestAndEveryLookIsAudited() throws Exception {
		Accounts.Created master = accounts.createByAdmin("330106", "REVIEWER");
		MvcResult set = accounts
			.asAdmin(patch("/api/v1/accounts/" + master.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mobilePhone\":\"13900001111\",\"version\":" + version(master.id()) + "}"));
		assertThat(status(set)).isEqualTo(200);
		assertThat(json(set).read("$.mobilePhone", String.class)).isEqualTo("139****1111");

		MvcResult revealed = accounts.asAdmin(get("/api/v1/accounts/" + master.id() + "/personal-data"));

		assertThat(status(revealed)).isEqualTo(200);
		assertThat(json(revealed).read("$.mobile", String.class)).isEqualTo("13900001111");
		assertThat(revealed.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(events.stream(Audited.class)
			.filter(event -> event.action().equals("account.reveal-personal-data")
					&& event.targetId().equals(Long.toString(master.id()))))
			.hasSize(1);
	}

	@Test
	void aResetPasswordWorksOnceAndReplacesTheOldOne() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");

		MvcResult reset = accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/reset-password"));

		assertThat(status(reset)).isEqualTo(200);
		String oneTime = json(reset).read("$.oneTimePassword");
		assertThat(status(accounts.as(reviewer, get("/api/v1/me")))).isEqualTo(401);
		MvcResult withOneTime = mvc.perform(get("/api/v1/stations").with(httpBasic(reviewer.username(), oneTime)))
			.andReturn();
		assertThat(status(withOneTime)).isEqualTo(403);
	}

	@Test
	void theAuditTrailNeverHoldsAPasswordHash() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/disable"));
		accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/enable"));
		accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/reset-password"));
		assertThat(events.stream(Audited.class).map(Audited::action)).contains("account.disable", "account.enable",
				"account.reset-password");
		assertThat(events.stream(Audited.class).map(Audited::toString)).noneMatch(text -> text.contains("argon2"))
			.noneMatch(text -> text.contains(TestAccounts.PASSWORD));
	}

	private int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private long version(long id) {
		return jdbc.sql("select version from account where id = :id").param("id", id).query(Long.class).single();
	}

}
