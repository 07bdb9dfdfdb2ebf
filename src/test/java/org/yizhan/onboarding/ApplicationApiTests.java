package org.yizhan.onboarding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.geo.CoordinateTransform;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestImages;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.onboarding.ApplicationFixtures.application;
import static org.yizhan.onboarding.ApplicationFixtures.part;
import static org.yizhan.onboarding.ApplicationFixtures.randomCreditCode;
import static org.yizhan.support.MvcCalls.asAdmin;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * A merchant applies without an account, and follows the application by its link: a good
 * application is stored with its contact sealed and its photos re-encoded; each bad value
 * is refused naming its field in the caller's language with nothing stored; possible
 * duplicates are flagged, a second application for the same site refused; the link shows
 * only its own application; one address cannot flood the form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApplicationApiTests {

	static final String XIHU = "330106";

	static final String SHANGCHENG = "330102";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicantMailOutbox outbox;

	ApplicationFixtures fixtures;

	/** Each test its own client address, so that the per-address buckets do not meet. */
	String address;

	@BeforeEach
	void setUp() {
		fixtures = new ApplicationFixtures(jdbc);
		address = "10.91." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
	}

	@Test
	void aGoodApplicationIsStoredWithItsContactSealedAndAnswersWithAnUnguessableStatusLink() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		String code = randomCreditCode();
		Map<String, Object> application = application(code, "文三路爱心面馆", XIHU, site);

		MvcResult created = submit(application, 2);

		assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
		DocumentContext answer = json(created);
		String token = answer.read("$.token");
		assertThat(token).matches("[A-Za-z0-9_-]{22}");
		assertThat(answer.read("$.status", String.class)).isEqualTo("SUBMITTED");
		assertThat(answer.read("$.statusUrl", String.class)).isEqualTo("http://localhost/a/" + token);
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/applications/" + token);

		Map<String, Object> row = jdbc.sql("""
				select a.status, a.duplicate, a.area_checked, a.amenities::text, a.opening_hours, h.credit_code,
				    h.name, c.phone_sealed, s.lat, s.lon, s.area_m2,
				    (select count(*) from application_photo p where p.application_id = a.id) as photos
				from application a join host h on h.id = a.host_id join host_contact c on c.id = a.contact_id
				join host_site s on s.id = a.site_id where a.token = ?""").param(token).query().singleRow();
		assertThat(row.get("status")).isEqualTo("SUBMITTED");
		assertThat(row.get("duplicate")).isEqualTo(false);
		assertThat(row.get("area_checked")).as("西湖区 has a boundary on file").isEqualTo(true);
		assertThat(row.get("credit_code")).isEqualTo(code);
		assertThat((String) row.get("phone_sealed")).startsWith("v1.").doesNotContain("13857112345");
		assertThat((Double) row.get("lat")).isEqualTo(site.lat());
		assertThat(((Number) row.get("photos")).intValue()).isEqualTo(2);

		// The applicant's mail is in the outbox with the link; without a mail server it
		// is recorded.
		assertThat(jdbc.sql("""
				select m.body from application_mail m join application a on a.id = m.application_id
				where a.token = ?""").param(token).query(String.class).single()).contains("http://localhost/a/" + token)
			.contains("已提交，等待审核");
		outbox.sendDue();
		assertThat(jdbc.sql("""
				select m.status from application_mail m join application a on a.id = m.application_id
				where a.token = ?""").param(token).query(String.class).single()).isEqualTo("RECORDED");
	}

	@Test
	void theStatusLinkShowsItsOwnApplicationAndNothingElse() throws Exception {
		String token = json(
				expect(submit(application(randomCreditCode(), "状态测试便利店", XIHU, fixtures.freeSite(XIHU)), 1), 201))
			.read("$.token");

		MvcResult status = mvc.perform(get("/api/v1/applications/" + token).with(from(address))).andReturn();

		assertThat(status.getResponse().getStatus()).isEqualTo(200);
		assertThat(status.getResponse().getHeader("Cache-Control")).contains("no-store");
		DocumentContext json = json(status);
		assertThat(json.read("$", Map.class)).containsOnlyKeys("stationName", "hostName", "district", "address",
				"status", "statusLabel", "submittedAt", "history");
		assertThat(json.read("$.hostName", String.class)).isEqualTo("状态测试便利店");
		assertThat(json.read("$.district", String.class)).isEqualTo("西湖区总工会");
		assertThat(json.read("$.history[0].status", String.class)).isEqualTo("SUBMITTED");
		assertThat(body(status)).doesNotContain("13857112345", "wang.dianzhang", "duplicate", "\"id\"");

		// A token one character off, a malformed one and the page of an unknown one say
		// nothing.
		String other = token.substring(0, 21) + (token.charAt(21) == 'A' ? 'B' : 'A');
		assertThat(mvc.perform(get("/api/v1/applications/" + other).with(from(address)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/applications/1").with(from(address))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		MvcResult page = mvc.perform(get("/a/" + other).with(from(address))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(page)).doesNotContain("状态测试便利店");
		MvcResult own = mvc.perform(get("/a/" + token).with(from(address))).andReturn();
		assertThat(own.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(own)).contains("状态测试便利店", "已提交，等待审核").doesNotContain("138");
	}

	@Test
	void eachBadValueIsRefusedNamingItsFieldInTheCallersLanguageAndNothingIsStored() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		String code = randomCreditCode();
		String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
		GeoPoint shangcheng = fixtures.siteOutside(XIHU, SHANGCHENG);
		long before = count();

		refused(change(application(wrongCheck, "校验位错误", XIHU, site), "host", "creditCode", wrongCheck), 1,
				"host.creditCode", "统一社会信用代码校验位不正确");
		refused(application(code, "区外商户", XIHU, shangcheng), 1, "site", "不在西湖区总工会辖区内");
		refused(change(change(application(code, "经纬度颠倒", XIHU, site), "site", "lat", site.lon()), "site", "lon",
				site.lat()), 1, "site.lat", "纬度和经度似乎填反了");
		refused(change(application(code, "营业时间", XIHU, site), null, "openingHours", "周一至周五 9:00-18:00"), 1,
				"openingHours", "营业时间格式错误");
		refused(application(code, "没有照片", XIHU, site), 0, "photos", "须上传 1 至 9 张场景照片（收到 0 张）");
		refused(application(code, "照片太多", XIHU, site), 10, "photos", "须上传 1 至 9 张场景照片（收到 10 张）");
		refused(change(application(code, "面积为零", XIHU, site), "site", "areaM2", 0), 1, "site.areaM2",
				"面积须不小于 1 平方米且小于 10,000 平方米");
		refused(change(application(code, "面积一万", XIHU, site), "site", "areaM2", 10_000), 1, "site.areaM2",
				"面积须不小于 1 平方米且小于 10,000 平方米");
		MvcResult notAnImage = send(application(code, "不是图片", XIHU, site),
				List.of(TestImages.jpeg(40, 30), "GIF89a not really".getBytes(StandardCharsets.US_ASCII)), "zh-CN");
		assertThat(notAnImage.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(notAnImage).read("$.errors[*].field", List.class)).containsExactly("photos[1]");
		assertThat(json(notAnImage).read("$.errors[0].message", String.class)).isEqualTo("只接受 JPEG、PNG 或 WebP 图片");

		// In English for an English caller, the field named by its label.
		MvcResult english = send(
				change(application(wrongCheck, "English", XIHU, site), "host", "creditCode", wrongCheck),
				List.of(TestImages.jpeg(40, 30)), "en");
		assertThat(json(english).read("$.detail", String.class))
			.contains("Unified social credit code: The check digit of the unified social credit code is wrong");

		assertThat(count()).as("nothing stored").isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from host where credit_code in (?, ?)")
			.param(code)
			.param(wrongCheck)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSiteGivenInGcj02OrBd09IsStoredInWgs84() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		double[] gcj = CoordinateTransform.wgs84ToGcj02(site.lat(), site.lon());
		Map<String, Object> application = application(randomCreditCode(), "高德坐标商户", XIHU, site);
		change(change(change(application, "site", "lat", gcj[0]), "site", "lon", gcj[1]), "site", "crs", "gcj02");

		String token = json(expect(submit(application, 1), 201)).read("$.token");

		Map<String, Object> stored = jdbc
			.sql("select s.lat, s.lon from application a join host_site s on s.id = a.site_id where a.token = ?")
			.param(token)
			.query()
			.singleRow();
		assertThat(site.distanceMeters(GeoPoint.of((Double) stored.get("lat"), (Double) stored.get("lon"))))
			.as("GCJ-02 converted back to WGS-84 within half a metre")
			.isLessThan(0.5);
	}

	@Test
	void possibleDuplicatesAreFlaggedNotRefused() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		ActingAsNationalAdmin.signIn();
		Station listed;
		try {
			listed = TestStations.listed(registry, "查重测试驿站", "杭州市西湖区查重路 1 号", XIHU, site.lat(), site.lon() + 0.0003,
					"TOILET");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String first = json(expect(submit(application(randomCreditCode(), "第一家", XIHU, site), 1), 201)).read("$.token");
		long firstId = idOf(first);
		// Another host 20 m away, with a listed station 29 m from the first site.
		GeoPoint twentyMetres = GeoPoint.of(site.lat() + 20 / 111_320.0, site.lon());
		String code = randomCreditCode();
		String second = json(expect(submit(application(code, "第二家", XIHU, twentyMetres), 1), 201)).read("$.token");
		// The same host again, at a site of its own 300 m away.
		GeoPoint elsewhere = fixtures.freeSite(XIHU);
		String third = json(expect(submit(application(code, "第二家", XIHU, elsewhere), 1), 201)).read("$.token");

		assertThat(flags(first)).as("the first: the station 29 m away")
			.containsExactly("NEAR_STATION " + listed.code().value());
		assertThat(flags(second)).containsExactlyInAnyOrder("NEAR_APPLICATION " + firstId,
				"NEAR_STATION " + listed.code().value());
		assertThat(flags(third)).contains("SAME_CREDIT_CODE " + idOf(second));
		assertThat(jdbc.sql("select duplicate from application where token = ?")
			.param(third)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select count(*) from host where credit_code = ?").param(code).query(Long.class).single())
			.as("one host per credit code")
			.isEqualTo(1);
	}

	@Autowired
	StationRegistry registry;

	@Test
	void aSecondStandingApplicationOfOneHostForTheSameSiteIsAConflictAndStoresNothing() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		String code = randomCreditCode();
		expect(submit(application(code, "重复申请商户", XIHU, site), 1), 201);
		long before = count();

		MvcResult again = submit(application(code, "重复申请商户", XIHU, GeoPoint.of(site.lat() + 5 / 111_320.0, site.lon())),
				1);

		assertThat(again.getResponse().getStatus()).as(body(again)).isEqualTo(409);
		assertThat(json(again).read("$.errors[0].field", String.class)).isEqualTo("site");
		assertThat(json(again).read("$.detail", String.class)).contains("已有一份未结束的申请");
		assertThat(count()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from host_site s join host h on h.id = s.host_id where h.credit_code = ?")
			.param(code)
			.query(Long.class)
			.single()).isEqualTo(1);

		// Withdrawn, the site is free for the host again (the review's use cases move it;
		// here the row is set as they will).
		jdbc.sql(
				"update application set status = 'WITHDRAWN' where host_id = (select id from host where credit_code = ?)")
			.param(code)
			.update();
		expect(submit(application(code, "重复申请商户", XIHU, site), 1), 201);
	}

	@Test
	void oneAddressSubmitsAtMostThirtyApplicationsAnHour() throws Exception {
		Map<String, Object> bad = application("not-a-code", "限流", XIHU, GeoPoint.of(30.27, 120.13));
		for (int i = 0; i < 30; i++) {
			assertThat(submit(bad, 1).getResponse().getStatus()).isEqualTo(400);
		}

		MvcResult refused = submit(bad, 1);

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
		assertThat(json(refused).read("$.detail", String.class)).startsWith("来自此网络的请求过于频繁");
		address = "10.92.0." + ThreadLocalRandom.current().nextInt(256);
		assertThat(submit(bad, 1).getResponse().getStatus()).as("another address is not held").isEqualTo(400);
	}

	@Test
	void oneHostPerCreditCode() throws Exception {
		String code = randomCreditCode();
		String host = "{\"host\":{\"creditCode\":\"" + code + "\",\"name\":\"杭州银行西湖支行\",\"kind\":\"BANK\"},"
				+ "\"contact\":{\"name\":\"李行长\",\"phone\":\"0571-87654321\"}}";

		MvcResult created = expect(
				mvc.perform(post("/api/v1/hosts").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content(host))
					.andReturn(),
				201);
		DocumentContext json = json(created);
		assertThat(json.read("$.creditCode", String.class)).isEqualTo(code);
		assertThat(json.read("$.contacts[0].phone", String.class)).isEqualTo("057******4321");

		MvcResult again = mvc
			.perform(post("/api/v1/hosts").with(asAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(host.replace("杭州银行西湖支行", "另一个名字")))
			.andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(again).read("$.errors[0].field", String.class)).isEqualTo("host.creditCode");

		// An application with the code joins that host; registered is not applied before,
		// so it carries no flag for it.
		String token = json(expect(submit(application(code, "杭州银行西湖支行", XIHU, fixtures.freeSite(XIHU)), 1), 201))
			.read("$.token");
		assertThat(jdbc.sql("select h.credit_code from application a join host h on h.id = a.host_id where a.token = ?")
			.param(token)
			.query(String.class)
			.single()).isEqualTo(code);
		assertThat(flags(token)).isEmpty();
	}

	@Test
	void coBuildersAreHostsOfTheirOwnAndNamedOnceEach() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		String host = randomCreditCode();
		String coBuilder = randomCreditCode();
		Map<String, Object> application = application(host, "合建主办商户", XIHU, site);
		application.put("coBuilders", List.of(Map.of("creditCode", coBuilder, "name", "饿了么本地生活")));

		String token = json(expect(submit(application, 1), 201)).read("$.token");

		assertThat(jdbc.sql("""
				select h.name || ' ' || h.kind from application_co_builder b join host h on h.id = b.host_id
				join application a on a.id = b.application_id where a.token = ?""")
			.param(token)
			.query(String.class)
			.list()).containsExactly("饿了么本地生活 OTHER");

		// The host itself, or the same co-builder twice, is refused by name.
		Map<String, Object> repeated = application(randomCreditCode(), "合建重复", XIHU, fixtures.freeSite(XIHU));
		repeated.put("coBuilders", List.of(Map.of("creditCode", coBuilder, "name", "甲"),
				Map.of("creditCode", coBuilder.toLowerCase(), "name", "乙")));
		refused(repeated, 1, "coBuilders[1].creditCode", "与其他单位的信用代码重复");
	}

	@Autowired
	Applications applications;

	@Autowired
	org.yizhan.organization.OrganizationTree organizations;

	@Test
	void reviewersListTheirSubtreesApplicationsByStatusDistrictAndFlagAndSeeTheContactMasked() throws Exception {
		GeoPoint site = fixtures.freeSite(XIHU);
		String first = json(expect(submit(application(randomCreditCode(), "列表一", XIHU, site), 1), 201)).read("$.token");
		String flagged = json(expect(submit(
				application(randomCreditCode(), "列表二", XIHU, GeoPoint.of(site.lat() + 15 / 111_320.0, site.lon())), 1),
				201))
			.read("$.token");
		String foreign = json(expect(
				submit(application(randomCreditCode(), "列表外区", SHANGCHENG, fixtures.freeSite(SHANGCHENG)), 1), 201))
			.read("$.token");
		signIn(XIHU, Role.REVIEWER);
		try {
			List<Long> duplicates = ids(
					applications.list(new ApplicationQuery(ApplicationStatus.SUBMITTED, XIHU, true), 0, 200));
			assertThat(duplicates).contains(idOf(flagged)).doesNotContain(idOf(first), idOf(foreign));
			List<Long> clean = ids(applications.list(new ApplicationQuery(null, null, false), 0, 200));
			assertThat(clean).contains(idOf(first)).doesNotContain(idOf(flagged), idOf(foreign));
			assertThat(
					applications.list(new ApplicationQuery(ApplicationStatus.APPROVED, null, null), 0, 200).content())
				.extracting(ApplicationSummary::id)
				.doesNotContain(idOf(first), idOf(flagged));
			ApplicationPage one = applications.list(ApplicationQuery.all(), 0, 1);
			assertThat(one.content()).hasSize(1);
			assertThat(one.totalPages()).isEqualTo(one.totalElements());

			Application read = applications.get(idOf(flagged));
			assertThat(read.contactPhoneMasked()).isEqualTo("138****2345");
			assertThat(read.contactEmailMasked()).isEqualTo("w***@example.com");
			assertThat(read.flags()).extracting(DuplicateFlag::kind).contains(DuplicateFlag.Kind.NEAR_APPLICATION);
			assertThat(applications.readPhoto(idOf(flagged), 1, true)).isNotEmpty();

			assertThatThrownBy(() -> applications.get(idOf(foreign))).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> applications.list(new ApplicationQuery(null, SHANGCHENG, null), 0, 20))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> applications.readPhoto(idOf(flagged), 2, false))
				.isInstanceOf(NotFoundException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		signIn(XIHU, Role.INSPECTOR);
		try {
			assertThatThrownBy(() -> applications.get(idOf(first))).isInstanceOf(ForbiddenException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void signIn(String org, Role role) {
		String path = organizations.findByCode(org).orElseThrow().path();
		Actor actor = new Actor(0, "test-" + role, org, path, Set.of(role));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_" + role.name()));
	}

	private static List<Long> ids(ApplicationPage page) {
		return page.content().stream().map(ApplicationSummary::id).toList();
	}

	// ---- helpers

	private MvcResult submit(Map<String, Object> application, int photos) throws Exception {
		List<byte[]> files = new ArrayList<>();
		for (int i = 0; i < photos; i++) {
			files.add(TestImages.jpeg(64 + i, 48));
		}
		return send(application, files, "zh-CN");
	}

	private MvcResult send(Map<String, Object> application, List<byte[]> photos, String language) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/applications");
		request.file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
				ApplicationFixtures.json(application).getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < photos.size(); i++) {
			request.file(new MockMultipartFile("photos", "photo-" + i + ".jpg", "image/jpeg", photos.get(i)));
		}
		return mvc.perform(request.header("Accept-Language", language).with(from(address))).andReturn();
	}

	private void refused(Map<String, Object> application, int photos, String field, String message) throws Exception {
		MvcResult result = submit(application, photos);
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(400);
		DocumentContext json = json(result);
		assertThat(json.read("$.errors[*].field", List.class)).as(body(result)).containsExactly(field);
		assertThat(json.read("$.errors[0].message", String.class)).contains(message);
	}

	private static Map<String, Object> change(Map<String, Object> application, String part, String key, Object value) {
		(part == null ? application : part(application, part)).put(key, value);
		return application;
	}

	private static MvcResult expect(MvcResult result, int status) {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		return result;
	}

	private long count() {
		return jdbc
			.sql("select (select count(*) from application) + (select count(*) from host_site)"
					+ " + (select count(*) from application_photo) + (select count(*) from application_mail)")
			.query(Long.class)
			.single();
	}

	private long idOf(String token) {
		return jdbc.sql("select id from application where token = ?").param(token).query(Long.class).single();
	}

	private List<String> flags(String token) {
		return jdbc.sql("""
				select f.kind || ' ' || coalesce(f.other_application_id::text, st.code) from application_flag f
				join application a on a.id = f.application_id left join station st on st.id = f.station_id
				where a.token = ? order by f.id""").param(token).query(String.class).list();
	}

	private RequestPostProcessor from(String ignored) {
		return request -> {
			request.setRemoteAddr(this.address);
			return request;
		};
	}

}
