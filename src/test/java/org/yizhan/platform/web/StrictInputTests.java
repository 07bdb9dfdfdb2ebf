package org.yizhan.platform.web;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Input the API used to take loosely and answer badly (issue 22, weak): a time centuries
 * away was a 500, a fraction or a string where a whole number belongs was rounded or
 * converted, and a key given twice kept the last value.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StrictInputTests {

	private static final String STATION = "{\"name\":\"严格输入驿站\",\"address\":\"杭州市西湖区曙光路 1 号\",\"district\":\"330106\","
			+ "\"hostName\":\"严格输入承建单位\",\"hostType\":\"BANK\",\"location\":{\"lat\":30.2741,\"lon\":120.1551},"
			+ "\"openingHours\":\"Mo-Fr 08:00-18:00\",\"level\":\"CITY\",";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "-999999999-01-01T00:00", "+999999999-12-31T23:59", "1900-01-01T00:00",
			"-999999999-01-01T00:00+18:00" })
	void aTimeCenturiesAwayIsA400NamingAt(String at) throws Exception {
		MvcResult result = mvc
			.perform(get("/api/v1/stations/nearby").param("lat", "30.27").param("lon", "120.15").param("at", at))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		assertThat(JsonPath.parse(body(result)).read("$.errors[0].field", String.class)).isEqualTo("at");
	}

	@Test
	void aTimeThisYearIsStillAnswered() throws Exception {
		MvcResult result = mvc
			.perform(get("/api/v1/stations/nearby").param("lat", "30.27")
				.param("lon", "120.15")
				.param("at", java.time.LocalDate.now().withDayOfMonth(1) + "T10:00"))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"stars\":5.9}", "\"stars\":\"5\"}", "\"stars\":1,\"stars\":5}" })
	void looseNumbersAndRepeatedKeysAreRefused(String tail) throws Exception {
		long before = stations();

		MvcResult result = mvc
			.perform(post("/api/v1/stations").with(httpBasic("admin", "test-admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(STATION + tail))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		assertThat(stations()).isEqualTo(before);
	}

	@Test
	void aWholeNumberIsStillAccepted() throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/stations").with(httpBasic("admin", "test-admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(STATION + "\"stars\":5}"))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"stars\":4.5", "\"stars\":\"4\"", "\"stars\":4,\"stars\":5" })
	void theRatingIntakeIsAsStrict(String stars) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/ratings").contentType(MediaType.APPLICATION_JSON)
				.content("{\"token\":\"x\"," + stars + ",\"deviceId\":\"strict-input-test\"}"))
			.andReturn();

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		// refused as unreadable, not read as a number and then refused for its token
		assertThat(body(result)).doesNotContain("token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "address", "hostName", "description" })
	void rightToLeftOverridesAndZeroWidthCharactersAreRefusedInStationText(String field) throws Exception {
		for (String sneaky : new String[] { "西湖\u202Egnp.exe", "西湖\u200B驿站", "西湖\u2066驿站\u2069", "\uFEFF西湖" }) {
			String json = "{\"name\":\"正常驿站\",\"address\":\"杭州市西湖区曙光路 1 号\",\"district\":\"330106\","
					+ "\"hostName\":\"正常承建单位\",\"hostType\":\"BANK\",\"location\":{\"lat\":30.2741,\"lon\":120.1551},"
					+ "\"openingHours\":\"Mo-Fr 08:00-18:00\",\"level\":\"CITY\",\"stars\":3,\"description\":\"正常\"}";
			json = json.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + sneaky + "\"");
			long before = stations();

			MvcResult result = mvc
				.perform(post("/api/v1/stations").with(httpBasic("admin", "test-admin-secret"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json))
				.andReturn();

			assertThat(result.getResponse().getStatus()).as(sneaky + " " + body(result)).isEqualTo(400);
			assertThat(JsonPath.parse(body(result)).read("$.errors[0].field", String.class)).isEqualTo(field);
			assertThat(JsonPath.parse(body(result)).read("$.errors[0].code", String.class))
				.isEqualTo("validation.invisibleCharacters");
			assertThat(stations()).isEqualTo(before);
		}
	}

	@Test
	void aBaiduPointThatConvertsPastTheDateLineIsA400NotA500() throws Exception {
		// found by fuzzing (CoverageInputFuzzTests): Baidu's offset carries lon -180 past
		// the antimeridian, where a WGS-84 point cannot be made
		MvcResult nearby = mvc
			.perform(get("/api/v1/stations/nearby").param("lat", "0").param("lon", "-180").param("crs", "bd09"))
			.andReturn();
		assertThat(nearby.getResponse().getStatus()).as(body(nearby)).isEqualTo(400);
		assertThat(JsonPath.parse(body(nearby)).read("$.errors[0].field", String.class)).isEqualTo("lon");

		MvcResult box = mvc
			.perform(get("/api/v1/stations/in-box").param("south", "-10")
				.param("west", "-180")
				.param("north", "10")
				.param("east", "-170")
				.param("crs", "bd09"))
			.andReturn();
		assertThat(box.getResponse().getStatus()).as(body(box)).isEqualTo(200);

		long before = stations();
		MvcResult station = mvc
			.perform(
					post("/api/v1/stations").with(httpBasic("admin", "test-admin-secret"))
						.contentType(MediaType.APPLICATION_JSON)
						.content(STATION.replace("\"location\":{\"lat\":30.2741,\"lon\":120.1551}",
								"\"location\":{\"lat\":0,\"lon\":-180,\"crs\":\"bd09\"}") + "\"stars\":3}"))
			.andReturn();
		assertThat(station.getResponse().getStatus()).as(body(station)).isEqualTo(400);
		assertThat(stations()).isEqualTo(before);
	}

	private long stations() {
		return this.jdbc.sql("select count(*) from station").query(Long.class).single();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
