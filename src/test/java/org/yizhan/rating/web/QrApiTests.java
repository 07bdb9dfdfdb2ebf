package org.yizhan.rating.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.Authorities;
import org.yizhan.rating.qr.QrCodes;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A station's QR code and posters over the API, with a configured public base URL, a key
 * ring rotated yesterday (key 1 retired, key 2 active: configured as an operator would),
 * the demo city's accounts and a few stations of Ningbo's districts made for the bulk
 * download (the demo city is Hangzhou, so nothing else lives there).
 */
@SpringBootTest(properties = { "yizhan.public-base-url=https://yizhan.example.cn/", "yizhan.rating.qr.bulk-limit=500" })
@AutoConfigureMockMvc
@ExtendWith(ActingAsNationalAdmin.class)
class QrApiTests {

	static final String BASE = "https://yizhan.example.cn";

	/** When key 1 was retired: yesterday, so its codes are inside the grace period. */
	static final Instant RETIRED = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

	static final byte[] KEY_1 = "qr-test-key-one-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

	static final byte[] KEY_2 = "qr-test-key-two-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

	@DynamicPropertySource
	static void rotatedKeyRing(DynamicPropertyRegistry properties) {
		properties.add("yizhan.rating.tokens.keys.1", () -> Base64.getEncoder().encodeToString(KEY_1));
		properties.add("yizhan.rating.tokens.keys.2", () -> Base64.getEncoder().encodeToString(KEY_2));
		properties.add("yizhan.rating.tokens.active-key", () -> "2");
		properties.add("yizhan.rating.tokens.retired.1", RETIRED::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCodeOpensToItsStationAndItsUrlStartsWithTheConfiguredBase() throws Exception {
		Station station = listed("330106", "二维码驿站");
		DocumentContext json = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200));
		String token = json.read("$.token");
		assertThat(this.tokens.open(token)).isInstanceOfSatisfying(StationTokens.Valid.class,
				(valid) -> assertThat(valid.station()).isEqualTo(station.id()));
		assertThat(json.read("$.url", String.class)).isEqualTo(BASE + "/r/" + token);
	}

