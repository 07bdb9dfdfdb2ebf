package org.yizhan.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * yizhan speaks Chinese unless a client asks for English first in
 * {@code Accept-Language}: the one rule for pages, the API, and answers written before
 * Spring MVC has resolved a locale.
 */
public final class Languages {

	private Languages() {
	}

	public static Locale preferred(HttpServletRequest request) {
		Locale asked = request.getHeader("Accept-Language") == null ? null : request.getLocale();
		return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

}
