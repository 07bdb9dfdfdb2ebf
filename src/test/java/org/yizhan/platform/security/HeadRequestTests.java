package org.yizhan.platform.security;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationTokens;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HEAD is GET without the body (RFC 9110 §9.3.2): over real HTTP, anonymous HEAD requests
 * to the public API answer what GET answers, headers and all, with no body; and HEAD
 * opens nothing that GET keeps closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class HeadRequestTests {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void anonymousHeadRequestsToThePublicApiAnswerAsGetDoesWithoutABody(@Autowired MockMvc mvc,
			@Autowired StationRegistry registry, @Autowired StationResponsibilities responsibilities,
			@Autowired ProblemTickets tickets, @Autowired StationTokens tokens) {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		String number = fixtures.report(station, ProblemType.BROKEN_FACILITY, null).ticket().number().value();
		HttpCaller anonymous = HttpCaller.anonymous(port);

		for (String path : List.of("/api/v1/stations/nearby?lat=30.259&lon=120.130",
				"/api/v1/stations/in-box?south=30.2&west=120.1&north=30.3&east=120.2", "/api/v1/amenities",
				"/api/v1/host-types", "/api/v1/problems/" + number)) {
			HttpResponse<String> get = anonymous.get(path);
			HttpResponse<String> head = anonymous.send("HEAD", path);

			assertThat(get.statusCode()).as("GET " + path).isEqualTo(200);
			assertThat(get.body()).as("GET " + path).isNotEmpty();
			assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
			assertThat(head.body()).as("HEAD " + path).isEmpty();
			assertThat(head.headers().firstValue("Content-Type")).as("HEAD " + path)
				.isEqualTo(get.headers().firstValue("Content-Type"));
			assertThat(head.headers().firstValue("Cache-Control")).as("HEAD " + path)
				.isEqualTo(get.headers().firstValue("Cache-Control"));
		}
	}

	@Test
	void headOfAnUnknownTicketIsNotFoundAsGetIs() {
		HttpCaller anonymous = HttpCaller.anonymous(port);

		assertThat(anonymous.get("/api/v1/problems/2222-3333-4444").statusCode()).isEqualTo(404);
		assertThat(anonymous.send("HEAD", "/api/v1/problems/2222-3333-4444").statusCode()).isEqualTo(404);
	}

	@Test
	void headOpensNothingThatGetKeepsClosed() {
		HttpCaller anonymous = HttpCaller.anonymous(port);

		for (String path : List.of("/api/v1/stations", "/api/v1/tickets", "/api/v1/me/notifications")) {
			assertThat(anonymous.get(path).statusCode()).as("GET " + path).isEqualTo(401);
			assertThat(anonymous.send("HEAD", path).statusCode()).as("HEAD " + path).isEqualTo(401);
		}
	}

}
