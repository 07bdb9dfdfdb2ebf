package org.yizhan.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where workers reach the public pages, the start of every URL printed in a QR code:
 * {@code yizhan.public-base-url} when configured (production, behind the public domain),
 * otherwise the address the request came to. The request's address honours
 * {@code X-Forwarded-*} exactly as the application is configured to
 * ({@code server.forward-headers-strategy}): a proxy's headers are trusted only when the
 * operator said so, never by this class, so a client cannot make an admin print a code
 * that leads elsewhere. In the {@code prod} profile it must be configured: the
 * application refuses to start without it.
 */
@Component
public class PublicBaseUrl {

	private final String configured;

	/** The profile that marks a production instance. */
	public static final String PRODUCTION_PROFILE = "prod";

	PublicBaseUrl(@Value("${yizhan.public-base-url:}") String configured, Environment environment) {
		this.configured = (configured == null || configured.isBlank()) ? null : validated(configured.strip());
		if (this.configured == null && environment.matchesProfiles(PRODUCTION_PROFILE)) {
			// Taken from each request, the base would follow a spoofed Host header into
			// printed QR codes and status links: production must name its own.
			throw new IllegalStateException("yizhan.public-base-url is not set, and the '" + PRODUCTION_PROFILE
					+ "' profile is active: set it (YIZHAN_PUBLICBASEURL) to the address workers reach the public "
					+ "pages at, e.g. https://yizhan.example.cn; without it QR codes and status links would take the "
					+ "Host header of whoever asked");
		}
	}

	/** The base URL, without a trailing slash, e.g. {@code https://yz.example.cn}. */
	public String resolve(HttpServletRequest request) {
		if (this.configured != null) {
			return this.configured;
		}
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}

	/** Whether the base comes from configuration rather than from each request. */
	public boolean isConfigured() {
		return this.configured != null;
	}

	/**
	 * An absolute http(s) URL with a host and nothing after the path: it is printed on
	 * thousands of posters, so a mistake stops the start-up rather than a print run.
	 */
	static String validated(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw invalid(value, "it is not a URL");
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw invalid(value, "it must start with https:// (or http://)");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid(value, "it names no host");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw invalid(value, "it may not carry a query, a fragment or credentials");
		}
		String base = value;
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base;
	}

	private static IllegalStateException invalid(String value, String why) {
		return new IllegalStateException(
				"yizhan.public-base-url=" + value + " cannot start the URLs printed in QR codes: " + why);
	}

}
