package org.yizhan.rating;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import org.yizhan.station.StationTokens;

/**
 * One application context for the tests of the rating intake: a real server and MockMvc
 * (which can give each test its own client address, so that the per-address limit of one
 * test never meets another's), a clock the tests move, and a token key ring with a key
 * retired long ago, for expired codes. Every test makes its own stations (far in the west
 * of 淳安县, away from the demo city) and devices, so the rules, which count per station and
 * device, see only its ratings.
 *
 * <p>
 * The per-device burst is raised from 4 to 8 so that a device can reach the device-spread
 * rule (5 other stations) within one test; the 100-ratings test checks the limit as set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yizhan.rating.tokens.keys.1=" + IntakeTestSupport.ACTIVE_KEY,
				"yizhan.rating.tokens.keys.2=" + IntakeTestSupport.RETIRED_KEY, "yizhan.rating.tokens.active-key=1",
				"yizhan.rating.tokens.retired.2=2020-01-01T00:00:00Z", "yizhan.rating.limits.device-burst=8" })
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
public abstract class IntakeTestSupport {

	protected static final String ACTIVE_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	protected static final String RETIRED_KEY = "cmV0aXJlZC1rZXktcmV0aXJlZC1rZXktcmV0aXJlZC0=";

	public static final int DEVICE_BURST = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected StationRegistry registry;

	@Autowired
	protected StationTokens tokens;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A listed station of its own, open around the clock unless told otherwise. */
	protected Station listedStation() {
		return listedStation("24/7", null);
	}

	protected Station listedStation(String hours, String unattendedHours) {
		double lat = 29.60 + RANDOM.nextDouble() * 0.1;
		double lon = 118.40 + RANDOM.nextDouble() * 0.1;
		return listedStation(hours, unattendedHours, lat, lon);
	}

	protected Station listedStation(String hours, String unattendedHours, double lat, double lon) {
		// A request through MockMvc's security filters signs the test out when it ends.
		ActingAsNationalAdmin.signIn();
		Station draft = registry.create(new StationInput("评价测试驿站" + UUID.randomUUID().toString().substring(0, 6),
				"杭州市淳安县评价路 1 号", "330127", "测试单位", "OTHER", lat, lon, "wgs84", null, null, List.of(), hours,
				(unattendedHours == null) ? null : "QR", unattendedHours, false, null, null, null, null));
		return registry.list(draft.id(), null);
	}

	protected String token(Station station) {
		return tokens.issue(station.id());
	}

	/** A device id as the page makes it: 16 random bytes in base64url. */
	protected static String newDevice() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

	/** A client address of the test's own, so per-address limits of tests do not meet. */
	protected static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10.77." + (n / 250) + "." + (1 + n % 250);
	}

	/** A rating body: stars and device, the rest as the test adds it. */
	protected static Map<String, Object> rating(String token, int stars, String device) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token", token);
		body.put("stars", stars);
		body.put("deviceId", device);
		return body;
	}

	protected MvcResult send(String address, Map<String, Object> body) {
		return send(address, JSON.writeValueAsString(body), "zh-CN");
	}

	protected MvcResult send(String address, String json, String language) {
		try {
			return mvc.perform(post("/api/v1/ratings").contentType(MediaType.APPLICATION_JSON)
				.content(json.getBytes(StandardCharsets.UTF_8))
				.header("Accept-Language", language)
				.with(request -> {
					request.setRemoteAddr(address);
					return request;
				})).andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static String status(MvcResult result) {
		return JsonPath.read(body(result), "$.status");
	}

	/** Stored ratings of a station: status and hold reasons, oldest first. */
	protected List<Map<String, Object>> stored(Station station) {
		return jdbc.sql("""
				select id, stars, tags::text as tags, category, comment, status, hold_reasons::text as hold_reasons,
				       near_station, device_hash, fingerprint_hash
				from rating where station_id = :station order by created_at, id
				""").param("station", station.id().value()).query().listOfRows();
	}

}
