package org.yizhan.coverage.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Site selection over the API: the sites that cover the most demand, in pick order, and
 * every mistake in the request named, in Chinese or English.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SiteSelectionApiTests {

	/**
	 * Three demand clusters in 西湖区 (weights 5, 3, 1) and a candidate at each, plus one
	 * far off.
	 */
	private static final String DEMAND = """
			[{"lat":30.2600,"lon":120.1300,"weight":5},{"lat":30.2605,"lon":120.1305,"weight":5},
			 {"lat":30.2800,"lon":120.1000,"weight":3},{"lat":30.3000,"lon":120.0700,"weight":1}]""";

	private static final String CANDIDATES = """
			[{"id":"A","lat":30.2602,"lon":120.1302},{"id":"B","lat":30.2801,"lon":120.1001},
			 {"id":"C","lat":30.3001,"lon":120.0701},{"id":"far","lat":30.5,"lon":120.5}]""";

	@Autowired
	MockMvc mvc;

	@Test
	void picksTheSitesThatCoverTheMostDemandInPickOrder() throws Exception {
		DocumentContext answer = ok(request(DEMAND, CANDIDATES, 500, 2, "single", "[]"));

		assertThat(answer.read("$.selected", List.class)).containsExactly("A", "B");
		assertThat(answer.read("$.coveredWeight", Double.class)).isEqualTo(13.0);
		assertThat(answer.read("$.totalWeight", Double.class)).isEqualTo(14.0);
		assertThat(answer.read("$.gains", List.class)).containsExactly(10.0, 3.0);
		assertThat(answer.read("$.millis", Long.class)).isNotNegative();
	}

	@Test
	void existingStationsAreCountedAsAlreadyThere() throws Exception {
		DocumentContext answer = ok(
				request(DEMAND, CANDIDATES, 500, 1, "single", "[{\"lat\":30.2601,\"lon\":120.1301}]"));

		assertThat(answer.read("$.selected", List.class)).containsExactly("B");
		assertThat(answer.read("$.coveredWeight", Double.class)).isEqualTo(13.0);
	}

	@Test
	void crossCoverageCountsDemandThatASecondStationReaches() throws Exception {
		DocumentContext answer = ok(
				request(DEMAND, CANDIDATES, 500, 1, "double", "[{\"lat\":30.2601,\"lon\":120.1301}]"));

		assertThat(answer.read("$.selected", List.class)).containsExactly("A");
		assertThat(answer.read("$.coveredTwiceWeight", Double.class)).isEqualTo(10.0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "swapped lat and lon|[{\"lat\":120.13,\"lon\":30.26,\"weight\":1}]|500|1|demand[0]|纬度和经度似乎写反了",
					"a point outside China|[{\"lat\":35.68,\"lon\":139.76,\"weight\":1}]|500|1|demand[0]|位置不在中国境内",
					"a negative weight|[{\"lat\":30.26,\"lon\":120.13,\"weight\":-2}]|500|1|demand[0].weight|不小于 0",
					"p larger than the candidates|[{\"lat\":30.26,\"lon\":120.13,\"weight\":1}]|500|5|p|须在 1 到 4 之间",
					"a radius of zero|[{\"lat\":30.26,\"lon\":120.13,\"weight\":1}]|0|1|radiusMeters|须在",
					"an absurd radius|[{\"lat\":30.26,\"lon\":120.13,\"weight\":1}]|1000000000|1|radiusMeters|须在",
					"no demand|[]|500|1|demand|不能为空" })
	void refusesMistakesNamingTheField(String mistake, String demand, long radius, int p, String field, String message)
			throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/coverage/site-selection")
				.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request(demand, CANDIDATES, radius, p, "single", "[]")))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		DocumentContext problem = JsonPath.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo(field);
		assertThat(problem.read("$.errors[0].message", String.class)).contains(message);
	}

	@Test
	void refusesMoreThan200000DemandPointsInEnglishToo() throws Exception {
		StringBuilder demand = new StringBuilder("[");
		for (int i = 0; i <= 200_000; i++) {
			demand.append(i == 0 ? "" : ",").append("{\"lat\":30.26,\"lon\":120.13}");
		}
		MvcResult result = mvc
			.perform(post("/api/v1/coverage/site-selection")
				.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(request(demand.append("]").toString(), CANDIDATES, 500, 1, "single", "[]")))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		DocumentContext problem = JsonPath.parse(result.getResponse().getContentAsString());
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("demand");
		assertThat(problem.read("$.errors[0].message", String.class)).isEqualTo("must have at most 200,000 entries");
	}

	@Test
	void needsCredentials() throws Exception {
		assertThat(mvc
			.perform(post("/api/v1/coverage/site-selection").contentType(MediaType.APPLICATION_JSON)
				.content(request(DEMAND, CANDIDATES, 500, 1, "single", "[]")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
	}

	private DocumentContext ok(String body) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/coverage/site-selection")
				.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return JsonPath.parse(result.getResponse().getContentAsString());
	}

	private static String request(String demand, String candidates, long radius, int p, String objective,
			String existing) {
		return """
				{"demand":%s,"candidates":%s,"crs":"wgs84","radiusMeters":%d,"p":%d,"objective":"%s","existing":%s}"""
			.formatted(demand, candidates, radius, p, objective, existing);
	}

}
