package org.yizhan.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session that is older than the absolute lifetime (12 h, however active
 * it was) or whose account may no longer act, on the request that finds it so; the idle
 * timeout (30 min) is the session store's. The sign-in instant is written by the login's
 * success handler ({@link #SIGNED_IN_AT}).
 */
class SessionGuardFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "yizhan.signedInAt";

	private final SignedInGuard guard;

	private final Clock clock;

	private final Duration absoluteLifetime;

	SessionGuardFilter(SignedInGuard guard, Clock clock, Duration absoluteLifetime) {
		this.guard = guard;
		this.clock = clock;
		this.absoluteLifetime = absoluteLifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && signedIn != null && signedIn.isAuthenticated()
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
			Authentication current = tooOld(session) ? null : guard.refresh(signedIn);
			if (current == null) {
				SecurityContextHolder.clearContext();
				session.invalidate();
			}
			else if (current != signedIn) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(current);
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private boolean tooOld(HttpSession session) {
		Object signedInAt = session.getAttribute(SIGNED_IN_AT);
		return !(signedInAt instanceof Long millis) || clock.millis() - millis >= this.absoluteLifetime.toMillis();
	}

}
