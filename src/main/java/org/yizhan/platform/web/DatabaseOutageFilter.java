package org.yizhan.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import org.yizhan.platform.Languages;

/**
 * Answers 503 with {@code Retry-After} when the database is away and a servlet filter,
 * not a controller, finds out: the console's session lives in PostgreSQL (Spring
 * Session), so with the database gone a signed-in page fails in the session filter, after
 * the controllers' own error handling, and so does signing in (the sign-in page itself
 * needs no database: no session exists before signing in). The API gets problem details,
 * pages a short page in Chinese and English. Runs ahead of the session's filter.
 *
 * <p>
 * A failure that does not name the outage (a driver message without a connection
 * SQLSTATE, a library's own exception wrapping what it could not classify, something that
 * failed because a read came back empty) is still an outage if the database does not
 * answer now: the filter then asks the pool for a connection (bounded by the pool's
 * {@code connection-timeout}) before it lets the failure become a 500, so that every
 * request made while the database is away is answered 503, not only those whose failure
 * was recognised.
 */
@Component
class DatabaseOutageFilter implements Filter, Ordered {

	/** After the rating intake's (ADR 0008), ahead of Spring Session's (-2147483598). */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final MessageSource messages;

	private final JsonMapper json;

	private final byte[] page;

	private final DataSource dataSource;

	DatabaseOutageFilter(MessageSource messages, JsonMapper json, DataSource dataSource) throws IOException {
		this.messages = messages;
		this.json = json;
		this.dataSource = dataSource;
		try (InputStream in = new ClassPathResource("templates/error/503.html").getInputStream()) {
			this.page = in.readAllBytes();
		}
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted() || !(request instanceof HttpServletRequest http)
					|| !(response instanceof HttpServletResponse answer)) {
				throw ex;
			}
			if (DatabaseOutage.isCause(ex)) {
				log.warn("The database is out of reach: {} {} answered 503 ({})", http.getMethod(),
						http.getRequestURI(), ex.toString());
			}
			else if (databaseAnswers()) {
				throw ex;
			}
			else {
				log.warn("The database is out of reach: {} {} answered 503 instead of failing with an unrecognised {}",
						http.getMethod(), http.getRequestURI(), ex.toString(), ex);
			}
			answer.reset();
			answer.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			answer.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
			answer.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (http.getRequestURI().startsWith(http.getContextPath() + "/api/")) {
				Locale locale = Languages.preferred(http);
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages
					.getMessage("problem.databaseAway", new Object[] { DatabaseOutage.RETRY_AFTER_SECONDS }, locale));
				problem.setType(URI.create("https://yizhan.org/problems/service-unavailable"));
				problem.setTitle(messages.getMessage("problem.service-unavailable", null, locale));
				answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				answer.getOutputStream().write(json.writeValueAsBytes(problem));
			}
			else {
				answer.setContentType(MediaType.TEXT_HTML_VALUE);
				answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
				answer.getOutputStream().write(page);
			}
		}
	}

	/** Whether the pool hands out a connection that is still valid. */
	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
