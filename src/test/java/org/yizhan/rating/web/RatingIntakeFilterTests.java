package org.yizhan.rating.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.station.Station;
import org.yizhan.support.HttpCaller;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/ratings} goes to its controller ahead of the filter chain (ADR
 * 0008), over real HTTP: the answer carries the same security headers as an answer of the
 * API's filter chain, a refusal is the same problem document in the caller's language,
 * and what the short way does not take (credentials, a body that is not JSON) takes the
 * long way and is answered as before.
 */
class RatingIntakeFilterTests extends IntakeTestSupport {

	private static final List<String> SECURITY_HEADERS = List.of("x-content-type-options", "x-xss-protection",
			"cache-control", "pragma", "expires", "x-frame-options");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MeterRegistry meters;

	@Test
	void aRatingIsAnsweredWithTheSecurityHeadersOfTheApiChain() throws Exception {
		Station station = listedStation();
		double before = count("SUCCESS");

		HttpResponse<String> rated = post("/api/v1/ratings", rating(token(station), 4, newDevice()), Map.of());
		// the same chain's answer to another anonymous submission of the API
		HttpResponse<String> chain = post("/api/v1/problems", Map.of("token", token(station)), Map.of());

		assertThat(rated.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(rated.body(), "$.status")).isEqualTo("COUNTED");
		assertThat(chain.statusCode()).isEqualTo(400);
		for (String header : SECURITY_HEADERS) {
			assertThat(rated.headers().allValues(header)).as(header)
				.isNotEmpty()
				.isEqualTo(chain.headers().allValues(header));
		}
		assertThat(count("SUCCESS")).isEqualTo(before + 1);
	}

	@Test
	void aRefusalIsTheApiProblemInTheCallersLanguage() throws Exception {
		Station station = listedStation();
		double before = count("REFUSED");

		HttpResponse<String> chinese = post("/api/v1/ratings", rating(token(station), 9, newDevice()), Map.of());
		HttpResponse<String> english = post("/api/v1/ratings", rating(token(station), 9, newDevice()),
				Map.of("Accept-Language", "en"));
		HttpResponse<String> unreadable = send("/api/v1/ratings", "{\"stars\":", "application/json", Map.of());

		assertThat(chinese.statusCode()).isEqualTo(400);
		assertThat(chinese.headers().firstValue("content-type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(chinese.body(), "$.title")).isEqualTo("输入有误");
		assertThat((List<String>) JsonPath.read(chinese.body(), "$.errors[*].field")).containsExactly("stars");
		assertThat((String) JsonPath.read(english.body(), "$.title")).isNotEqualTo("输入有误");
		assertThat(english.headers().allValues("x-content-type-options")).containsExactly("nosniff");
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertThat(unreadable.headers().firstValue("content-type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(count("REFUSED")).isEqualTo(before + 3);
	}

	@Test
	void credentialsAndBodiesThatAreNotJsonTakeTheLongWay() throws Exception {
		Station station = listedStation();
		double before = count("SUCCESS") + count("REFUSED");

		HttpResponse<String> wrongToken = post("/api/v1/ratings", rating(token(station), 4, newDevice()),
				Map.of("Authorization", "Bearer not-a-token"));
		HttpResponse<String> text = send("/api/v1/ratings", "stars=4", "text/plain", Map.of());
		HttpResponse<String> lookalike = send("/api/v1/ratings",
				JSON.writeValueAsString(rating(token(station), 4, newDevice())), "application/jsonx", Map.of());

		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(lookalike.statusCode()).isEqualTo(415);
		assertThat(stored(station)).isEmpty();
		assertThat(count("SUCCESS") + count("REFUSED")).as("none taken the short way").isEqualTo(before);
	}

	private double count(String outcome) {
		return meters.get("yizhan.rating.requests").tag("outcome", outcome).timer().count();
	}

	private HttpResponse<String> post(String path, Map<String, Object> body, Map<String, String> headers)
			throws IOException, InterruptedException {
		return send(path, JSON.writeValueAsString(body), "application/json", headers);
	}

	private HttpResponse<String> send(String path, String body, String type, Map<String, String> headers)
			throws IOException, InterruptedException {
		return HttpCaller.anonymous(port).send("POST", path, type, body, headers);
	}

}
