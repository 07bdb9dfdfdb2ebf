package org.yizhan.rating.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Takes {@code POST /api/v1/ratings} to its controller ahead of the servlet filters and
 * the dispatcher (ADR 0008). A rating is a small anonymous POST that the intake must take
 * thousands of times a second on two cores, and the way there through Spring Security's
 * filter chain, Spring Session's, the observation filter and the dispatcher cost the
 * server more CPU than the rating itself.
 *
 * <p>
 * The answer is the same: the same controller method, the same headers as the API's
 * filter chain writes, and every failure answered by the same exception handlers as
 * behind the dispatcher (the controller's own and {@code ApiProblems}), through the
 * dispatcher's own {@link HandlerExceptionResolver}. A request that carries credentials
 * takes the long way, so that a wrong credential is still answered 401; so does one whose
 * body is not JSON (415) and every other method and path.
 */
@Component
class RatingIntakeFilter implements Filter, Ordered {

	static final String PATH = "/api/v1/ratings";

	/** Ahead of every filter that Spring Boot, Spring Session and Spring Security add. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final RatingApiController controller;

	private final HandlerMethod handler;

	private final LocaleResolver locales;

	private final HandlerExceptionResolver failures;

	private final Timer answered;

	private final Timer refused;

	RatingIntakeFilter(RatingApiController controller, LocaleResolver locales,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver failures, MeterRegistry meters) {
		this.controller = controller;
		Method rate = ReflectionUtils.findMethod(RatingApiController.class, "rate", HttpServletRequest.class,
				HttpServletResponse.class, Locale.class);
		this.handler = new HandlerMethod(controller, rate);
		this.locales = locales;
		this.failures = failures;
		// What http.server.requests would have recorded of this path, which the
		// observation filter no longer sees.
		this.answered = Timer.builder("yizhan.rating.requests")
			.description("POST /api/v1/ratings, answered 201 or 200")
			.tag("outcome", "SUCCESS")
			.register(meters);
		this.refused = Timer.builder("yizhan.rating.requests")
			.description("POST /api/v1/ratings, refused (4xx, 5xx)")
			.tag("outcome", "REFUSED")
			.register(meters);
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
				|| !takes(request)) {
			chain.doFilter(req, res);
			return;
		}
		long started = System.nanoTime();
		Locale locale = locales.resolveLocale(request);
		LocaleContextHolder.setLocale(locale);
		try {
			securityHeaders(request, response);
			controller.rate(request, response, locale);
			answered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		catch (Exception ex) {
			if (failures.resolveException(request, response, handler, ex) == null) {
				if (ex instanceof IOException io) {
					throw io;
				}
				if (ex instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new ServletException(ex);
			}
			refused.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private static boolean takes(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		String type = request.getContentType();
		int length = MediaType.APPLICATION_JSON_VALUE.length();
		return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_JSON_VALUE, 0, length)
				&& (type.length() == length || type.charAt(length) == ';' || type.charAt(length) == ' ');
	}

	/** Spring Security's default headers, as the API's filter chain writes them. */
	private static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		response.setHeader(HttpHeaders.EXPIRES, "0");
		response.setHeader("X-Frame-Options", "DENY");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
