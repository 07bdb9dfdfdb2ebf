package org.yizhan.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.Playwright;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for page tests: Debian's {@code /usr/bin/chromium} (or
 * {@code YIZHAN_CHROMIUM}) driven by Playwright, which must not download a browser of its
 * own. Where no Chromium is installed (a fresh laptop), tests that need it are skipped
 * with a message saying so; CI installs it.
 */
public final class Browser implements AutoCloseable {

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
		this.playwright = playwright;
		this.chromium = chromium;
	}

	public static Browser launchOrSkip() {
		Path executable = Path.of(System.getenv().getOrDefault("YIZHAN_CHROMIUM", "/usr/bin/chromium"));
		assumeTrue(Files.isExecutable(executable), "No Chromium at " + executable
				+ ": browser tests skipped (apt-get install chromium fonts-wqy-zenhei, or set YIZHAN_CHROMIUM)");
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// The machine has no network beyond package registries: background traffic is
		// switched off.
		com.microsoft.playwright.Browser chromium = playwright.chromium()
			.launch(new LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		return new Browser(playwright, chromium);
	}

	/**
	 * A fresh context (cookies, storage) speaking the given language, e.g. {@code zh-CN}.
	 */
	public BrowserContext newContext(String baseUrl, String locale) {
		BrowserContext context = chromium
			.newContext(new NewContextOptions().setBaseURL(baseUrl).setLocale(locale).setViewportSize(1366, 900));
		// Map tiles come from the internet, which is out of reach here; fail them fast.
		context.route("https://**", route -> route.abort());
		return context;
	}

	/**
	 * A fresh context as a worker's phone presents itself (390 × 844, touch, mobile
	 * viewport), standing at {@code (lat, lon)} WGS-84 with location access granted.
	 */
	public BrowserContext newPhoneContext(String baseUrl, String locale, double lat, double lon) {
		BrowserContext context = chromium.newContext(new NewContextOptions().setBaseURL(baseUrl)
			.setLocale(locale)
			.setViewportSize(390, 844)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true)
			.setGeolocation(lat, lon)
			.setPermissions(List.of("geolocation")));
		context.route("https://**", route -> route.abort());
		return context;
	}

	@Override
	public void close() {
		chromium.close();
		playwright.close();
	}

}