	@Test
	void afterARotationAnAdminGetsTheNewCodeWhilePostersPrintedBeforeStillOpen() throws Exception {
		Station station = listed("330106", "轮换驿站");
		String token = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)).read("$.token");
		assertThat(this.tokens.open(token)).isEqualTo(new StationTokens.Valid(station.id(), 2, Optional.empty()));

		String printedBefore = new StationTokens(Map.of(1, new StationTokens.SigningKey(KEY_1, null)), 1,
				Duration.ofDays(90), Clock.systemUTC())
			.issue(station.id());
		assertThat(printedBefore).isNotEqualTo(token);
		assertThat(this.tokens.open(printedBefore))
			.isEqualTo(new StationTokens.Valid(station.id(), 1, Optional.of(RETIRED.plus(Duration.ofDays(90)))));
	}

	@Test
	void theConsoleSectionSaysWhenTheCodesChangedAndUntilWhenOldPostersWork() throws Exception {
		Station station = listed("330106", "控制台驿站");
		String html = section(station, "xihu-admin", Role.ORG_ADMIN);
		String token = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)).read("$.token");
		assertThat(html).contains("id=\"qr-url\"", BASE + "/r/" + token,
				"/console/stations/" + station.id().value() + "/qr.svg", "poster.pdf?paper=A5", "poster.pdf?paper=A4",
				"qr.png?px=1024");
		DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(YizhanTime.ZONE);
		assertThat(html).contains("二维码签名密钥于 " + shown.format(RETIRED) + " 轮换",
				"此前印制的二维码有效至 " + shown.format(RETIRED.plus(Duration.ofDays(90))));
	}

	@Test
	void theConsoleSectionShowsNoCodeToThoseWhoMayNotPrintNorForADraft() throws Exception {
		Station station = listed("330106", "审核员驿站");
		String reviewer = section(station, "hangzhou-reviewer", Role.REVIEWER);
		assertThat(reviewer).contains("由所属工会的管理员和本站站长下载打印").doesNotContain("/r/", "qr.svg", "poster.pdf");
		ActingAsNationalAdmin.signIn();
		Station draft = this.registry.create(input("330106", "草稿控制台驿站"));
		assertThat(section(draft, "xihu-admin", Role.ORG_ADMIN)).contains("驿站还是草稿，尚未上图")
			.doesNotContain("/r/", "poster.pdf");
		assertThat(this.mvc
			.perform(get("/console/stations/" + station.id().value() + "/qr")
				.with(authentication(signedIn("shangcheng-admin", Role.ORG_ADMIN))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theAdminsOfTheSubtreeAndTheStationsOwnMasterPrintOthersAreRefusedOrFindNothing() throws Exception {
		long bound = boundStationOf("xihu-master");
		Station unbound = listed("330106", "未绑定驿站");
		send(get("/api/v1/stations/" + bound + "/qr"), "xihu-master", TestAccounts.DEMO_PASSWORD, 200);
		send(get("/api/v1/stations/" + bound + "/qr"), "hangzhou-admin", TestAccounts.DEMO_PASSWORD, 200);
		send(get(qr(unbound)), "xihu-master", TestAccounts.DEMO_PASSWORD, 404);
		send(get(qr(unbound)), "shangcheng-admin", TestAccounts.DEMO_PASSWORD, 404);
		MockHttpServletResponse refused = send(get(qr(unbound)), "hangzhou-reviewer", TestAccounts.DEMO_PASSWORD, 403);
		assertThat(json(refused).read("$.detail", String.class)).isEqualTo("只有驿站所属工会的管理员和本站站长可以下载它的二维码和海报");
		send(get(qr(unbound)), "xihu-inspector", TestAccounts.DEMO_PASSWORD, 403);
		// the refusal is audited, like every 403 to a signed-in caller
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action = 'access.refused' and after_summary like ?")
			.param("%qr.forbidden.station%")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aDraftAndADelistedStationHaveNoCodeAndSaySoASuspendedOneKeepsIt() throws Exception {
		Station draft = this.registry.create(input("330106", "草稿驿站"));
		DocumentContext problem = json(send(get(qr(draft)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 409));
		assertThat(problem.read("$.detail", String.class)).contains(draft.code().value(), "草稿", "上图后");
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("status");

		Station delisted = this.registry.delist(listed("330106", "摘牌驿站").id(), null, DelistingReason.CLOSED, null);
		ActingAsNationalAdmin.signIn();
		assertThat(json(send(get(qr(delisted) + ".png"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 409))
			.read("$.detail", String.class)).contains("已摘牌", "撤下");

		Station suspended = this.registry.suspend(listed("330106", "暂停驿站").id(), null, "装修",
				LocalDate.now().plusMonths(1));
		send(get(qr(suspended)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200);
		MockHttpServletResponse english = this.mvc
			.perform(get(qr(draft)).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.with(httpBasic("xihu-admin", TestAccounts.DEMO_PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(json(english).read("$.detail", String.class)).contains("is a draft, not yet listed");
	}

	@Test
	void thePngIsAnAttachmentNamedByTheCodeThatReadsBackToTheUrlAndRevalidates() throws Exception {
		Station station = listed("330106", "PNG驿站");
		String url = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)).read("$.url");
		MockHttpServletResponse png = send(get(qr(station) + ".png?px=600"), "xihu-admin", TestAccounts.DEMO_PASSWORD,
				200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		assertThat(png.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"qr-" + station.code().value() + ".png\"");
		assertThat(png.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache, private");
		var image = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(600);
		assertThat(QrCodes.read(image).getText()).isEqualTo(url);

		String etag = png.getHeader(HttpHeaders.ETAG);
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		MockHttpServletResponse again = this.mvc
			.perform(get(qr(station) + ".png?px=600").header(HttpHeaders.IF_NONE_MATCH, etag)
				.with(httpBasic("xihu-admin", TestAccounts.DEMO_PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsByteArray()).isEmpty();
		// another size is another file
		assertThat(send(get(qr(station) + ".png?px=601"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)
			.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
		assertThat(
				send(get(qr(station) + ".png"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200).getContentAsByteArray())
			.satisfies((bytes) -> assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(1024));
	}

	@Test
	void aPngSizeOutsideItsBoundsIsRefusedNamingTheParameter() throws Exception {
		Station station = listed("330106", "尺寸驿站");
		for (String px : new String[] { "127", "4097", "0", "-5" }) {
			DocumentContext problem = json(
					send(get(qr(station) + ".png?px=" + px), "xihu-admin", TestAccounts.DEMO_PASSWORD, 400));
			assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("px");
			assertThat(problem.read("$.detail", String.class)).isEqualTo("图片边长（像素）: 须在 128 到 4096 之间");
		}
		assertThat(json(send(get(qr(station) + ".png?px=big"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 400))
			.read("$.errors[0].field", String.class)).isEqualTo("px");
	}

	@Test
	void theSvgIsAVectorOfOnePathThatReadsBackToTheUrl() throws Exception {
		Station station = listed("330106", "SVG驿站");
		String url = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)).read("$.url");
		MockHttpServletResponse svg = send(get(qr(station) + ".svg"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200);
		assertThat(svg.getContentType()).isEqualTo("image/svg+xml");
		assertThat(svg.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"qr-" + station.code().value() + ".svg\"");
		assertThat(svg.getHeader(HttpHeaders.ETAG)).isNotBlank();
		String body = svg.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body.split("<path", -1)).hasSize(2);
		assertThat(QrCodes.readSvg(body).getText()).isEqualTo(url);
	}

	@Test
	void thePostersAreA5ByDefaultOrA4WithTheChineseNameAndInstructionAsTextAndAReadableCode() throws Exception {
		Station station = listed("330106", "海报测试驿站（文三路）");
		String url = json(send(get(qr(station)), "xihu-admin", TestAccounts.DEMO_PASSWORD, 200)).read("$.url");
		for (String paper : new String[] { "", "A4", "a5" }) {
			String expected = paper.equalsIgnoreCase("A4") ? "A4" : "A5";
			MockHttpServletResponse pdf = send(get(poster(station) + (paper.isEmpty() ? "" : "?paper=" + paper)),
					"xihu-admin", TestAccounts.DEMO_PASSWORD, 200);
			assertThat(pdf.getContentType()).isEqualTo("application/pdf");
			assertThat(pdf.getHeader(HttpHeaders.CONTENT_DISPOSITION))
				.isEqualTo("attachment; filename=\"poster-" + expected + "-" + station.code().value() + ".pdf\"");
			try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
				PDRectangle size = expected.equals("A4") ? PDRectangle.A4 : PDRectangle.A5;
				assertThat(document.getNumberOfPages()).isEqualTo(1);
				assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(size.getWidth(), within(0.01f));
				assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(size.getHeight(), within(0.01f));
				assertThat(new PDFTextStripper().getText(document)).contains("海报测试驿站（文三路）", station.code().value(),
						"用微信或手机相机扫码，为本驿站评价", "杭州市总工会 · 西湖区总工会");
				assertThat(QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.GRAY)).getText())
					.isEqualTo(url);
			}
		}
		DocumentContext problem = json(
				send(get(poster(station) + "?paper=A3"), "xihu-admin", TestAccounts.DEMO_PASSWORD, 400));
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("paper");
		assertThat(problem.read("$.detail", String.class)).contains("A3", "A5, A4");
	}

	@Test
	void theBulkPdfHasOnePagePerListedStationOfTheDistrictInCodeOrderAndNoneOfAnother() throws Exception {
		List<Station> listed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			listed.add(listed("330205", "江北测试驿站" + i));
		}
		this.registry.create(input("330205", "江北草稿驿站"));
		this.registry.suspend(listed("330205", "江北暂停驿站").id(), null, "装修", LocalDate.now().plusMonths(1));
		Station neighbour = listed("330203", "海曙测试驿站");
		String admin = account("330205", "ORG_ADMIN");

		List<String> expected = listedCodes("330205");
		assertThat(expected).hasSizeGreaterThanOrEqualTo(3).isSorted();
		MockHttpServletResponse pdf = send(get("/api/v1/organizations/330205/posters.pdf"), admin,
				TestAccounts.PASSWORD, 200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"posters-A5-330205.pdf\"");
		assertThat(pdf.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store, private");
		List<String> pages = pages(pdf.getContentAsByteArray());
		assertThat(pages).hasSize(expected.size());
		for (int i = 0; i < pages.size(); i++) {
			assertThat(pages.get(i)).contains(expected.get(i)).doesNotContain(neighbour.code().value());
		}
		assertThat(String.join("", pages)).doesNotContain("江北草稿驿站", "江北暂停驿站", "海曙测试驿站");
		String firstUrl = json(
				send(get("/api/v1/stations/" + idOf(expected.get(0)) + "/qr"), admin, TestAccounts.PASSWORD, 200))
			.read("$.url");
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.GRAY)).getText())
				.isEqualTo(firstUrl);
		}
		assertThat(this.jdbc.sql("""
				select after_summary from audit_entry where action = 'qr.exportPosters' and target_id = '330205'
				order by id desc limit 1""").query(String.class).single()).isEqualTo("paper=A5; posters="
				+ expected.size() + "; first=" + expected.get(0) + "; last=" + expected.get(expected.size() - 1));
	}

	@Test
	void aCityAdminGetsAllItsDistrictsInCodeOrderADistrictAdminNotTheNeighbours() throws Exception {
		Station own = listed("330205", "江北城市驿站");
		listed("330203", "海曙城市驿站");
		String cityAdmin = account("330200", "ORG_ADMIN");
		String districtAdmin = account("330205", "ORG_ADMIN");
		String master = account("330205", "STATION_MASTER", ",\"stations\":[" + own.id().value() + "]");

		List<String> expected = listedCodes("330200");
		assertThat(expected).anyMatch((code) -> code.startsWith("330203-"))
			.anyMatch((code) -> code.startsWith("330205-"));
		List<String> pages = pages(
				send(get("/api/v1/organizations/330200/posters.pdf?paper=A4"), cityAdmin, TestAccounts.PASSWORD, 200)
					.getContentAsByteArray());
		assertThat(pages).hasSize(expected.size());
		for (int i = 0; i < pages.size(); i++) {
			assertThat(pages.get(i)).contains(expected.get(i));
		}

		DocumentContext foreign = json(
				send(get("/api/v1/organizations/330203/posters.pdf"), districtAdmin, TestAccounts.PASSWORD, 403));
		assertThat(foreign.read("$.detail", String.class)).isEqualTo("“330203”不在您的管理范围内");
		send(get("/api/v1/organizations/330200/posters.pdf"), districtAdmin, TestAccounts.PASSWORD, 403);
		send(get("/api/v1/organizations/330205/posters.pdf"), master, TestAccounts.PASSWORD, 403);
		send(get("/api/v1/organizations/999999/posters.pdf"), districtAdmin, TestAccounts.PASSWORD, 404);
		assertThat(json(send(get("/api/v1/organizations/330206/posters.pdf"), cityAdmin, TestAccounts.PASSWORD, 409))
			.read("$.detail", String.class)).isEqualTo("北仑区总工会没有已上图的驿站，没有可打印的海报");
		assertThat(json(send(get("/api/v1/organizations/330205/posters.pdf?paper=B5"), districtAdmin,
				TestAccounts.PASSWORD, 400))
			.read("$.errors[0].field", String.class)).isEqualTo("paper");
	}

	@Test
	void aSubtreeOverTheBulkLimitIsRefusedWithTheCountAndWhatToDo() throws Exception {
		// the demo city has 776 listed stations; this context allows 500 per download
		DocumentContext problem = json(send(get("/api/v1/organizations/330100/posters.pdf"), "hangzhou-admin",
				TestAccounts.DEMO_PASSWORD, 400));
		assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo("code");
		assertThat(problem.read("$.detail", String.class))
			.matches("编码: 杭州市总工会有 [\\d,]+ 个已上图驿站，超过单次下载的上限 500 个：请按下级组织分别下载");
	}

	// ------------------------------------------------------------------ fixtures

	/** The QR section of a station's console page, as the demo account would see it. */
	private String section(Station station, String username, Role role) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/console/stations/" + station.id().value() + "/qr")
				.with(authentication(signedIn(username, role))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A console session of a demo account, as its sign-in would leave it. */
	private Authentication signedIn(String username, Role role) {
		Actor actor = this.jdbc
			.sql("""
					select a.id, a.organization_code, o.path from account a join organization o on o.code = a.organization_code
					where a.username = ?""")
			.param(username)
			.query((rs, row) -> new Actor(rs.getLong("id"), username, rs.getString("organization_code"),
					rs.getString("path"), Set.of(role)))
			.single();
		Actor.Principal principal = () -> actor;
		return new TestingAuthenticationToken(principal, null, Authorities.PASSWORD_CURRENT);
	}

	private Station listed(String district, String name) {
		ActingAsNationalAdmin.signIn();
		return this.registry.list(this.registry.create(input(district, name)).id(), null);
	}

	private static StationInput input(String district, String name) {
		boolean ningbo = district.startsWith("3302");
		return new StationInput(name + UUID.randomUUID().toString().substring(0, 4), "测试地址", district, "测试单位", "OTHER",
				ningbo ? 29.87 : 30.26, ningbo ? 121.55 : 120.12, "wgs84", null, null, List.of(), "24/7", null, null,
				false, null, null, null, null);
	}

	private List<String> listedCodes(String organization) {
		return this.jdbc.sql("""
				select s.code from station s join organization o on o.code = s.district_code
				where s.status = 'LISTED'
				  and (o.path = (select path from organization where code = :org)
				    or o.path like (select path from organization where code = :org) || '/%')
				order by s.code""").param("org", organization).query(String.class).list();
	}

	private long idOf(String code) {
		return this.jdbc.sql("select id from station where code = ?").param(code).query(Long.class).single();
	}

	private long boundStationOf(String username) {
		return this.jdbc
			.sql("""
					select s.id from account_station b join account a on a.id = b.account_id join station s on s.id = b.station_id
					where a.username = ? and s.status = 'LISTED' order by s.id limit 1""")
			.param(username)
			.query(Long.class)
			.single();
	}

	/** A new account made by the national admin, its password then set by its holder. */
	private String account(String organization, String role) throws Exception {
		return account(organization, role, "");
	}

	private String account(String organization, String role, String extra) throws Exception {
		String username = "qr-" + UUID.randomUUID().toString().substring(0, 8);
		DocumentContext created = json(send(
				post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + username + "\",\"displayName\":\"二维码测试\",\"organization\":\""
							+ organization + "\",\"roles\":[\"" + role + "\"]" + extra + "}"),
				TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, 201));
		String oneTime = created.read("$.oneTimePassword");
		send(post("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"),
				username, oneTime, 204);
		return username;
	}

	private static List<String> pages(byte[] pdf) throws Exception {
		List<String> pages = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(document));
			}
		}
		return pages;
	}

	private static String qr(Station station) {
		return "/api/v1/stations/" + station.id().value() + "/qr";
	}

	private static String poster(Station station) {
		return "/api/v1/stations/" + station.id().value() + "/poster.pdf";
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username, String password,
			int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(httpBasic(username, password)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
		return response;
	}

	private static DocumentContext json(MockHttpServletResponse response) throws Exception {
		return JsonPath.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

}
