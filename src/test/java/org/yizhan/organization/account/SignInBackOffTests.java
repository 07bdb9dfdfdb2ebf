package org.yizhan.organization.account;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.YizhanApplication;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.yizhan.support.MvcCalls.json;

/**
 * Sign-in back-off (issue 22): per account and per client address, doubling from one
 * minute to thirty, the right password refused during a pause, audited, and kept in the
 * database so that a restarted or second instance refuses as well. Each test signs in
 * from addresses of its own (2001:db8::/32), never from 127.0.0.1, which the other tests
 * share.
 */
@SpringBootTest(properties = "yizhan.security.sign-in.address-failures-before-pause=8")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SignInBackOffTests {

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
	void eachFailureAfterTheFifthDoublesThePauseUpToThirtyMinutes() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		String address = address();
		for (int i = 1; i <= 4; i++) {
			assertThat(detail(basic(mvc, reviewer.username(), "wrong", address))).isEqualTo("用户名或密码错误");
		}
		// 5th: 1 min, 6th: 2, 7th: 4, 8th: 8, 9th: 16, 10th and on: 30
		for (long minutes : List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L)) {
			MvcResult paused = basic(mvc, reviewer.username(), "wrong", address);
			assertThat(detail(paused)).as(minutes + " min").contains("请 " + minutes + " 分钟后再试");
			assertThat(paused.getResponse().getHeader("Retry-After")).isEqualTo(Long.toString(minutes * 60));
			// the right password is refused as long as the pause lasts, and counts
			// nothing
			clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
			assertThat(detail(basic(mvc, reviewer.username(), reviewer.password(), address))).contains("请 1 分钟后再试");
			clock.advance(Duration.ofSeconds(1));
			address = address();
		}
		assertThat(jdbc.sql("select after_summary from audit_entry where action = 'account.lock' and target_id = ?")
			.param(Long.toString(reviewer.id()))
			.query(String.class)
			.list()).hasSize(7).last().asString().contains("lockedFor=PT30M");

		// the right password after the pause ends the count
		assertThat(basic(mvc, reviewer.username(), reviewer.password(), address).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(detail(basic(mvc, reviewer.username(), "wrong", address))).isEqualTo("用户名或密码错误");
	}

	@Test
	void oneAddressGuessingAtManyAccountsIsPausedForAllOfThem() throws Exception {
		String address = address();
		Accounts.Created victim = accounts.createByAdmin("330106", "REVIEWER");
		// 8 failures from one address on 8 names, each one failure: no account is paused
		for (int i = 0; i < 7; i++) {
			Accounts.Created other = accounts.createByAdmin("330106", "REVIEWER");
			assertThat(detail(basic(mvc, other.username(), "wrong", address))).isEqualTo("用户名或密码错误");
		}
		assertThat(detail(basic(mvc, Accounts.unique("nobody"), "wrong", address))).contains("请 1 分钟后再试");

		// now nothing signs in from there, the right password of an untouched account
		// neither
		MvcResult refused = basic(mvc, victim.username(), victim.password(), address);
		assertThat(refused.getResponse().getStatus()).isEqualTo(401);
		assertThat(detail(refused)).contains("请 1 分钟后再试");
		// from elsewhere it does
		assertThat(basic(mvc, victim.username(), victim.password(), address()).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(
				jdbc.sql("select count(*) from audit_entry where action = 'sign-in.address-paused' and target_id = ?")
					.param(address)
					.query(Long.class)
					.single())
			.isEqualTo(1);

		clock.advance(Duration.ofMinutes(1));
		assertThat(basic(mvc, victim.username(), victim.password(), address).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aPauseHoldsOnAnotherInstanceAndAfterARestart() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		for (int i = 0; i < 5; i++) {
			basic(mvc, reviewer.username(), "wrong", address());
		}
		// a second instance on the same database, started after the pause began: as a
		// restarted one would, it knows of the pause only from the database
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class,
				MutableClockConfiguration.class)
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h")) {
			MockMvc otherMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) other)
				.apply(springSecurity())
				.build();
			MvcResult refused = basic(otherMvc, reviewer.username(), reviewer.password(), address());
			assertThat(refused.getResponse().getStatus()).isEqualTo(401);
			assertThat(detail(refused)).contains("已暂停登录");
		}
	}

	private static MvcResult basic(MockMvc mvc, String username, String password, String address) throws Exception {
		return mvc.perform(get("/api/v1/stations?size=1").with(httpBasic(username, password)).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn();
	}

	/** A fresh address of the IPv6 documentation prefix (RFC 3849). */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8::" + Integer.toHexString(random.nextInt(0x10000)) + ":"
				+ Integer.toHexString(random.nextInt(0x10000));
	}

	private static String detail(MvcResult result) {
		return json(result).read("$.detail", String.class);
	}

}
