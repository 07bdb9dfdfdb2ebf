package org.yizhan.station.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.geo.CoordinateTransform;
import org.yizhan.geo.GeoPoint;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.yizhan.station.web.StationRequestBuilder.aStation;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;
import static org.yizhan.support.TestImages.decode;
import static org.yizhan.support.TestImages.jpeg;

/**
 * The station API as integrators use it: the contract of issue 2 §7, and a clear problem,
 * with nothing written, for every bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class StationApiTests {

	private static final String STATIONS = "/api/v1/stations";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Nested
	class Creating {

		@Test
		void answers201WithLocationETagAndTheStationAsADraft() throws Exception {
			MvcResult result = send(post(STATIONS).contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("曙光路驿站").amenities("TOILET", "DRINKING_WATER", "WIFI").toJson()));

			assertThat(result.getResponse().getStatus()).isEqualTo(201);
			DocumentContext station = json(result);
			long id = station.read("$.id", Long.class);
			assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(STATIONS + "/" + id);
			assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
			assertThat(station.read("$.code", String.class)).matches("330106-\\d{4}");
			assertThat(station.read("$.status", String.class)).isEqualTo("DRAFT");
			assertThat(station.read("$.version", Long.class)).isZero();
			assertThat(station.read("$.name", String.class)).isEqualTo("曙光路驿站");
			assertThat(station.read("$.district", String.class)).isEqualTo("330106");
			assertThat(station.read("$.hostType", String.class)).isEqualTo("BANK");
			assertThat(station.read("$.level", String.class)).isEqualTo("CITY");
			assertThat(station.read("$.stars", Integer.class)).isEqualTo(3);
			assertThat(station.read("$.openingHours", String.class)).isEqualTo("Mo-Fr 08:00-18:00");
			assertThat(station.read("$.amenities", List.class)).containsExactly("DRINKING_WATER", "TOILET", "WIFI");
			assertThat(station.read("$.location.crs", String.class)).isEqualTo("wgs84");
			assertThat(station.read("$.location.lat", Double.class)).isEqualTo(30.2741);
			assertThat(station.read("$.location.lon", Double.class)).isEqualTo(120.1551);
			assertThat(station.read("$.mobile", Boolean.class)).isFalse();
		}

		@Test
		void givesConsecutiveCodesInADistrict() throws Exception {
			String first = json(create(aStation())).read("$.code");
			String second = json(create(aStation())).read("$.code");

			assertThat(number(second)).isEqualTo(number(first) + 1);
			assertThat(second).startsWith("330106-");
		}

		@Test
		void normalisesSloppyOpeningHours() throws Exception {
			DocumentContext station = json(create(aStation().with("openingHours", "mo-fr 8:00-18:00")));

			assertThat(station.read("$.openingHours", String.class)).isEqualTo("Mo-Fr 08:00-18:00");
		}

		@Test
		void keepsOpeningHoursWrittenInChineseAsTheOsmValueTheyMean() throws Exception {
			// Issue 21: a clerk's "周一至周五 8:00-18:00" is understood, not refused.
			DocumentContext station = json(create(aStation().with("openingHours", "周一至周五 8:00-18:00，节假日休息")));

			assertThat(station.read("$.openingHours", String.class)).isEqualTo("Mo-Fr 08:00-18:00; PH off");
		}

		@Test
		void keepsHtmlInNamesAsSentForThePagesToEscape() throws Exception {
			String name = "<script>alert('驿')</script><b>站</b>";

			DocumentContext created = json(create(aStation().name(name)));
			long id = created.read("$.id", Long.class);

			assertThat(created.read("$.name", String.class)).isEqualTo(name);
			assertThat(json(send(get(STATIONS + "/" + id))).read("$.name", String.class)).isEqualTo(name);
			assertThat(jdbc.sql("select name from station where id = :id").param("id", id).query(String.class).single())
				.isEqualTo(name);
		}

		private int number(String code) {
			return Integer.parseInt(code.substring(code.indexOf('-') + 1));
		}

	}

	@Nested
	class Reading {

		@Test
		void findsAStationByIdAndByCode() throws Exception {
			DocumentContext created = json(create(aStation().name("按编码查找驿站")));
			long id = created.read("$.id", Long.class);
			String code = created.read("$.code");

			MvcResult byId = send(get(STATIONS + "/" + id));
			MvcResult byCode = send(get(STATIONS + "/" + code));

			assertThat(byId.getResponse().getStatus()).isEqualTo(200);
			assertThat(byId.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
			assertThat(json(byId).read("$.code", String.class)).isEqualTo(code);
			assertThat(json(byCode).read("$.id", Long.class)).isEqualTo(id);
			assertThat(json(byCode).read("$.name", String.class)).isEqualTo("按编码查找驿站");
		}

		@Test
		void anUnknownStationIsA404Problem() throws Exception {
			assertProblem(send(get(STATIONS + "/999999999")), 404, "编号为 999999999 的驿站不存在");
			assertProblem(send(get(STATIONS + "/330106-9999")), 404, "编码为 330106-9999 的驿站不存在");
			assertProblem(send(get(STATIONS + "/not-a-station")), 404, "不存在");
		}

		@Test
		void showsTheLocationInGcj02WhenAsked() throws Exception {
			GeoPoint wgs = GeoPoint.of(30.2741, 120.1551);
			long id = json(create(aStation().at(wgs.lat(), wgs.lon()))).read("$.id", Long.class);
			double[] expected = CoordinateTransform.wgs84ToGcj02(wgs.lat(), wgs.lon());

			DocumentContext gcj = json(send(get(STATIONS + "/" + id).param("crs", "gcj02")));

			assertThat(gcj.read("$.location.crs", String.class)).isEqualTo("gcj02");
			assertThat(gcj.read("$.location.lat", Double.class)).isCloseTo(expected[0], within(1e-7));
			assertThat(gcj.read("$.location.lon", Double.class)).isCloseTo(expected[1], within(1e-7));
			// In Hangzhou GCJ-02 is a few hundred metres off WGS-84, east and a little
			// south.
			double shiftMeters = wgs.distanceMeters(
					GeoPoint.of(gcj.read("$.location.lat", Double.class), gcj.read("$.location.lon", Double.class)));
			assertThat(shiftMeters).isBetween(300.0, 700.0);
		}

		@Test
		void showsTheLocationInBd09WhenAsked() throws Exception {
			GeoPoint wgs = GeoPoint.of(30.2741, 120.1551);
			long id = json(create(aStation().at(wgs.lat(), wgs.lon()))).read("$.id", Long.class);
			double[] expected = CoordinateTransform.wgs84ToBd09(wgs.lat(), wgs.lon());

			DocumentContext bd = json(send(get(STATIONS + "/" + id).param("crs", "BD-09")));

			assertThat(bd.read("$.location.crs", String.class)).isEqualTo("bd09");
			assertThat(bd.read("$.location.lat", Double.class)).isCloseTo(expected[0], within(1e-7));
			assertThat(bd.read("$.location.lon", Double.class)).isCloseTo(expected[1], within(1e-7));
		}

		@Test
		void anUnknownOutputCrsIsRefused() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			assertInvalid(get(STATIONS + "/" + id).param("crs", "utm"), "crs", "无法识别的取值“utm”", "unknown value \"utm\"");
		}

		@Test
		void needsCredentials() throws Exception {
			MvcResult result = mvc.perform(get(STATIONS)).andReturn();

			assertThat(result.getResponse().getStatus()).isEqualTo(401);
			assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
			assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
				.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("problem+json").isTrue();
		}

		@Test
		void refusesAWrongPassword() throws Exception {
			MvcResult result = mvc.perform(get(STATIONS).with(httpBasic(TestAccounts.ADMIN, "guess"))).andReturn();

			assertThat(result.getResponse().getStatus()).isEqualTo(401);
		}

	}

	@Nested
	class StoringCoordinates {

		private static final GeoPoint WEST_LAKE = GeoPoint.of(30.2590, 120.1450);

		@Test
		void storesGcj02InputAsWgs84() throws Exception {
			double[] gcj = CoordinateTransform.wgs84ToGcj02(WEST_LAKE.lat(), WEST_LAKE.lon());

			long id = json(create(aStation().at(gcj[0], gcj[1]).crs("gcj02"))).read("$.id", Long.class);

			GeoPoint stored = stored(id);
			assertThat(stored.distanceMeters(WEST_LAKE)).isLessThan(0.5);
			assertThat(stored).isEqualTo(CoordinateTransform.gcj02ToWgs84(gcj[0], gcj[1]));
		}

		@Test
		void storesBd09InputAsWgs84() throws Exception {
			double[] bd = CoordinateTransform.wgs84ToBd09(WEST_LAKE.lat(), WEST_LAKE.lon());

			long id = json(create(aStation().at(bd[0], bd[1]).crs("bd09"))).read("$.id", Long.class);

			GeoPoint stored = stored(id);
			assertThat(stored.distanceMeters(WEST_LAKE)).isLessThan(0.5);
			assertThat(stored).isEqualTo(CoordinateTransform.bd09ToWgs84(bd[0], bd[1]));
		}

		@Test
		void storesWgs84InputAsSent() throws Exception {
			long id = json(create(aStation().at(WEST_LAKE.lat(), WEST_LAKE.lon()).crs("wgs84"))).read("$.id",
					Long.class);

			assertThat(stored(id)).isEqualTo(WEST_LAKE);
		}

		private GeoPoint stored(long id) {
			return jdbc.sql("select lat, lon from station where id = :id")
				.param("id", id)
				.query((rs, n) -> GeoPoint.of(rs.getDouble("lat"), rs.getDouble("lon")))
				.single();
		}

	}

	@Nested
	class Listing {

		@Test
		void filtersByTheSubtreeOfAUnion() throws Exception {
			String tag = tag();
			String xihu = json(create(aStation().name("西湖" + tag).district("330106"))).read("$.code");
			String shangcheng = json(create(aStation().name("上城" + tag).district("330102"))).read("$.code");

			assertThat(codes(search(tag, "org", "330100"))).containsExactly(shangcheng, xihu);
			assertThat(codes(search(tag, "org", "330000"))).containsExactly(shangcheng, xihu);
			assertThat(codes(search(tag, "org", "330106"))).containsExactly(xihu);
			assertThat(codes(search(tag, "org", "330102"))).containsExactly(shangcheng);
			assertThat(codes(search(tag, "org", "110000"))).isEmpty();
		}

		@Test
		void filtersByStatus() throws Exception {
			String tag = tag();
			long listed = json(create(aStation().name("已上图" + tag))).read("$.id", Long.class);
			long draft = json(create(aStation().name("草稿" + tag))).read("$.id", Long.class);
			send(post(STATIONS + "/" + listed + "/list"));

			assertThat(ids(search(tag, "status", "LISTED"))).containsExactly(listed);
			assertThat(ids(search(tag, "status", "draft"))).containsExactly(draft);
			assertThat(ids(search(tag, "status", "DRAFT,LISTED"))).containsExactlyInAnyOrder(draft, listed);
			assertThat(ids(search(tag, "status", "SUSPENDED"))).isEmpty();
		}

		@Test
		void filtersByHostType() throws Exception {
			String tag = tag();
			long bank = json(create(aStation().name("银行" + tag).with("hostType", "BANK"))).read("$.id", Long.class);
			long toilet = json(create(aStation().name("公厕" + tag).with("hostType", "PUBLIC_TOILET"))).read("$.id",
					Long.class);

			assertThat(ids(search(tag, "hostType", "PUBLIC_TOILET"))).containsExactly(toilet);
			assertThat(ids(search(tag, "hostType", "BANK"))).containsExactly(bank);
		}

		@Test
		void filtersByAllOfTheAmenitiesAsked() throws Exception {
			String tag = tag();
			long both = json(create(aStation().name("齐全" + tag).amenities("DRINKING_WATER", "TOILET"))).read("$.id",
					Long.class);
			long water = json(create(aStation().name("仅饮水" + tag).amenities("DRINKING_WATER"))).read("$.id",
					Long.class);
			long none = json(create(aStation().name("无设施" + tag).amenities())).read("$.id", Long.class);

			assertThat(ids(search(tag, "amenity", "DRINKING_WATER,TOILET"))).containsExactly(both);
			assertThat(ids(search(tag, "amenity", "TOILET"))).containsExactly(both);
			assertThat(ids(search(tag, "amenity", "DRINKING_WATER"))).containsExactlyInAnyOrder(both, water);
			assertThat(ids(search(tag))).containsExactlyInAnyOrder(both, water, none);
			MvcResult repeated = send(
					get(STATIONS).param("q", tag).param("amenity", "DRINKING_WATER").param("amenity", "TOILET"));
			assertThat(ids(repeated)).containsExactly(both);
		}

		@Test
		void searchesNameAddressAndCodeIgnoringCase() throws Exception {
			String tag = tag();
			DocumentContext byName = json(create(aStation().name("Riverside " + tag)));
			DocumentContext byAddress = json(create(aStation().name("地址匹配").with("address", "文三路 " + tag + " 号")));

			assertThat(ids(search("riverside " + tag.toUpperCase()))).containsExactly(byName.read("$.id", Long.class));
			assertThat(ids(search("文三路 " + tag))).containsExactly(byAddress.read("$.id", Long.class));
			String code = byAddress.read("$.code");
			assertThat(ids(search(code))).containsExactly(byAddress.read("$.id", Long.class));
		}

		@Test
		void matchesPercentAndUnderscoreLiterally() throws Exception {
			String tag = tag();
			long percent = json(create(aStation().name("满意度100%" + tag))).read("$.id", Long.class);
			long underscore = json(create(aStation().name("站点_" + tag))).read("$.id", Long.class);
			json(create(aStation().name("满意度100分" + tag)));
			json(create(aStation().name("站点A" + tag)));

			assertThat(ids(search("100%" + tag))).containsExactly(percent);
			assertThat(ids(search("点_" + tag))).containsExactly(underscore);
			assertThat(ids(search("%_" + tag))).isEmpty();
		}

		@Test
		void pagesAndSortsAndCountsAllMatches() throws Exception {
			String tag = tag();
			List<String> codes = new ArrayList<>();
			for (String name : List.of("丙", "甲", "乙")) {
				codes.add(json(create(aStation().name(name + tag))).read("$.code"));
			}

			DocumentContext first = json(send(get(STATIONS).param("q", tag).param("size", "2").param("sort", "code")));
			DocumentContext second = json(
					send(get(STATIONS).param("q", tag).param("size", "2").param("page", "1").param("sort", "code")));
			DocumentContext descending = json(send(get(STATIONS).param("q", tag).param("sort", "code,desc")));

			assertThat(first.read("$.totalElements", Long.class)).isEqualTo(3);
			assertThat(first.read("$.page", Integer.class)).isZero();
			assertThat(first.read("$.size", Integer.class)).isEqualTo(2);
			assertThat(first.read("$.content[*].code", List.class)).containsExactlyElementsOf(codes.subList(0, 2));
			assertThat(second.read("$.content[*].code", List.class)).containsExactly(codes.get(2));
			assertThat(second.read("$.totalElements", Long.class)).isEqualTo(3);
			assertThat(descending.read("$.content[*].code", List.class)).containsExactly(codes.get(2), codes.get(1),
					codes.get(0));
		}

		@Test
		void countsAllStationsWithoutFilters() throws Exception {
			long inDatabase = jdbc.sql("select count(*) from station").query(Long.class).single();

			DocumentContext page = json(send(get(STATIONS).param("size", "5")));

			assertThat(page.read("$.totalElements", Long.class)).isEqualTo(inDatabase);
			assertThat(page.read("$.content", List.class)).hasSize((int) Math.min(5, inDatabase));
		}

		@Test
		void refusesUnknownFilterValuesNamingTheParameter() throws Exception {
			assertInvalid(get(STATIONS).param("status", "OPEN"), "status", "无法识别的取值“OPEN”", "unknown value \"OPEN\"");
			assertInvalid(get(STATIONS).param("hostType", "CASINO"), "hostType", "无法识别的取值“CASINO”",
					"unknown value \"CASINO\"");
			assertInvalid(get(STATIONS).param("amenity", "TOILET,SAUNA"), "amenity", "无法识别的取值“SAUNA”",
					"unknown value \"SAUNA\"");
			assertInvalid(get(STATIONS).param("crs", "wgs85"), "crs", "无法识别的取值“wgs85”", "unknown value \"wgs85\"");
			assertInvalid(get(STATIONS).param("size", "1000"), "size", "每页条数须在 1 到 200 之间",
					"page size must be between 1 and 200");
			assertInvalid(get(STATIONS).param("sort", "password"), "sort", "无法识别的取值", "unknown value");
		}

		private MvcResult search(String q, String... filter) throws Exception {
			MockHttpServletRequestBuilder request = get(STATIONS).param("q", q).param("size", "50");
			for (int i = 0; i < filter.length; i += 2) {
				request.param(filter[i], filter[i + 1]);
			}
			return send(request);
		}

		private List<Long> ids(MvcResult result) {
			List<Number> ids = json(result).read("$.content[*].id");
			return ids.stream().map(Number::longValue).toList();
		}

		private List<String> codes(MvcResult result) {
			return json(result).read("$.content[*].code");
		}

	}

	@Nested
	class Updating {

		@Test
		void replacesTheDetailsWhenIfMatchHasTheCurrentVersion() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			MvcResult result = send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("改名后的驿站").with("seats", 17).toJson()));

			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
			assertThat(json(result).read("$.name", String.class)).isEqualTo("改名后的驿站");
			assertThat(json(result).read("$.seats", Integer.class)).isEqualTo(17);
			assertThat(json(result).read("$.version", Long.class)).isEqualTo(1);
		}

		@Test
		void acceptsTheVersionInTheBodyOrAsAWeakETag() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			MvcResult inBody = send(put(STATIONS + "/" + id).contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("版本在请求体").with("version", 0).toJson()));
			MvcResult weak = send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "W/\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("弱校验").toJson()));

			assertThat(inBody.getResponse().getStatus()).isEqualTo(200);
			assertThat(weak.getResponse().getStatus()).isEqualTo(200);
			assertThat(json(weak).read("$.version", Long.class)).isEqualTo(2);
		}

		@Test
		void aStaleVersionIsA409AndChangesNothing() throws Exception {
			long id = json(create(aStation().name("原名"))).read("$.id", Long.class);
			update(id, 0, aStation().name("第一次修改"));

			MvcResult stale = send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("过时的修改").toJson()));
			MvcResult staleEn = send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"0\"")
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("过时的修改").toJson()));

			assertProblem(stale, 409, "您提交的版本为 0，当前版本为 1");
			assertProblem(staleEn, 409, "you sent version 0, it is now 1");
			assertThat(json(stale).read("$.errors[0].field", String.class)).isEqualTo("version");
			DocumentContext now = json(send(get(STATIONS + "/" + id)));
			assertThat(now.read("$.name", String.class)).isEqualTo("第一次修改");
			assertThat(now.read("$.version", Long.class)).isEqualTo(1);
		}

		@Test
		void withoutAnyVersionIsA428AndChangesNothing() throws Exception {
			long id = json(create(aStation().name("原名"))).read("$.id", Long.class);
			MockHttpServletRequestBuilder request = put(STATIONS + "/" + id).contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("没有版本号").toJson());

			assertProblem(send(request), 428, "If-Match");
			assertProblem(send(request.header(HttpHeaders.ACCEPT_LANGUAGE, "en")), 428, "current version");
			assertUnchanged(id, 0, "原名");
		}

		@Test
		void anIfMatchThatIsNoVersionIsRefused() throws Exception {
			long id = json(create(aStation().name("原名"))).read("$.id", Long.class);

			assertInvalid(
					put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"abc\"")
						.contentType(MediaType.APPLICATION_JSON)
						.content(aStation().name("改名").toJson()),
					"version", "类型或格式不正确", "has the wrong type or format");
			assertUnchanged(id, 0, "原名");
		}

		@Test
		void ofTwoConcurrentEditsOfOneVersionExactlyOneWins() throws Exception {
			long id = json(create(aStation().name("并发"))).read("$.id", Long.class);
			HttpClient client = HttpClient.newHttpClient();
			CyclicBarrier start = new CyclicBarrier(2);
			List<Callable<Integer>> edits = new ArrayList<>();
			for (String name : List.of("甲的修改", "乙的修改")) {
				HttpRequest request = HttpRequest.newBuilder(URI.create(url(STATIONS + "/" + id)))
					.header(HttpHeaders.AUTHORIZATION, basicAuth())
					.header(HttpHeaders.IF_MATCH, "\"0\"")
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.PUT(HttpRequest.BodyPublishers.ofString(aStation().name(name).toJson()))
					.build();
				edits.add(() -> {
					start.await(10, TimeUnit.SECONDS);
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				});
			}
			List<Integer> statuses = new ArrayList<>();
			ExecutorService executor = Executors.newFixedThreadPool(2);
			try {
				for (Future<Integer> status : executor.invokeAll(edits, 30, TimeUnit.SECONDS)) {
					statuses.add(status.get());
				}
			}
			finally {
				executor.shutdownNow();
			}

			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			DocumentContext now = json(send(get(STATIONS + "/" + id)));
			assertThat(now.read("$.version", Long.class)).isEqualTo(1);
			assertThat(now.read("$.name", String.class)).isIn("甲的修改", "乙的修改");
		}

	}

	@Nested
	class Lifecycle {

		@Test
		void takesAStationThroughListSuspendReopenAndDelist() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			LocalDate reopening = LocalDate.now().plusDays(30);

			DocumentContext listed = json(
					send(post(STATIONS + "/" + id + "/list").header(HttpHeaders.IF_MATCH, "\"0\"")));
			DocumentContext suspended = json(
					send(post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"场地装修改造\",\"expectedReopening\":\"" + reopening + "\"}")));
			DocumentContext reopened = json(send(post(STATIONS + "/" + id + "/reopen")));
			DocumentContext delisted = json(
					send(post(STATIONS + "/" + id + "/delist").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"CLOSED\",\"note\":\"承建单位撤场\"}")));

			assertThat(listed.read("$.status", String.class)).isEqualTo("LISTED");
			assertThat(listed.read("$.version", Long.class)).isEqualTo(1);
			assertThat(suspended.read("$.status", String.class)).isEqualTo("SUSPENDED");
			assertThat(suspended.read("$.suspension.reason", String.class)).isEqualTo("场地装修改造");
			assertThat(suspended.read("$.suspension.expectedReopening", String.class)).isEqualTo(reopening.toString());
			assertThat(reopened.read("$.status", String.class)).isEqualTo("LISTED");
			assertThat(reopened.read("$", Map.class)).doesNotContainKey("suspension");
			assertThat(delisted.read("$.status", String.class)).isEqualTo("DELISTED");
			assertThat(delisted.read("$.delisting.reason", String.class)).isEqualTo("CLOSED");
			assertThat(delisted.read("$.delisting.note", String.class)).isEqualTo("承建单位撤场");
			assertThat(delisted.read("$.version", Long.class)).isEqualTo(4);
		}

		@Test
		void reopeningADelistedStationIsA409AndChangesNothing() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			send(post(STATIONS + "/" + id + "/delist").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"BOGUS\"}"));

			assertProblem(send(post(STATIONS + "/" + id + "/reopen")), 409, "只有暂停服务的驿站可以恢复，该驿站当前为“已摘牌”");
			assertProblem(send(post(STATIONS + "/" + id + "/reopen").header(HttpHeaders.ACCEPT_LANGUAGE, "en")), 409,
					"Only a suspended station can be reopened; this station is Delisted.");
			assertThat(json(send(post(STATIONS + "/" + id + "/reopen"))).read("$.errors[0].field", String.class))
				.isEqualTo("status");
			assertStatus(id, "DELISTED", 1);
		}

		@Test
		void listingAListedStationIsA409() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			send(post(STATIONS + "/" + id + "/list"));

			assertProblem(send(post(STATIONS + "/" + id + "/list")), 409, "只有草稿状态的驿站可以上图");
			assertStatus(id, "LISTED", 1);
		}

		@Test
		void suspendingADraftIsA409() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			assertProblem(
					send(post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"维修\",\"expectedReopening\":\"" + LocalDate.now().plusDays(3) + "\"}")),
					409, "只有已上图的驿站可以暂停服务");
			assertStatus(id, "DRAFT", 0);
		}

		@Test
		void revisingADelistedStationIsA409() throws Exception {
			long id = json(create(aStation().name("已摘牌的驿站"))).read("$.id", Long.class);
			send(post(STATIONS + "/" + id + "/delist").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"DUPLICATE\"}"));

			assertProblem(send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(aStation().name("复活").toJson())), 409, "已摘牌的驿站不能再修改");
			assertUnchanged(id, 1, "已摘牌的驿站");
		}

		@Test
		void aLifecycleStepWithAStaleIfMatchIsA409() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			update(id, 0, aStation().name("已修改"));

			assertProblem(send(post(STATIONS + "/" + id + "/list").header(HttpHeaders.IF_MATCH, "\"0\"")), 409,
					"您提交的版本为 0，当前版本为 1");
			assertStatus(id, "DRAFT", 1);
		}

		@Test
		void suspendingNeedsAReasonAndAFutureReopeningDate() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			send(post(STATIONS + "/" + id + "/list"));

			assertInvalid(
					post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"  \",\"expectedReopening\":\"" + LocalDate.now().plusDays(3) + "\"}"),
					"reason", "不能为空", "must not be empty");
			assertInvalid(
					post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"维修\",\"expectedReopening\":\"" + LocalDate.now() + "\"}"),
					"expectedReopening", "须为今天之后的日期", "must be a date after today");
			assertInvalid(
					post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"" + "修".repeat(201) + "\",\"expectedReopening\":\""
								+ LocalDate.now().plusDays(3) + "\"}"),
					"reason", "不能超过 200 个字符", "must not be longer than 200 characters");
			assertInvalid(
					post(STATIONS + "/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
						.content("{\"reason\":\"维修\",\"expectedReopening\":\"next week\"}"),
					"expectedReopening", "类型或格式不正确", "has the wrong type or format");
			assertStatus(id, "LISTED", 1);
		}

		@Test
		void delistingNeedsAKnownReason() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			assertInvalid(post(STATIONS + "/" + id + "/delist").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"BORED\"}"), "reason", "无法识别的取值“BORED”", "unknown value \"BORED\"");
			assertInvalid(post(STATIONS + "/" + id + "/delist").contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"没有原因\"}"), "reason", "不能为空", "must not be empty");
			assertStatus(id, "DRAFT", 0);
		}

		private void assertStatus(long id, String status, long version) throws Exception {
			DocumentContext now = json(send(get(STATIONS + "/" + id)));
			assertThat(now.read("$.status", String.class)).isEqualTo(status);
			assertThat(now.read("$.version", Long.class)).isEqualTo(version);
		}

	}

	/** Each bad input of issue 2, as a change to a valid station. */
	static Stream<Named<BadInput>> badInputs() {
		return Stream.of(bad("a missing name", station -> station.without("name"), "name", "不能为空", "must not be empty"),
				bad("a blank address", station -> station.with("address", "  \t "), "address", "不能为空",
						"must not be empty"),
				bad("no district", station -> station.without("district"), "district", "不能为空", "must not be empty"),
				bad("no host type", station -> station.with("hostType", ""), "hostType", "不能为空", "must not be empty"),
				bad("no opening hours", station -> station.without("openingHours"), "openingHours", "不能为空",
						"must not be empty"),
				bad("no location", StationRequestBuilder::withoutLocation, "location.lat", "不能为空", "must not be empty"),
				bad("a name over 60 characters", station -> station.name("驿".repeat(61)), "name", "不能超过 60 个字符",
						"must not be longer than 60 characters"),
				bad("an address over 200 characters", station -> station.with("address", "路".repeat(201)), "address",
						"不能超过 200 个字符", "must not be longer than 200 characters"),
				bad("a host name over 100 characters", station -> station.with("hostName", "行".repeat(101)), "hostName",
						"不能超过 100 个字符", "must not be longer than 100 characters"),
				bad("a description over 1000 characters", station -> station.with("description", "字".repeat(1001)),
						"description", "不能超过 1,000 个字符", "must not be longer than 1,000 characters"),
				bad("a latitude over 90", station -> station.at(90.5, 120.1551), "location.lat", "须在 -90 到 90 之间",
						"must be between -90 and 90"),
				bad("a longitude under -180", station -> station.at(30.2741, -180.5), "location.lon",
						"须在 -180 到 180 之间", "must be between -180 and 180"),
				bad("a latitude of NaN", station -> station.at("NaN", 120.1551), "location.lat", "须在 -90 到 90 之间",
						"must be between -90 and 90"),
				bad("a longitude of Infinity", station -> station.at(30.2741, "Infinity"), "location.lon",
						"须在 -180 到 180 之间", "must be between -180 and 180"),
				bad("a latitude that is no number", station -> station.at("北纬30度", 120.1551), "location.lat",
						"类型或格式不正确", "has the wrong type or format"),
				bad("a location in Tokyo", station -> station.at(35.6762, 139.6503), "location", "位置不在中国境内",
						"the location is not in China"),
				bad("an unknown crs", station -> station.crs("wgs85"), "location.crs", "无法识别的取值“wgs85”",
						"unknown value \"wgs85\""),
				bad("an unknown amenity", station -> station.amenities("TOILET", "SAUNA"), "amenities[1]",
						"无法识别的取值“SAUNA”", "unknown value \"SAUNA\""),
				bad("an unknown host type", station -> station.with("hostType", "CASINO"), "hostType",
						"无法识别的取值“CASINO”", "unknown value \"CASINO\""),
				bad("an unknown district", station -> station.district("999999"), "district", "“999999”不是有效的区县代码",
						"\"999999\" is not a known district code"),
				bad("a city instead of a district", station -> station.district("330100"), "district",
						"“330100”不是有效的区县代码", "\"330100\" is not a known district code"),
				bad("an hour that does not exist", station -> station.with("openingHours", "Mo-Fr 25:00-26:00"),
						"openingHours", "第 7 个字符处有误", "at character 7"),
				bad("opening hours cut short", station -> station.with("openingHours", "Mo-Fr 08:00-"), "openingHours",
						"第 12 个字符处有误", "at character 12"),
				bad("opening hours in Chinese that are not one of the forms read",
						station -> station.with("openingHours", "周一至周五 看情况"), "openingHours", "未能读懂这段开放时间",
						"could not be read"),
				bad("unattended hours that are invalid",
						station -> station.with("smartEntry", Map.of("method", "ID_CARD", "hours", "nightly")),
						"smartEntry.hours", "营业时间格式错误", "invalid opening hours"),
				bad("an unknown entry method",
						station -> station.with("smartEntry", Map.of("method", "PIN", "hours", "Mo-Su 18:00-08:00")),
						"smartEntry.method", "无法识别的取值“PIN”", "unknown value \"PIN\""),
				bad("six stars", station -> station.with("stars", 6), "stars", "须在 0 到 5 之间",
						"must be between 0 and 5"),
				bad("negative seats", station -> station.with("seats", -1), "seats", "须在 0 到 10,000 之间",
						"must be between 0 and 10,000"),
				bad("a phone that is no phone number", station -> station.with("phone", "call me"), "phone",
						"电话号码格式不正确", "is not a phone number"),
				bad("a control character in the name", station -> station.name("驿站\u0007"), "name", "不能包含控制字符",
						"must not contain control characters"));
	}

	record BadInput(UnaryOperator<StationRequestBuilder> change, String field, String chinese, String english) {

		String json() {
			return change.apply(aStation()).toJson();
		}

	}

	private static Named<BadInput> bad(String description, UnaryOperator<StationRequestBuilder> change, String field,
			String chinese, String english) {
		return Named.of(description, new BadInput(change, field, chinese, english));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void aNewStationWithBadInputIsRefusedAndNothingIsWritten(BadInput bad) throws Exception {
		long before = countStations();

		assertInvalid(post(STATIONS).contentType(MediaType.APPLICATION_JSON).content(bad.json()), bad.field(),
				bad.chinese(), bad.english());

		assertThat(countStations()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void anEditWithBadInputIsRefusedAndTheStationStaysAsItWas(BadInput bad) throws Exception {
		long id = json(create(aStation().name("原样"))).read("$.id", Long.class);

		assertInvalid(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(bad.json()), bad.field(), bad.chinese(), bad.english());

		assertUnchanged(id, 0, "原样");
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() throws Exception {
		long before = countStations();

		MvcResult result = send(post(STATIONS).contentType(MediaType.APPLICATION_JSON).content("{\"name\": "));

		assertProblem(result, 400, "请求内容不是有效的 JSON");
		assertThat(countStations()).isEqualTo(before);
	}

	@Test
	void everyFieldAtFaultIsNamedInOneAnswer() throws Exception {
		MvcResult result = send(post(STATIONS).contentType(MediaType.APPLICATION_JSON)
			.content(aStation().without("name").at(91, 181).with("hostType", "CASINO").toJson()));

		assertThat(json(result).read("$.errors[*].field", List.class)).contains("name", "location.lat", "location.lon",
				"hostType");
	}

	@Test
	void writingNeedsCredentialsAndWritesNothingWithout() throws Exception {
		long before = countStations();

		MvcResult result = mvc
			.perform(post(STATIONS).contentType(MediaType.APPLICATION_JSON).content(aStation().toJson()))
			.andReturn();
		MvcResult english = mvc
			.perform(post(STATIONS).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.content(aStation().toJson()))
			.andReturn();

		assertProblem(result, 401, "HTTP Basic");
		assertThat(json(result).read("$.title", String.class)).isEqualTo("未登录");
		assertThat(json(english).read("$.title", String.class)).isEqualTo("Unauthorized");
		assertThat(countStations()).isEqualTo(before);
	}

	@Nested
	class Photos {

		@Test
		void anUploadedJpegIsStoredWithAThumbnailAndBumpsTheVersion() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			MvcResult uploaded = upload(id, jpeg(640, 480));

			assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
			DocumentContext station = json(uploaded);
			assertThat(station.read("$.version", Long.class)).isEqualTo(1);
			assertThat(uploaded.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
			String url = station.read("$.photos[0].url");
			assertThat(uploaded.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(url);
			assertThat(station.read("$.photos[0].width", Integer.class)).isEqualTo(640);
			MvcResult photo = send(get(url));
			MvcResult thumbnail = send(get(station.read("$.photos[0].thumbnailUrl", String.class)));
			assertThat(photo.getResponse().getStatus()).isEqualTo(200);
			assertThat(photo.getResponse().getContentType()).isEqualTo(MediaType.IMAGE_JPEG_VALUE);
			assertThat(decode(photo.getResponse().getContentAsByteArray()).getWidth()).isEqualTo(640);
			assertThat(thumbnail.getResponse().getContentType()).isEqualTo(MediaType.IMAGE_JPEG_VALUE);
			assertThat(decode(thumbnail.getResponse().getContentAsByteArray()).getWidth()).isEqualTo(320);
		}

		@Test
		void theTenthPhotoIsRefusedAndLeavesNoFileBehind() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			for (int i = 0; i < 9; i++) {
				assertThat(upload(id, jpeg(64, 48)).getResponse().getStatus()).isEqualTo(201);
			}
			long files = countPhotoFiles();

			MvcResult tenth = upload(id, jpeg(64, 48));

			assertThat(tenth.getResponse().getStatus()).isEqualTo(400);
			assertThat(json(tenth).read("$.errors[0].field", String.class)).isEqualTo("file");
			assertThat(json(tenth).read("$.errors[0].message", String.class)).isEqualTo("每个驿站最多 9 张照片");
			assertThat(photosOf(id)).isEqualTo(9);
			assertThat(countPhotoFiles()).isEqualTo(files);
			assertUnchanged(id, 9, "西湖文化广场驿站");
		}

		@Test
		void removingAPhotoKeepsTheSameImageOfAnotherStation() throws Exception {
			// Identical uploads share one stored file.
			byte[] same = jpeg(80, 60);
			long first = json(create(aStation())).read("$.id", Long.class);
			long second = json(create(aStation())).read("$.id", Long.class);
			long firstPhoto = json(upload(first, same)).read("$.photos[0].id", Long.class);
			String secondUrl = json(upload(second, same)).read("$.photos[0].url");

			MvcResult removed = send(delete(STATIONS + "/" + first + "/photos/" + firstPhoto));

			assertThat(removed.getResponse().getStatus()).isEqualTo(200);
			assertThat(json(removed).read("$.photos", List.class)).isEmpty();
			assertThat(send(get(secondUrl)).getResponse().getStatus()).isEqualTo(200);
			assertThat(send(get(secondUrl + "?thumbnail=true")).getResponse().getStatus()).isEqualTo(200);
		}

		@Test
		void aRefusedUploadKeepsTheSameImageOfAnotherPhoto() throws Exception {
			byte[] same = jpeg(96, 72);
			long id = json(create(aStation())).read("$.id", Long.class);
			String url = json(upload(id, same)).read("$.photos[0].url");

			MvcResult stale = send(multipart(STATIONS + "/" + id + "/photos")
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", same))
				.header(HttpHeaders.IF_MATCH, "\"0\""));

			assertProblem(stale, 409, "您提交的版本为 0，当前版本为 1");
			assertThat(send(get(url)).getResponse().getStatus()).isEqualTo(200);
		}

		@Test
		void aFileThatIsNotAnImageIsA415() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

			MvcResult result = upload(id, html);
			MvcResult english = send(multipart(STATIONS + "/" + id + "/photos")
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", html))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

			assertProblem(result, 415, "只接受 JPEG、PNG 或 WebP 图片");
			assertProblem(english, 415, "Only JPEG, PNG or WebP images are accepted");
			assertThat(json(result).read("$.errors[0].field", String.class)).isEqualTo("file");
			assertThat(photosOf(id)).isZero();
			assertUnchanged(id, 0, "西湖文化广场驿站");
		}

		@Test
		void aPhotoOverFiveMegabytesIsA413() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			byte[] big = oversizedJpeg();

			MvcResult result = upload(id, big);

			assertProblem(result, 413, "照片不能超过 5 MB");
			assertThat(json(result).read("$.errors[0].field", String.class)).isEqualTo("file");
			assertThat(photosOf(id)).isZero();
			assertUnchanged(id, 0, "西湖文化广场驿站");
		}

		/**
		 * Over real HTTP, a file just over 5 MB reaches the photo check; one over the
		 * container's multipart limit (8 MB) is refused before any controller is chosen.
		 * Both get the same localised 413 naming the field.
		 */
		@ParameterizedTest
		@ValueSource(ints = { 5 * 1024 * 1024 + 1024, 12 * 1024 * 1024 })
		void aPhotoOverFiveMegabytesIsALocalised413OverRealHttpToo(int size) throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);
			String boundary = "yizhan" + UUID.randomUUID();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\""
					+ "\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(oversizedJpeg(size));
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			HttpRequest request = HttpRequest.newBuilder(URI.create(url(STATIONS + "/" + id + "/photos")))
				.header(HttpHeaders.AUTHORIZATION, basicAuth())
				.header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();

			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(MediaType.parseMediaType(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElseThrow())
				.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as("problem+json: %s %s", response.headers().map(), response.body())
				.isTrue();
			assertThat(JsonPath.parse(response.body()).read("$.detail", String.class)).isEqualTo("照片不能超过 5 MB");
			assertThat(JsonPath.parse(response.body()).read("$.errors[0].field", String.class)).isEqualTo("file");
			assertThat(photosOf(id)).isZero();
			assertUnchanged(id, 0, "西湖文化广场驿站");
		}

		@Test
		void anUploadWithoutAFileIsRefusedNamingTheField() throws Exception {
			long id = json(create(aStation())).read("$.id", Long.class);

			MvcResult result = send(multipart(STATIONS + "/" + id + "/photos")
				.file(new MockMultipartFile("picture", "a.jpg", "image/jpeg", jpeg(10, 10))));

			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(json(result).read("$.errors[0].field", String.class)).isEqualTo("file");
			assertUnchanged(id, 0, "西湖文化广场驿站");
		}

		private MvcResult upload(long id, byte[] bytes) throws Exception {
			return send(multipart(STATIONS + "/" + id + "/photos")
				.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", bytes)));
		}

		/** Starts like a JPEG, so only its size is wrong. */
		private byte[] oversizedJpeg() {
			return oversizedJpeg(5 * 1024 * 1024 + 1024);
		}

		private byte[] oversizedJpeg(int size) {
			byte[] jpeg = jpeg(64, 48);
			byte[] big = new byte[size];
			System.arraycopy(jpeg, 0, big, 0, jpeg.length);
			return big;
		}

		private long photosOf(long id) {
			return jdbc.sql("select count(*) from station_photo where station_id = :id")
				.param("id", id)
				.query(Long.class)
				.single();
		}

		private long countPhotoFiles() throws IOException {
			Path root = Path.of("target/test-photos");
			if (!Files.exists(root)) {
				return 0;
			}
			try (Stream<Path> files = Files.walk(root)) {
				return files.filter(Files::isRegularFile).count();
			}
		}

	}

	private MvcResult create(StationRequestBuilder station) throws Exception {
		MvcResult result = send(post(STATIONS).contentType(MediaType.APPLICATION_JSON).content(station.toJson()));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(201);
		return result;
	}

	private void update(long id, long version, StationRequestBuilder station) throws Exception {
		MvcResult result = send(put(STATIONS + "/" + id).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(station.toJson()));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	private MvcResult send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(MvcCalls.asAdmin())).andReturn();
	}

	/**
	 * Sends the request in Chinese (no Accept-Language) and in English and checks both
	 * answers are a 400 problem naming the field in that language.
	 */
	private void assertInvalid(AbstractMockHttpServletRequestBuilder<?> request, String field, String chinese,
			String english) throws Exception {
		MvcResult inChinese = send(request);
		assertFieldProblem(inChinese, field, chinese);
		assertThat(json(inChinese).read("$.title", String.class)).isEqualTo("输入有误");
		MvcResult inEnglish = send(request.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"));
		assertFieldProblem(inEnglish, field, english);
		assertThat(json(inEnglish).read("$.title", String.class)).isEqualTo("Invalid input");
	}

	private void assertFieldProblem(MvcResult result, String field, String message) throws Exception {
		assertProblem(result, 400, message);
		List<String> messages = json(result).read("$.errors[?(@.field == '" + field + "')].message");
		assertThat(messages).as("errors on %s in %s", field, body(result)).isNotEmpty();
		assertThat(messages.get(0)).contains(message);
	}

	private void assertProblem(MvcResult result, int status, String detail) throws Exception {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("problem+json").isTrue();
		assertThat(json(result).read("$.status", Integer.class)).isEqualTo(status);
		assertThat(json(result).read("$.detail", String.class)).contains(detail);
	}

	private void assertUnchanged(long id, long version, String name) throws Exception {
		DocumentContext now = json(send(get(STATIONS + "/" + id)));
		assertThat(now.read("$.version", Long.class)).isEqualTo(version);
		assertThat(now.read("$.name", String.class)).isEqualTo(name);
	}

	private long countStations() {
		return jdbc.sql("select count(*) from station").query(Long.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String basicAuth() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** A unique word for one test's stations, so the demo city's stations never match. */
	private static String tag() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

}
