package org.yizhan.organization.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.platform.YizhanTime;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.json;

/**
 * Signing in as the rules of issue 4 say, with a clock the tests move: lockout and its
 * end, password expiry under 等保, identical answers for unknown users and wrong passwords,
 * access tokens, and console sessions that end when they must.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

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
	void fiveWrongPasswordsPauseTheAccountAMinuteEvenForTheRightPassword() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		for (int i = 1; i <= 4; i++) {
			assertThat(detail(basic(reviewer.username(), "wrong-" + i))).isEqualTo("用户名或密码错误");
		}
		assertThat(detail(basic(reviewer.username(), "wrong-5"))).startsWith("连续多次登录失败，已暂停登录，请 1 分钟后再试");
		MvcResult rightButPaused = basic(reviewer.username(), reviewer.password());
		assertThat(rightButPaused.getResponse().getStatus()).isEqualTo(401);
		assertThat(detail(rightButPaused)).contains("请 1 分钟后再试");
		assertThat(rightButPaused.getResponse().getHeader("Retry-After")).isEqualTo("60");

		clock.advance(Duration.ofSeconds(59));
		assertThat(basic(reviewer.username(), reviewer.password()).getResponse().getStatus()).isEqualTo(401);
		clock.advance(Duration.ofSeconds(1));
		assertThat(basic(reviewer.username(), reviewer.password()).getResponse().getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select failed_attempts from account where id = :id")
			.param("id", reviewer.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anAdminUnlocksALockedAccountAtOnce() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		for (int i = 0; i < 5; i++) {
			basic(reviewer.username(), "wrong");
		}
		MvcResult locked = accounts.asAdmin(get("/api/v1/accounts/" + reviewer.id()));
		assertThat(json(locked).read("$.locked", Boolean.class)).isTrue();

		assertThat(accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/unlock")).getResponse().getStatus())
			.isEqualTo(200);

		assertThat(basic(reviewer.username(), reviewer.password()).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anUnknownUserAndAWrongPasswordGetTheSameAnswerAndBothLock() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		String nobody = Accounts.unique("nobody");
		for (int i = 1; i <= 5; i++) {
			MvcResult wrong = basic(reviewer.username(), "wrong");
			MvcResult unknown = basic(nobody, "wrong");
			assertThat(unknown.getResponse().getStatus()).isEqualTo(wrong.getResponse().getStatus()).isEqualTo(401);
			assertThat(unknown.getResponse().getContentAsString()).as("attempt " + i)
				.isEqualTo(wrong.getResponse().getContentAsString());
			assertThat(unknown.getResponse().getHeader("WWW-Authenticate"))
				.isEqualTo(wrong.getResponse().getHeader("WWW-Authenticate"));
		}
	}

	@Test
	void underDengbaoAPasswordExpiresAfterNinetyDays() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		clock.advance(Duration.ofDays(89));
		assertThat(basic(reviewer.username(), reviewer.password()).getResponse().getStatus()).isEqualTo(200);
		clock.advance(Duration.ofDays(1));

		MvcResult expired = basic(reviewer.username(), reviewer.password());
		assertThat(expired.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(expired).read("$.type", String.class)).endsWith("/password-change-required");

		String renewed = "Xihu-Lake-2047?";
		assertThat(mvc
			.perform(post("/api/v1/me/password").with(httpBasic(reviewer.username(), reviewer.password()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + reviewer.password() + "\",\"newPassword\":\"" + renewed + "\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(basic(reviewer.username(), renewed).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aWeakNewPasswordIsRefusedNamingTheField() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		MvcResult weak = mvc
			.perform(post("/api/v1/me/password").with(httpBasic(reviewer.username(), reviewer.password()))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + reviewer.password() + "\",\"newPassword\":\"abcdefgh\"}"))
			.andReturn();

		assertThat(weak.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(weak).read("$.errors[0].field", String.class)).isEqualTo("newPassword");
		assertThat(json(weak).read("$.detail", String.class)).contains("New password: must contain at least three of");

		// the username reversed, inside an otherwise strong password
		String reversedName = "Xihu-" + new StringBuilder(reviewer.username()).reverse() + "-2046";
		MvcResult holdsName = mvc
			.perform(post("/api/v1/me/password").with(httpBasic(reviewer.username(), reviewer.password()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + reviewer.password() + "\",\"newPassword\":\"" + reversedName
						+ "\"}"))
			.andReturn();
		assertThat(holdsName.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(holdsName).read("$.detail", String.class)).isEqualTo("新密码: 密码不能包含用户名（也不能包含倒写的用户名）");

		// Password1 grown to twelve characters is still Password1
		MvcResult common = mvc
			.perform(post("/api/v1/me/password").with(httpBasic(reviewer.username(), reviewer.password()))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + reviewer.password() + "\",\"newPassword\":\"P@ssw0rd2046!\"}"))
			.andReturn();
		assertThat(common.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(common).read("$.detail", String.class))
			.isEqualTo("New password: is one of the most common passwords and easily guessed; choose another");
	}

	@Test
	void aTokenSignsInUntilItIsRevokedOrExpiresAndAReadTokenCannotWrite() throws Exception {
		Accounts.Created admin = accounts.createByAdmin("330106", "ORG_ADMIN", "REVIEWER");
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		String read = token(admin, "[\"READ\"]", today.plusDays(30));
		String write = token(admin, "[\"READ\",\"WRITE\"]", today.plusDays(1));

		assertThat(bearer(get("/api/v1/accounts"), read).getResponse().getStatus()).isEqualTo(200);
		MvcResult readWrites = bearer(post("/api/v1/accounts/" + admin.id() + "/unlock"), read);
		assertThat(readWrites.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(readWrites).read("$.detail", String.class)).contains("只读");
		assertThat(bearer(post("/api/v1/accounts/" + admin.id() + "/unlock"), write).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(bearer(post("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON).content("{}"), write)
			.getResponse()
			.getStatus()).as("a token cannot mint tokens").isEqualTo(403);

		long readId = jdbc.sql("select id from access_token where token_hash = :h")
			.param("h", AccessTokens.sha256(read))
			.query(Long.class)
			.single();
		assertThat(accounts.as(admin, post("/api/v1/me/tokens/" + readId + "/revoke")).getResponse().getStatus())
			.isEqualTo(204);
		MvcResult revoked = bearer(get("/api/v1/accounts"), read);
		assertThat(revoked.getResponse().getStatus()).isEqualTo(401);
		assertThat(json(revoked).read("$.detail", String.class)).contains("访问令牌无效、已撤销或已过期");

		String another = token(admin, "[\"READ\"]", today.plusDays(30));
		assertThat(bearer(get("/api/v1/accounts"), another).getResponse().getStatus()).isEqualTo(200);
		accounts.asAdmin(post("/api/v1/accounts/" + admin.id() + "/disable"));
		assertThat(bearer(get("/api/v1/accounts"), another).getResponse().getStatus())
			.as("the token of a disabled account")
			.isEqualTo(401);

		clock.advance(Duration.ofDays(2));
		assertThat(bearer(get("/api/v1/accounts"), write).getResponse().getStatus()).isEqualTo(401);
		assertThat(bearer(get("/api/v1/accounts"), "yz_made-up").getResponse().getStatus()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from access_token where token_hash = :a or token_hash = :b")
			.param("a", read)
			.param("b", write)
			.query(Long.class)
			.single()).as("values are not stored").isZero();
	}

	@Test
	void noTokenReadsPersonalDataInClearNotEvenAReadOne() throws Exception {
		// an admin holding the reviewer's role, who may reveal a reviewer's data
		Accounts.Created admin = accounts.createByAdmin("330106", "ORG_ADMIN", "REVIEWER");
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		String personalData = "/api/v1/accounts/" + reviewer.id() + "/personal-data";
		LocalDate inAMonth = LocalDate.now(YizhanTime.ZONE).plusDays(30);
		for (String scopes : List.of("[\"READ\"]", "[\"READ\",\"WRITE\"]")) {
			MvcResult refused = bearer(get(personalData), token(admin, scopes, inAMonth));
			assertThat(refused.getResponse().getStatus()).as(scopes).isEqualTo(403);
			assertThat(json(refused).read("$.code", String.class)).isEqualTo("account.token.notForTokens");
		}
		// the account itself, masked, is still readable with a READ token
		assertThat(bearer(get("/api/v1/accounts/" + reviewer.id()), token(admin, "[\"READ\"]", inAMonth)).getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(accounts.as(admin, get(personalData)).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void anEvaluatorSignsInUntilTheLastDayOfItsContract() throws Exception {
		String username = Accounts.unique("evaluator");
		MvcResult created = accounts.asAdmin(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"displayName\":\"评估机构\",\"organization\":\"330100\","
					+ "\"roles\":[\"EVALUATOR\"],\"contractEndsOn\":\"" + LocalDate.now(YizhanTime.ZONE) + "\"}"));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		String oneTime = json(created).read("$.oneTimePassword");
		mvc.perform(post("/api/v1/me/password").with(httpBasic(username, oneTime))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"));
		assertThat(basic(username, TestAccounts.PASSWORD).getResponse().getStatus()).isEqualTo(200);

		clock.advance(Duration.ofDays(1));

		MvcResult ended = basic(username, TestAccounts.PASSWORD);
		assertThat(ended.getResponse().getStatus()).isEqualTo(401);
		assertThat(detail(ended)).contains("评估合同已到期");
		assertThat(detail(basic(username, "wrong"))).as("only the right password learns it").isEqualTo("用户名或密码错误");
	}

	@Test
	void aDisabledAccountIsOutOfItsConsoleSessionOnItsNextRequest() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		HttpCaller browser = HttpCaller.console(port, null, null);
		assertThat(browser.signIn(reviewer.username(), reviewer.password())).endsWith("/console");
		assertThat(signedIn(browser)).isTrue();

		accounts.asAdmin(post("/api/v1/accounts/" + reviewer.id() + "/disable"));

		assertThat(signedIn(browser)).isFalse();
		assertThat(browser.signIn(reviewer.username(), reviewer.password())).endsWith("/login?error=disabled");
	}

	@Test
	void aConsoleSessionEndsAfterThirtyIdleMinutesAndTwelveHoursAtMost() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		HttpCaller idle = HttpCaller.console(port, null, null);
		idle.signIn(reviewer.username(), reviewer.password());
		assertThat(signedIn(idle)).isTrue();
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = :u")
			.param("u", reviewer.username())
			.query(Integer.class)
			.list()).containsExactly(1800);
		jdbc.sql("update spring_session set last_access_time = last_access_time - 31 * 60 * 1000, "
				+ "expiry_time = expiry_time - 31 * 60 * 1000 where principal_name = :u")
			.param("u", reviewer.username())
			.update();
		assertThat(signedIn(idle)).isFalse();

		HttpCaller busy = HttpCaller.console(port, null, null);
		busy.signIn(reviewer.username(), reviewer.password());
		clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThat(signedIn(busy)).isTrue();
		clock.advance(Duration.ofMinutes(1));
		assertThat(signedIn(busy)).isFalse();
	}

	private String token(Accounts.Created owner, String scopes, LocalDate expiresOn) throws Exception {
		MvcResult created = accounts.as(owner, post("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"数据大屏\",\"scopes\":" + scopes + ",\"expiresOn\":\"" + expiresOn + "\"}"));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		String value = json(created).read("$.value");
		assertThat(value).startsWith("yz_").hasSizeGreaterThan(40);
		return value;
	}

	private MvcResult bearer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String token) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
	}

	private MvcResult basic(String username, String password) throws Exception {
		return mvc.perform(get("/api/v1/stations?size=1").with(httpBasic(username, password))).andReturn();
	}

	/** Whether the console page answers rather than sending to the login page. */
	private static boolean signedIn(HttpCaller browser) {
		HttpResponse<String> response = browser.get("/console/stations?q=none");
		if (response.statusCode() == 200) {
			return true;
		}
		if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
			return false;
		}
		throw new AssertionError("Unexpected answer " + response.statusCode() + " " + response.headers().map());
	}

	private static String detail(MvcResult result) throws Exception {
		return json(result).read("$.detail", String.class);
	}

}
