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

/**
 * One caller of the running application over real HTTP, as a client would be: with a
 * bearer token, with Basic, as a console session (cookies, CSRF token scraped from a
 * form) or anonymous. Redirects are not followed, so a test sees where they lead.
 */
public final class HttpCaller {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final String authorization;

	private String csrf;

	private HttpCaller(int port, String authorization, boolean cookies) {
		this.base = "http://localhost:" + port;
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
		this.http = cookies ? builder.cookieHandler(new CookieManager()).build() : builder.build();
		this.authorization = authorization;
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
		caller.csrf = csrfOf(caller.send("GET", "/login", null, (byte[]) null, null).body());
		if (username != null) {
			HttpResponse<String> login = caller.send("POST", "/login", "application/x-www-form-urlencoded",
					form(Map.of("username", username, "password", password, "_csrf", caller.csrf)), null);
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("error")) {
				throw new AssertionError("console sign-in of " + username + " failed: " + location);
			}
			// the token is rotated at sign-in: take the session's new one from a page
			caller.csrf = csrfOf(caller.send("GET", "/console/me/password", null, (byte[]) null, null).body());
		}
		return caller;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null, (byte[]) null, null);
	}

	public HttpResponse<String> send(String method, String path, String contentType, String body,
			Map<String, String> headers) {
		return send(method, path, contentType, (body == null) ? null : body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public HttpResponse<String> send(String method, String path, String contentType, byte[] body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Language", "zh-CN")
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (headers != null) {
			headers.forEach(request::header);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
