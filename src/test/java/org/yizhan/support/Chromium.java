package org.yizhan.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the journey tests of a {@code @SpringBootTest} on a random port,
 * registered as
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}. It
 * launches Debian's {@code /usr/bin/chromium} (or {@code YIZHAN_CHROMIUM}) through
 * Playwright, which must not download a browser of its own, once per test class; every
 * context a test opens points at the running application and is closed when the test
 * ends; the browser is closed after the class. Where no Chromium is installed (a fresh
 * laptop), the class is skipped with a message saying so; CI installs it.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	private String baseUrl;

	private final List<BrowserContext> opened = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		Path executable = Path.of(System.getenv().getOrDefault("YIZHAN_CHROMIUM", "/usr/bin/chromium"));
		assumeTrue(Files.isExecutable(executable), "No Chromium at " + executable
				+ ": browser tests skipped (apt-get install chromium fonts-wqy-zenhei, or set YIZHAN_CHROMIUM)");
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// The machine has no network beyond package registries: background traffic is
		// switched off.
		this.browser = this.playwright.chromium()
			.launch(new LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException(
					"Chromium drives a running application: use @SpringBootTest(webEnvironment = RANDOM_PORT)");
		}
		this.baseUrl = "http://localhost:" + port;
	}

	/** Where the application under test answers, e.g. {@code http://localhost:41234}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A fresh context (cookies, storage) at a desk (1366 × 900) speaking the given
	 * language, e.g. {@code zh-CN}; relative addresses lead to the application.
	 */
	public BrowserContext newContext(String locale) {
		return opened(this.browser
			.newContext(new NewContextOptions().setBaseURL(this.baseUrl).setLocale(locale).setViewportSize(1366, 900)));
	}

	/**
	 * A fresh context as a worker's phone presents itself (390 × 844, touch, mobile
	 * viewport), standing at {@code (lat, lon)} WGS-84 with location access granted.
	 */
	public BrowserContext newPhoneContext(String locale, double lat, double lon) {
		return opened(this.browser.newContext(new NewContextOptions().setBaseURL(this.baseUrl)
			.setLocale(locale)
			.setViewportSize(390, 844)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true)
			.setGeolocation(lat, lon)
			.setPermissions(List.of("geolocation"))));
	}

	private BrowserContext opened(BrowserContext context) {
		// Map tiles come from the internet, which is out of reach here; fail them fast.
		context.route("https://**", route -> route.abort());
		this.opened.add(context);
		return context;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.opened.forEach(BrowserContext::close);
		this.opened.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
			this.playwright.close();
		}
	}

}
