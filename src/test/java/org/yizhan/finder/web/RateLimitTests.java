package org.yizhan.finder.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One client past its burst is told to wait, in problem details with Retry-After, while
 * another client is still served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yizhan.rate-limit.public.burst=3", "yizhan.rate-limit.public.per-second=1" })
@AutoConfigureMockMvc
class RateLimitTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void aClientPastItsBurstGets429WithRetryAfterAndOthersAreStillServed() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(nearbyFrom("10.1.1.1").getResponse().getStatus()).isEqualTo(200);
		}

		MvcResult refused = nearbyFrom("10.1.1.1");

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.parse(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.read("$.title", String.class)).isEqualTo("请求过于频繁");
		assertThat(nearbyFrom("10.1.1.2").getResponse().getStatus()).isEqualTo(200);
	}

	/**
	 * Another spelling of a public path that the dispatcher routes alike spends from the
	 * same bucket: percent-encoded letters (issue 22, 6: {@code %6Eearby} got 200 where
	 * the plain path got 429), double slashes, a {@code ;jsessionid} path parameter, a
	 * trailing slash (not served to the anonymous at all: 401). Over real HTTP, so the
	 * container decodes as in production.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/stations/%6Eearby?lat=30.27&lon=120.15",
			"/api/v1/stations/%6e%65%61%72%62%79?lat=30.27&lon=120.15",
			"/api/v1/%73tations/nearby?lat=30.27&lon=120.15", "/api//v1/stations//nearby?lat=30.27&lon=120.15",
			"/api/v1/stations/nearby;jsessionid=x?lat=30.27&lon=120.15",
			"/api/v1/stations/nearby/?lat=30.27&lon=120.15", "/api/v1/%61menities", "/api/v1/host-types/",
			"/api/v1/stations/in-box;a=b?south=30&west=120&north=30.1&east=120.1" })
	void anotherSpellingOfAPublicPathSpendsFromTheSameBucket(String spelling) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String plain = "/api/v1/stations/nearby?lat=30.27&lon=120.15";
		// warm up first: the limit refills a token a second, so the requests below must
		// be quick
		status(http, plain);
		status(http, spelling);
		Thread.sleep(3_500);
		int answer = 200;
		for (int i = 0; i < 10 && answer == 200; i++) {
			answer = status(http, plain);
		}
		assertThat(answer).as("the plain path is limited").isEqualTo(429);

		int refused = 0;
		int served = 0;
		for (int i = 0; i < 5; i++) {
			int other = status(http, spelling);
			assertThat(other).as(spelling).isIn(200, 429, 400, 401, 404);
			refused += (other == 429) ? 1 : 0;
			served += (other == 200) ? 1 : 0;
		}

		// a token a second comes back meanwhile, so one or two may be served on a slow
		// machine; before the fix every encoded spelling was
		assertThat(served).as(spelling).isLessThanOrEqualTo(2);
		if (spelling.contains("%")) {
			assertThat(refused).as(spelling).isGreaterThanOrEqualTo(3);
		}
	}

	private int status(HttpClient http, String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private MvcResult nearbyFrom(String address) throws Exception {
		return mvc.perform(get("/api/v1/stations/nearby?lat=30.27&lon=120.15").with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn();
	}

}
