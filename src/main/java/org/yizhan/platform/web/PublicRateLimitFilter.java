package org.yizhan.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import static java.util.stream.Collectors.toUnmodifiableSet;
import org.yizhan.platform.Languages;

/**
 * A token bucket per client address for the anonymous API's paths that modules name as
 * {@link RateLimitedPaths}: a burst of {@code yizhan.rate-limit.public.burst} requests,
 * refilled at {@code yizhan.rate-limit.public.per-second}. Generous on purpose: many
 * riders share one carrier address. Past it, 429 with {@code Retry-After}. Buckets of
 * idle clients are dropped after ten minutes, and at most 100,000 are kept.
 *
 * <p>
 * A request is matched on the path the dispatcher will route ({@link RoutedPath}), not
 * the raw {@code getRequestURI()}: {@code /api/v1/stations/%6Eearby} reaches the same
 * controller as {@code /api/v1/stations/nearby} and must spend from the same bucket.
 */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

	/** What the modules contributed as {@link RateLimitedPaths}. */
	private final Set<String> paths;

	private final boolean enabled;

	private final TokenBuckets<String> buckets;

	private final MessageSource messages;

	PublicRateLimitFilter(@Value("${yizhan.rate-limit.public.enabled:true}") boolean enabled,
			@Value("${yizhan.rate-limit.public.burst:120}") long burst,
			@Value("${yizhan.rate-limit.public.per-second:20}") long perSecond, MessageSource messages,
			ObjectProvider<RateLimitedPaths> limited) {
		this.enabled = enabled;
		this.paths = limited.orderedStream()
			.flatMap(contribution -> contribution.paths().stream())
			.collect(toUnmodifiableSet());
		this.buckets = new TokenBuckets<>(burst, perSecond, Duration.ofSeconds(1), 100_000, Duration.ofMinutes(10));
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !enabled || !this.paths.contains(RoutedPath.of(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = buckets.take(request.getRemoteAddr());
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = TokenBuckets.retryAfterSeconds(wait.get());
		Locale locale = Languages.preferred(request);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(retryAfter));
		response.setContentType("application/problem+json;charset=UTF-8");
		String title = messages.getMessage("problem.too-many-requests", null, locale);
		String detail = messages.getMessage("problem.too-many-requests.detail", new Object[] { retryAfter }, locale);
		response.getWriter()
			.write("{\"type\":\"https://yizhan.org/problems/too-many-requests\",\"title\":\"" + title
					+ "\",\"status\":429,\"detail\":\"" + detail + "\"}");
	}

}
