package org.yizhan.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.platform.Languages;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API's refusals that happen in the filter chain (before any controller) as
 * RFC 9457 problem details in the caller's language, like {@code ApiProblems} does for
 * the controllers: 401 for a missing or failed sign-in, 403 for a missing right.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SecurityProblems(MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * 401. A locked account says so (it does not reveal whether the password was right);
	 * every other failure reads alike, so that no answer tells which accounts exist.
	 */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		rethrowInternalError(ex);
		String code = codeOf(ex);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yizhan\", Bearer realm=\"yizhan\"");
		if (ex instanceof SignInPaused paused) {
			// when to try again: for a person in the text, for a client in Retry-After
			Instant now = clock.instant();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(paused.secondsLeft(now)));
			write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "problem.unauthorized", code,
					pauseArguments(paused, now));
			return;
		}
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "problem.unauthorized", code);
	}

	/**
	 * 403, saying why: an expired password, a read-only token, or the use case's reason.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (ex instanceof ForbiddenException forbidden) {
			this.events
				.publishEvent(new AccessRefused(request.getMethod(), request.getRequestURI(), forbidden.messageCode()));
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "problem.forbidden",
					forbidden.messageCode(), forbidden.args());
		}
		else if (!holds(signedIn, Authorities.PASSWORD_CURRENT)) {
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "password-change-required",
					"problem.password-change-required", "account.password.changeRequired");
		}
		else if (!holds(signedIn, Authorities.INTERACTIVE)) {
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "problem.forbidden",
					holds(signedIn, Authorities.SCOPE_WRITE) || "GET".equals(request.getMethod())
							? "account.token.notForTokens" : "account.token.readOnly");
		}
		else {
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "problem.forbidden",
					"account.forbidden");
		}
	}

	/**
	 * A sign-in that failed because the server did (the database away, say), not because
	 * the caller was refused, is not answered as a refusal: its cause goes on to the
	 * error handling, which answers 503 for a database outage
	 * ({@code platform.web.DatabaseOutageFilter}) and 500 otherwise. Without a session to
	 * load first, the sign-in form is the first to meet an outage, and it would have read
	 * "wrong username or password".
	 */
	static void rethrowInternalError(AuthenticationException ex) {
		if (ex instanceof InternalAuthenticationServiceException && ex.getCause() instanceof RuntimeException cause) {
			throw cause;
		}
	}

	/**
	 * The arguments of {@code account.login.locked}: whole minutes left, and the time in
	 * China when the pause ends ({@code HH:mm}).
	 */
	static Object[] pauseArguments(SignInPaused paused, Instant now) {
		return new Object[] { Long.toString(paused.minutesLeft(now)),
				CLOCK_TIME.format(paused.until().atZone(YizhanTime.ZONE)) };
	}

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static String codeOf(AuthenticationException ex) {
		if (ex instanceof SignInPaused) {
			return "account.login.locked";
		}
		if (ex instanceof LockedException) {
			return "account.login.lockedNow";
		}
		if (ex instanceof DisabledException) {
			return "account.login.disabled";
		}
		if (ex instanceof AccountExpiredException) {
			return "account.login.contractEnded";
		}
		if (ex instanceof BadCredentialsException) {
			// A wrong password or an unusable token, each with one text whatever the
			// cause.
			return "account.token.invalid".equals(ex.getMessage()) ? "account.token.invalid" : "account.login.failed";
		}
		return "account.login.required";
	}

	static boolean holds(Authentication authentication, String authority) {
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
			String titleCode, String detailCode, Object... args) throws IOException {
		Locale locale = Languages.preferred(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://yizhan.org/problems/" + type);
		problem.put("title", messages.getMessage(titleCode, null, titleCode, locale));
		problem.put("status", status);
		problem.put("detail", messages.getMessage(detailCode, args, detailCode, locale));
		problem.put("code", detailCode);
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
