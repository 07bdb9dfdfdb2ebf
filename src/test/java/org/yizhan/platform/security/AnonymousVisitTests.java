package org.yizhan.platform.security;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor who has not signed in leaves behind (issue 22): no session row for any
 * anonymous page, however many they open, and no API document. Over real HTTP, so that
 * Spring Session's filter and the cookies are the application's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class AnonymousVisitTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousPagesWriteNoSessionAndOnlySigningInDoes() {
		long start = System.currentTimeMillis();
		List<String> pages = List.of("/login", "/login?lang=en", "/", "/console/stations", "/console/accounts",
				"/swagger-ui.html", "/v3/api-docs", "/login?error=failed");
		for (int i = 0; i < 25; i++) {
			for (String page : pages) {
				// a fresh visitor each time, as an attacker's script or a crawler is
				HttpCaller.anonymous(port).get(page);
			}
		}
		HttpCaller browser = HttpCaller.console(port, null, null);
		browser.get("/console/stations");
		browser.get("/login");
		assertThat(sessionsSince(start)).isZero();

		assertThat(browser.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD)).endsWith("/console/stations");
		assertThat(sessionsSince(start)).isEqualTo(1);
	}

	@Test
	void theApiDocumentIsForSignedInStaffOnly() {
		HttpResponse<String> anonymous = HttpCaller.anonymous(port).get("/v3/api-docs");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(HttpCaller.anonymous(port).get("/swagger-ui/index.html").statusCode()).isEqualTo(302);

		HttpCaller staff = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(HttpCaller.ok(staff.get("/v3/api-docs"))).contains("\"/api/v1/stations/nearby\"");
		assertThat(staff.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	private long sessionsSince(long start) {
		return jdbc.sql("select count(*) from spring_session where creation_time >= :start")
			.param("start", start)
			.query(Long.class)
			.single();
	}

}
