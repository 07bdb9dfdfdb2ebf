package org.yizhan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One caller of the running application over real HTTP, as a client would be: with a
 * bearer token, with Basic, as a console session (cookies, CSRF token scraped from a
 * form) or anonymous. It speaks Chinese ({@code Accept-Language: zh-CN}) unless told
 * {@link #speaking(String) otherwise}. Redirects are not followed, so a test sees where
 * they lead.
 */
public final class HttpCaller {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final String authorization;

	private final String language;

	private String csrf;

	private HttpCaller(int port, String authorization, boolean cookies) {
		this.base = "http://localhost:" + port;
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
		this.http = cookies ? builder.cookieHandler(new CookieManager()).build() : builder.build();
		this.authorization = authorization;
		this.language = "zh-CN";
	}

	private HttpCaller(HttpCaller caller, String base, String language) {
		this.base = base;
		this.http = caller.http;
		this.authorization = caller.authorization;
		this.csrf = caller.csrf;
		this.language = language;
	}

	public static HttpCaller anonymous(int port) {
		return new HttpCaller(port, null, false);
	}

	public static HttpCaller bearer(int port, String token) {
		return new HttpCaller(port, "Bearer " + token, false);
	}

	public static HttpCaller basic(int port, String username, String password) {
		return new HttpCaller(port, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
				false);
	}

	/**
	 * A console session: signed in with the login form when {@code username} is given,
	 * else an anonymous visitor who has only fetched the login page (and so holds a CSRF
	 * token, as a browser would).
	 */
	public static HttpCaller console(int port, String username, String password) {
		HttpCaller caller = new HttpCaller(port, null, true);
		caller.csrf = csrfOf(caller.get("/login").body());
		if (username != null) {
			HttpResponse<String> login = caller.login(username, password);
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("error")) {
				throw new AssertionError("console sign-in of " + username + " failed: " + location);
			}
			// the token is rotated at sign-in: take the session's new one from a page
			caller.csrf = csrfOf(caller.send("GET", "/console/me/password").body());
		}
		return caller;
	}

	/**
	 * The same caller (its credentials, cookies and session) asking for answers in
	 * {@code language}, e.g. {@code en}.
	 */
	public HttpCaller speaking(String language) {
		return new HttpCaller(this, this.base, language);
	}

	/**
	 * The same caller (its credentials, cookies and session) talking to another instance
	 * of the application on this machine: a browser behind a load balancer that sends its
	 * next request elsewhere. Cookies belong to the host, not the port, so the session
	 * cookie goes along.
	 */
	public HttpCaller atPort(int port) {
		return new HttpCaller(this, "http://localhost:" + port, this.language);
	}

	/**
	 * Opens the login page of this console session and submits its form, as a browser
	 * would; returns where the answer sends the browser (the console, or back to the
	 * login page with the reason).
	 */
	public String signIn(String username, String password) {
		this.csrf = csrfOf(get("/login").body());
		return login(username, password).headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> login(String username, String password) {
		return send("POST", "/login", "application/x-www-form-urlencoded",
				form(Map.of("username", username, "password", password, "_csrf", this.csrf)), null);
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null, (byte[]) null, null);
	}

	/** A request without a body, e.g. {@code POST .../read}. */
	public HttpResponse<String> send(String method, String path) {
		return send(method, path, null, (byte[]) null, null);
	}

	/** A request with a JSON body. */
	public HttpResponse<String> sendJson(String method, String path, String json) {
		return send(method, path, "application/json", json, null);
	}

	public HttpResponse<String> postJson(String path, String json) {
		return sendJson("POST", path, json);
	}

	/**
	 * The body of a successful (2xx) answer; a test fails on any other, showing the body.
	 */
	public static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(200, 299);
		return response.body();
	}

	public HttpResponse<String> send(String method, String path, String contentType, String body,
			Map<String, String> headers) {
		return send(method, path, contentType, (body == null) ? null : body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public HttpResponse<String> send(String method, String path, String contentType, byte[] body,
			Map<String, String> headers) {
		return send(method, path, contentType, body, headers, HttpResponse.BodyHandlers.ofString());
	}

	/** A request whose answer is read as bytes: a download (xlsx, PDF). */
	public HttpResponse<byte[]> sendBytes(String method, String path, String contentType, Map<String, String> headers) {
		return send(method, path, contentType, null, headers, HttpResponse.BodyHandlers.ofByteArray());
	}

	private <T> HttpResponse<T> send(String method, String path, String contentType, byte[] body,
			Map<String, String> headers, HttpResponse.BodyHandler<T> handler) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Language", this.language)
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (headers != null) {
			// a header given here replaces this caller's own (its language, say)
			headers.forEach(request::setHeader);
		}
		try {
			return this.http.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a console form with this session's CSRF token. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			withToken.put("_csrf", this.csrf);
		}
		return send("POST", path, "application/x-www-form-urlencoded", form(withToken), null);
	}

	/**
	 * Posts a raw body to a console path, with this session's CSRF token as a query
	 * parameter (as the import page's script sends a ledger).
	 */
	public HttpResponse<String> postBody(String path, String contentType, byte[] body) {
		String withToken = (this.csrf == null) ? path : path + (path.contains("?") ? "&" : "?") + "_csrf="
				+ java.net.URLEncoder.encode(this.csrf, StandardCharsets.UTF_8);
		return send("POST", withToken, contentType, body, null);
	}

	/** A multipart/form-data body with one file part. */
	public HttpResponse<String> postFile(String path, String part, String filename, byte[] content,
			Map<String, String> headers) {
		String boundary = "matrix" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (this.csrf != null) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
						+ "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), headers);
	}

	private static byte[] form(Map<String, String> fields) {
		StringBuilder out = new StringBuilder();
		fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token in " + html);
		}
		return matcher.group(1);
	}

}
