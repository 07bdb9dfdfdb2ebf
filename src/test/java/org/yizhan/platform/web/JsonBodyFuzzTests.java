package org.yizhan.platform.web;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Fuzzes the JSON bodies the API takes, through the whole web stack (strict JSON reading,
 * validation, the use case): whatever the body, the answer is never a 5xx, and a refusal
 * is problem details. The endpoints are the public ones (a rating, a problem report) and
 * the staff ones whose bodies are richest (a station, an account, a site selection),
 * signed in as the administrator so that the body, not the sign-in, is what gets judged.
 * Seed inputs run in every build; {@code JAZZER_FUZZ=1} explores (docs/benchmarks.md,
 * "Fuzzing").
 */
@SpringBootTest
@AutoConfigureMockMvc
class JsonBodyFuzzTests {

	private record Endpoint(HttpMethod method, String path, boolean signedIn) {
	}

	private static final Endpoint[] ENDPOINTS = { new Endpoint(HttpMethod.POST, "/api/v1/ratings", false),
			new Endpoint(HttpMethod.POST, "/api/v1/problems", false),
			new Endpoint(HttpMethod.POST, "/api/v1/stations", true),
			new Endpoint(HttpMethod.POST, "/api/v1/accounts", true),
			new Endpoint(HttpMethod.POST, "/api/v1/coverage/site-selection", true) };

	static {
		// The pool opens connections to the embedded PostgreSQL on the loopback while the
		// fuzzer runs; Jazzer's request-forgery detector would take them for the input's.
		BugDetectors.allowNetworkConnections((host, port) -> "localhost".equals(host) || host.startsWith("127."));
	}

	@Autowired
	MockMvc mvc;

	@FuzzTest(maxDuration = "120s")
	void anyBodyIsAnsweredWithoutA5xx(FuzzedDataProvider data) throws Exception {
		Endpoint endpoint = data.pickValue(ENDPOINTS);
		String body = data.consumeRemainingAsString();
		MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path())
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-CN")
			.content(body);
		if (endpoint.signedIn()) {
			call = call.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
		}
		MockHttpServletResponse answer = this.mvc.perform(call).andReturn().getResponse();

		assertThat(answer.getStatus())
			.as("%s %s with %s: %s", endpoint.method(), endpoint.path(), body, answer.getContentAsString())
			.isLessThan(500);
		if (answer.getStatus() >= 400 && answer.getStatus() != 401 && answer.getStatus() != 403) {
			assertThat(answer.getContentType()).as("%s %s with %s", endpoint.method(), endpoint.path(), body)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
	}

}
