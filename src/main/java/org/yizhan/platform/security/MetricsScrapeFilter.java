package org.yizhan.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a scrape of {@code /actuator/prometheus} in with the {@link MetricsScrapeToken}:
 * the request then holds {@link Authorities#METRICS_SCRAPE} and nothing else. A request
 * without the token goes on unauthenticated and the chain answers it 401; a wrong token
 * is answered 401 at once, like a missing one, so the two read alike.
 */
class MetricsScrapeFilter extends OncePerRequestFilter {

	/** What a refused scrape is told: which scheme to use, not why it failed. */
	static final String CHALLENGE = "Bearer realm=\"yizhan-metrics\"";

	private static final String PREFIX = "Bearer ";

	private final MetricsScrapeToken token;

	MetricsScrapeFilter(MetricsScrapeToken token) {
		this.token = token;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.token.matches(header.substring(PREFIX.length()))) {
			refuse(response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new Scraper());
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	static void refuse(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
	}

	/** The scraper: no account, one authority. */
	private static final class Scraper extends AbstractAuthenticationToken {

		Scraper() {
			super(List.of(new SimpleGrantedAuthority(Authorities.METRICS_SCRAPE)));
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return "metrics-scraper";
		}

	}

}
