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

	public static String of(HttpServletRequest request) {
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
