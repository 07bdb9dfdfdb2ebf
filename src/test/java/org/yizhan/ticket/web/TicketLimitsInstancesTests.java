package org.yizhan.ticket.web;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yizhan.YizhanApplication;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two instances of the application on one database: one client address has one budget of
 * problem reports (60 an hour), whichever instance its requests reach (issue 22: with a
 * budget per instance, one address opened 52 reports at once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketLimitsInstancesTests {

	@Autowired
	MockMvc mvc;

	ConfigurableApplicationContext other;

	MockMvc otherMvc;

	@BeforeAll
	void startTheSecondInstance() {
		// Arguments, not default properties: those would lose to application.yml's port.
		other = new SpringApplicationBuilder(YizhanApplication.class, MutableClockConfiguration.class)
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h");
		otherMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) other).apply(springSecurity()).build();
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void oneAddressHasOneBudgetOfReportsAcrossInstances() throws Exception {
		String address = "10.78." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(256);
		// half the hour's 60 through each instance; an empty report still takes its token
		for (int i = 0; i < 30; i++) {
			assertThat(report(mvc, address)).as("here, report " + i).isEqualTo(400);
			assertThat(report(otherMvc, address)).as("there, report " + i).isEqualTo(400);
		}
		assertThat(report(mvc, address)).isEqualTo(429);
		assertThat(report(otherMvc, address)).isEqualTo(429);
	}

	private static int report(MockMvc mvc, String address) throws Exception {
		return mvc.perform(post("/api/v1/problems").with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus();
	}

}
