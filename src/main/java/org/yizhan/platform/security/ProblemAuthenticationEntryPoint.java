package org.yizhan.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
		boolean english = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
				&& request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null;
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
