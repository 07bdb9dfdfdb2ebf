package org.yizhan.rating.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.yizhan.geo.CoordinateTransform;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.station.StationTokens;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/ratings} as a phone uses it: what is stored for a good rating, what
 * a second one of the day does, and a clear, localised refusal naming the field for each
 * kind of bad input, with nothing written.
 */
@ExtendWith(OutputCaptureExtension.class)
class RatingApiTests extends IntakeTestSupport {

	@Test
	void aRatingWithStarsTagsCategoryAndCommentIsCountedAndItsDeviceStoredOnlyAsAKeyedHash() {
		Station station = listedStation();
		String device = newDevice();
		Map<String, Object> body = rating(token(station), 4, device);
		body.put("tags", List.of("CLEAN", "FRIENDLY"));
		body.put("category", "RIDER");
		body.put("comment", "  热水很方便 ");
		body.put("fingerprint", "0123456789abcdef0123456789abcdef");

		MvcResult result = send(newAddress(), body);

		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		assertThat(status(result)).isEqualTo("COUNTED");
		assertThat((String) JsonPath.read(body(result), "$.station.code")).isEqualTo(station.code().toString());
		assertThat((String) JsonPath.read(body(result), "$.ratingDay"))
			.isEqualTo(LocalDate.now(YizhanTime.ZONE).toString());
		assertThat((String) JsonPath.read(body(result), "$.message")).contains("已计入")
			.contains(station.details().name());
		List<Map<String, Object>> rows = stored(station);
		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row).containsEntry("stars", 4)
			.containsEntry("tags", "{CLEAN,FRIENDLY}")
			.containsEntry("category", "RIDER")
			.containsEntry("comment", "热水很方便")
			.containsEntry("status", "COUNTED")
			.containsEntry("hold_reasons", "{}");
		assertThat(row.get("near_station")).isNull();
		assertThat((byte[]) row.get("device_hash")).hasSize(16);
		assertThat((byte[]) row.get("fingerprint_hash")).hasSize(16).isNotEqualTo(row.get("device_hash"));
		String everything = jdbc.sql("select row_to_json(r)::text from rating r where id = :id")
			.param("id", row.get("id"))
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain(device).doesNotContain("0123456789abcdef");
	}

	@Test
	void aSecondRatingOfTheSameStationByTheSameDeviceTheSameDayIsAlreadyRatedAndChangesNothing() {
		Station station = listedStation();
		String device = newDevice();
		String address = newAddress();
		assertThat(send(address, rating(token(station), 5, device)).getResponse().getStatus()).isEqualTo(201);

		MvcResult again = send(address, rating(token(station), 1, device));

		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(status(again)).isEqualTo("ALREADY_RATED");
		assertThat((String) JsonPath.read(body(again), "$.message")).contains("今天已经评价过");
		assertThat(stored(station)).singleElement().satisfies(row -> assertThat(row).containsEntry("stars", 5));
	}

	@Test
	void theSameDeviceRatesAnotherStationTheSameDay() {
		String device = newDevice();
		String address = newAddress();
		Station first = listedStation();
		Station second = listedStation();

		assertThat(send(address, rating(token(first), 5, device)).getResponse().getStatus()).isEqualTo(201);
		assertThat(send(address, rating(token(second), 3, device)).getResponse().getStatus()).isEqualTo(201);

		assertThat(stored(first)).hasSize(1);
		assertThat(stored(second)).hasSize(1);
	}

	static Stream<Arguments> badInputs() {
		return Stream.of(bad("no token", b -> b.remove("token"), "token", "validation.required"),
				bad("a malformed token", b -> b.put("token", "not a token!"), "token", "rating.token.malformed"),
				bad("a tampered token", b -> b.put("token", tampered((String) b.get("token"))), "token",
						"rating.token.forged"),
				bad("no stars", b -> b.remove("stars"), "stars", "validation.required"),
				bad("0 stars", b -> b.put("stars", 0), "stars", "rating.stars.range"),
				bad("6 stars", b -> b.put("stars", 6), "stars", "rating.stars.range"),
				bad("stars as words", b -> b.put("stars", "five"), "stars", "validation.type"),
				bad("an unknown tag", b -> b.put("tags", List.of("CLEAN", "CHEAP")), "tags[1]",
						"validation.unknownValue"),
				bad("an unknown category", b -> b.put("category", "ASTRONAUT"), "category", "validation.unknownValue"),
				bad("a comment of 501 characters", b -> b.put("comment", "好".repeat(501)), "comment",
						"validation.tooLong"),
				bad("a comment with a control character", b -> b.put("comment", "bell\u0007"), "comment",
						"validation.controlCharacters"),
				bad("a comment with a right-to-left override", b -> b.put("comment", "很好\u202e差很"), "comment",
						"validation.invisibleCharacters"),
				bad("a comment with a zero-width space", b -> b.put("comment", "很\u200b好"), "comment",
						"validation.invisibleCharacters"),
				bad("no device id", b -> b.remove("deviceId"), "deviceId", "validation.required"),
				bad("a malformed device id", b -> b.put("deviceId", "short"), "deviceId", "rating.deviceId.malformed"),
				bad("a device id with markup", b -> b.put("deviceId", "<script>alert(1)</script>"), "deviceId",
						"rating.deviceId.malformed"),
				bad("a malformed fingerprint", b -> b.put("fingerprint", "x y"), "fingerprint",
						"rating.fingerprint.malformed"),
				bad("an unknown coordinate system",
						b -> b.put("location", Map.of("lat", 29.6, "lon", 118.4, "crs", "utm")), "location.crs",
						"validation.unknownValue"),
				bad("a location without latitude", b -> b.put("location", Map.of("lon", 118.4)), "location.lat",
						"validation.required"),
				bad("a latitude beyond the pole", b -> b.put("location", Map.of("lat", 91.0, "lon", 118.4)), "location",
						"rating.location.invalid"));
	}

	private static Arguments bad(String name, Consumer<Map<String, Object>> change, String field, String code) {
		return Arguments.of(Named.of(name, change), field, code);
	}

	@ParameterizedTest(name = "{0} is refused naming {1}")
	@MethodSource("badInputs")
	void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsStored(Consumer<Map<String, Object>> change,
			String field, String code) {
		Station station = listedStation();
		Map<String, Object> body = new HashMap<>(rating(token(station), 4, newDevice()));
		change.accept(body);

		MvcResult result = send(newAddress(), body);

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		String problem = body(result);
		assertThat((String) JsonPath.read(problem, "$.title")).isEqualTo("输入有误");
		assertThat((List<String>) JsonPath.read(problem, "$.errors[*].field")).containsExactly(field);
		assertThat((List<String>) JsonPath.read(problem, "$.errors[*].code")).containsExactly(code);
		assertThat((String) JsonPath.read(problem, "$.errors[0].message")).isNotBlank().doesNotContain(code);
		assertThat(stored(station)).isEmpty();
	}

	@Test
	void anExpiredTokenIsRefusedAsReplaced() {
		Station station = listedStation();
		StationTokens retiredRing = new StationTokens(
				Map.of(2, new StationTokens.SigningKey(java.util.Base64.getDecoder().decode(RETIRED_KEY), null)), 2,
				Duration.ofDays(90), clock);
		String expired = retiredRing.issue(station.id());

		MvcResult result = send(newAddress(), rating(expired, 4, newDevice()));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat((String) JsonPath.read(body(result), "$.errors[0].code")).isEqualTo("rating.token.expired");
		assertThat((String) JsonPath.read(body(result), "$.detail")).contains("已更换");
		assertThat(stored(station)).isEmpty();
	}

	@Test
	void aTokenOfAStationThatDoesNotExistIsRefused() {
		MvcResult result = send(newAddress(), rating(tokens.issue(StationId.of(987_654_321L)), 4, newDevice()));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat((String) JsonPath.read(body(result), "$.errors[0].code")).isEqualTo("rating.token.unknownStation");
	}

	@Test
	void everyRefusalNamesItsFieldsAllAtOnceAndSpeaksEnglishWhenAsked() {
		String json = "{\"token\":\"x!\",\"stars\":9,\"tags\":[\"NOPE\"],\"deviceId\":\"\"}";

		MvcResult result = send(newAddress(), json, "en");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(body(result), "$.errors[*].field")).containsExactly("token", "stars",
				"tags[0]", "deviceId");
		assertThat((String) JsonPath.read(body(result), "$.title")).isEqualTo("Invalid input");
		assertThat((String) JsonPath.read(body(result), "$.detail")).contains("must be 1 to 5 stars");
	}

	@Test
	void aCommentWithMarkupIsStoredAsTheTextItIs() {
		Station station = listedStation();
		Map<String, Object> body = rating(token(station), 2, newDevice());
		String markup = "<script>alert('x')</script> & <b>不卫生</b>";
		body.put("comment", markup);

		assertThat(send(newAddress(), body).getResponse().getStatus()).isEqualTo(201);

		assertThat(stored(station)).singleElement().satisfies(row -> assertThat(row).containsEntry("comment", markup));
	}

	@Test
	void aSuspendedStationRefusesRatingsKindlyWithItsReopeningDateAndStoresNothing() {
		Station station = listedStation();
		LocalDate reopening = LocalDate.now(YizhanTime.ZONE).plusDays(20);
		registry.suspend(station.id(), null, "装修", reopening);

		MvcResult result = send(newAddress(), rating(token(station), 5, newDevice()));

		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(body(result), "$.detail")).contains(station.details().name())
			.contains("暂停服务")
			.contains(reopening.toString());
		assertThat((String) JsonPath.read(body(result), "$.errors[0].field")).isEqualTo("token");
		assertThat(stored(station)).isEmpty();
	}

	@Test
	void aDelistedStationAndADraftRefuseRatingsKindly() {
		Station delisted = listedStation();
		registry.delist(delisted.id(), null, org.yizhan.station.DelistingReason.CLOSED, null);
		Station draft = registry
			.create(new org.yizhan.station.StationInput("未开放驿站", "杭州市淳安县", "330127", "测试单位", "OTHER", 29.65, 118.45,
					"wgs84", null, null, List.of(), "24/7", null, null, false, null, null, null, null));

		MvcResult toDelisted = send(newAddress(), rating(token(delisted), 5, newDevice()));
		MvcResult toDraft = send(newAddress(), rating(token(draft), 5, newDevice()));

		assertThat(toDelisted.getResponse().getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(body(toDelisted), "$.detail")).contains("已停止服务");
		assertThat(toDraft.getResponse().getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(body(toDraft), "$.detail")).contains("尚未正式开放");
		assertThat(stored(delisted)).isEmpty();
		assertThat(stored(draft)).isEmpty();
	}

	@Test
	void theLocationCheckIsReducedToNearOrNotAndTheCoordinatesAreNeitherStoredNorLogged(CapturedOutput output) {
		Station station = listedStation("24/7", null, 29.6512345, 118.4512345);
		// 120 m north, as Amap would give it (GCJ-02)
		double[] gcj = CoordinateTransform.wgs84ToGcj02(29.6523145, 118.4512345);
		Map<String, Object> near = rating(token(station), 5, newDevice());
		near.put("location", Map.of("lat", gcj[0], "lon", gcj[1], "crs", "gcj02"));
		// 2 km east, in WGS-84
		Map<String, Object> far = rating(token(station), 5, newDevice());
		far.put("location", Map.of("lat", 29.6512345, "lon", 118.4718765));

		assertThat(status(send(newAddress(), near))).isEqualTo("COUNTED");
		assertThat(status(send(newAddress(), far))).isEqualTo("HELD");

		assertThat(stored(station)).extracting(row -> row.get("near_station"), row -> row.get("hold_reasons"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(true, "{}"),
					org.assertj.core.groups.Tuple.tuple(false, "{FAR_AWAY}"));
		assertThat(jdbc
			.sql("select count(*) from information_schema.columns where table_name = 'rating' "
					+ "and (column_name like '%lat%' or column_name like '%lon%')")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getAll()).doesNotContain("118.4718765").doesNotContain(String.valueOf(gcj[0]));
	}

	@Test
	void aRatingSentWhileTheStationIsClosedIsHeldButNotOnTheWayOutNorWhenTheHoursAreUnknown() {
		Station weekdays = listedStation("Mo-Fr 08:00-18:00", null);
		Station unknown = listedStation("\"ask the guard\"", null);
		Station smart = listedStation("Mo-Fr 08:00-18:00", "Mo-Su 18:00-08:00");
		// Wednesday 7 January 2026, no holiday
		clock.set(ZonedDateTime.of(2026, 1, 7, 21, 0, 0, 0, YizhanTime.ZONE).toInstant());
		assertThat(status(send(newAddress(), rating(token(weekdays), 5, newDevice())))).isEqualTo("HELD");
		assertThat(status(send(newAddress(), rating(token(unknown), 5, newDevice())))).isEqualTo("COUNTED");
		assertThat(status(send(newAddress(), rating(token(smart), 5, newDevice())))).isEqualTo("COUNTED");

		clock.set(ZonedDateTime.of(2026, 1, 7, 18, 20, 0, 0, YizhanTime.ZONE).toInstant());
		assertThat(status(send(newAddress(), rating(token(weekdays), 4, newDevice())))).isEqualTo("COUNTED");

		assertThat(stored(weekdays)).extracting(row -> row.get("hold_reasons"))
			.containsExactly("{}", "{OUTSIDE_HOURS}");
	}

	private static String tampered(String token) {
		char last = token.charAt(token.length() - 2);
		return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
	}

}
