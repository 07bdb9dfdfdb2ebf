package org.yizhan.platform.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.platform.web.Languages;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated API call with 401 problem details and a Basic challenge.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean english = Locale.ENGLISH.equals(Languages.preferred(request));
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yizhan\"");
		response.setContentType("application/problem+json;charset=UTF-8");
		String title = english ? "Unauthorized" : "未登录";
		String detail = english ? "Sign in with HTTP Basic to use this API." : "请使用 HTTP Basic 认证后再调用此接口。";
		response.getWriter()
			.write("{\"type\":\"https://yizhan.org/problems/unauthorized\",\"title\":\"" + title
					+ "\",\"status\":401,\"detail\":\"" + detail + "\"}");
	}

}
