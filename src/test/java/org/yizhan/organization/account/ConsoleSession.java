package org.yizhan.organization.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the console over real HTTP: it keeps cookies (the session
 * lives in PostgreSQL), reads the CSRF token from the login form and does not follow
 * redirects, so tests see where they lead.
 */
final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	ConsoleSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	/** Signs in; returns where the login sent the browser. */
	String signIn(String username, String password) throws IOException, InterruptedException {
		String csrf = csrfOf(get("/login").body());
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Location").orElse("");
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Whether the console page answers rather than sending to the login page. */
	boolean signedIn() throws IOException, InterruptedException {
		HttpResponse<String> response = get("/console/stations?q=none");
		if (response.statusCode() == 200) {
			return true;
		}
		if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
			return false;
		}
		throw new AssertionError("Unexpected answer " + response.statusCode() + " " + response.headers().map());
	}

	static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token in " + html);
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
