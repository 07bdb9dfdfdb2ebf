package org.yizhan.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request will be routed by, for filters that decide by path before (or
 * without) the dispatcher: percent-decoded ({@code /api/v1/stations/%6Eearby} is
 * {@code /api/v1/stations/nearby}), without path parameters ({@code ;jsessionid=…}), with
 * repeated slashes merged, dot segments resolved and no trailing slash. Matching the raw
 * {@code getRequestURI()} instead lets a client choose a spelling that the rule does not
 * know and the dispatcher still routes.
 */
public final class RoutedPath {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	static {
		PATHS.setUrlDecode(true);
		PATHS.setRemoveSemicolonContent(true);
		PATHS.setDefaultEncoding("UTF-8");
	}

	private RoutedPath() {
	}

	/**
	 * Whether {@code uri} already is its routed form: no escapes, path parameters,
	 * backslashes, repeated slashes, dot segments or trailing slash.
	 */
	private static boolean isPlain(String uri) {
		if (uri == null || uri.isEmpty() || uri.charAt(0) != '/') {
			return false;
		}
		int length = uri.length();
		for (int i = 0; i < length; i++) {
			char c = uri.charAt(i);
			if (c == '%' || c == ';' || c == '\\') {
				return false;
			}
			if (c == '/' && i + 1 < length && (uri.charAt(i + 1) == '/' || uri.charAt(i + 1) == '.')) {
				return false;
			}
		}
		return length == 1 || uri.charAt(length - 1) != '/';
	}

	public static String of(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (isPlain(uri) && request.getContextPath().isEmpty()) {
			// The usual case, and the rating intake's thousands a second: nothing to
			// decode or normalise.
			return uri;
		}
		String path = PATHS.getPathWithinApplication(request);
		if (path.indexOf('\\') >= 0) {
			path = path.replace('\\', '/');
		}
		path = StringUtils.cleanPath(path);
		while (path.contains("//")) {
			path = path.replace("//", "/");
		}
		if (path.isEmpty() || path.charAt(0) != '/') {
			path = "/" + path;
		}
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

}
