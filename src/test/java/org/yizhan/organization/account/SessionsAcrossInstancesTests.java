package org.yizhan.organization.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yizhan.YizhanApplication;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database (issue 22's two-instance suite, sessions): a console
 * session begun on one instance is the same session on the other, because Spring Session
 * keeps it in PostgreSQL, and signing out on either ends it on both. Behind a load
 * balancer without sticky sessions, a clerk's next click may reach either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsAcrossInstancesTests {

	@LocalServerPort
	int port;

	@Test
	void aSessionBegunOnOneInstanceIsServedAndEndedByTheOther() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class)
			// Arguments, not default properties: those would lose to application.yml's
			// port.
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h")) {
			int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
			HttpCaller here = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			HttpCaller there = here.atPort(otherPort);

			HttpResponse<String> served = there.get("/console/stations");
			assertThat(served.statusCode()).as("the other instance knows the session").isEqualTo(200);
			assertThat(served.body()).as("a signed-in page, with its sign-out form").contains("action=\"/logout\"");

			// the form's token belongs to the session, so the other instance accepts it
			HttpResponse<String> signedOut = there.postForm("/logout", Map.of());
			assertThat(signedOut.statusCode()).isEqualTo(302);
			assertThat(signedOut.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));

			HttpResponse<String> afterwards = here.get("/console/stations");
			assertThat(afterwards.statusCode()).as("signed out everywhere").isEqualTo(302);
			assertThat(afterwards.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		}
	}

}
