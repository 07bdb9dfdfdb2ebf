package org.yizhan.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yizhan.support.Chromium;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile behind a TLS-terminating proxy on the same host: a request the
 * proxy marks {@code X-Forwarded-Proto: https} gets HSTS and only Secure cookies (the
 * session's, the CSRF token's), a plain one no HSTS. Raw HTTP, because a client's cookie
 * jar would rightly keep Secure cookies from a plain connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yizhan.public-base-url=https://yizhan.example.cn",
				"yizhan.map.approval-number=" + ProductionProfileTests.APPROVAL_NUMBER })
@ActiveProfiles("prod")
class ProductionProfileTests {

	/** A made-up number in the form of one, for this test only. */
	static final String APPROVAL_NUMBER = "审图号：测试(2026)0001号";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	/**
	 * A deployment in China (the prod profile) draws Amap's GCJ-02 tiles with the
	 * approval number after the credits; the tiles themselves are never fetched here
	 * (Chromium aborts every https request). The credits' links are told apart by an
	 * underline, not only their colour (axe-core's link-in-text-block).
	 */
	@Test
	void theFinderOfADeploymentInChinaDrawsAmapTilesAndShowsTheApprovalNumber() {
		BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.2741, 120.1551);
		Page page = phone.newPage();
		page.navigate("/");
		assertThat(page.locator("#finder-map")).hasAttribute("data-crs", "gcj02");
		Locator credits = page.locator("#finder-map .leaflet-control-attribution");
		assertThat(credits).containsText("高德");
		assertThat(credits).containsText(APPROVAL_NUMBER);
		assertThat(credits.locator("a", new Locator.LocatorOptions().setHasText("Leaflet")))
			.hasCSS("text-decoration-line", "underline");
		assertThat(page.locator("#finder-map img.leaflet-tile").first()).hasAttribute("src",
				Pattern.compile("^https://webrd0[1-4]\\.is\\.autonavi\\.com/"));
	}

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void behindAnHttpsProxyTheAnswersCarryHstsAndSecureCookies() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https"));
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));
		String csrfCookie = cookie(page, "YIZHAN-CSRF");
		assertThat(csrfCookie).contains("Secure").contains("HttpOnly");

		Matcher field = CSRF_FIELD.matcher(page.body());
		assertThat(field.find()).isTrue();
		String form = "username=" + TestAccounts.ADMIN + "&password="
				+ URLEncoder.encode(TestAccounts.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		assertThat(cookie(signedIn, "SESSION")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void aPlainRequestGetsNoHsts() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<String> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(cookie -> cookie.startsWith(name + "=") && !cookie.startsWith(name + "=;"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
	}

}
