package org.yizhan.rating;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.YizhanApplication;
import org.yizhan.station.Station;
import org.yizhan.support.HttpCaller;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database: a rating sent to both at once is stored once, and the
 * anomaly rules of one instance count what the other committed, because they read the
 * committed rows rather than their own memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesRatingTests extends IntakeTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConfigurableApplicationContext other;

	private HttpCaller first;

	private HttpCaller second;

	@BeforeAll
	void startTheSecondInstance() {
		// Arguments, not default properties: those would lose to application.yml's port.
		this.other = new SpringApplicationBuilder(YizhanApplication.class).run("--server.port=0",
				"--yizhan.rating.tokens.keys.1=" + ACTIVE_KEY, "--yizhan.rating.tokens.keys.2=" + RETIRED_KEY,
				"--yizhan.rating.tokens.active-key=1", "--yizhan.rating.tokens.retired.2=2020-01-01T00:00:00Z",
				"--yizhan.rating.limits.device-burst=" + DEVICE_BURST, "--yizhan.finder.reconcile-interval=1h");
		this.first = HttpCaller.anonymous(port);
		this.second = HttpCaller.anonymous(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void theSameRatingSentToBothInstancesAtTheSameMomentIsStoredOnce() throws Exception {
		Station station = listedStation();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				String json = JSON.writeValueAsString(rating(token(station), 1 + round % 5, newDevice()));
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (HttpCaller instance : List.of(first, second)) {
					answers.add(threads.submit(() -> {
						together.await();
						return post(instance, json);
					}));
				}
				List<Integer> codes = new ArrayList<>();
				for (Future<HttpResponse<String>> answer : answers) {
					codes.add(answer.get().statusCode());
				}
				assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(201, 200);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(stored(station)).hasSize(20);
	}

	@Test
	void aDeviceSpreadOverBothInstancesIsHeldByTheSecond() {
		String device = newDevice();
		for (int i = 0; i < 5; i++) {
			assertThat(status(post(first, rating(token(listedStation()), 4, device)))).isEqualTo("COUNTED");
		}
		assertThat(status(post(second, rating(token(listedStation()), 4, device)))).isEqualTo("HELD");
	}

	@Test
	void aBurstSplitOverBothInstancesIsHeldPastTheBar() {
		Station station = listedStation();
		for (int i = 0; i < 30; i++) {
			assertThat(status(post((i % 2 == 0) ? first : second, rating(token(station), 4, newDevice()))))
				.isEqualTo("COUNTED");
		}
		assertThat(status(post(second, rating(token(station), 4, newDevice())))).isEqualTo("HELD");
		assertThat(stored(station).get(30)).containsEntry("hold_reasons", "{STATION_BURST}");
	}

	private static HttpResponse<String> post(HttpCaller instance, Map<String, Object> body) {
		return post(instance, JSON.writeValueAsString(body));
	}

	private static HttpResponse<String> post(HttpCaller instance, String json) {
		return instance.sendJson("POST", "/api/v1/ratings", json);
	}

	private static String status(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.status");
	}

}
