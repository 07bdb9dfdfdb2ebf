package org.yizhan.platform.web;

import java.util.List;

/**
 * Paths of a module's anonymous API that the public rate limit guards (a token bucket per
 * client address, {@code yizhan.rate-limit.public.*}), contributed as a bean by the
 * module that serves them. Exact request paths, no patterns: the limit is checked on
 * every request, so it is a set lookup.
 *
 * @param paths the request paths, such as {@code /api/v1/stations/nearby}
 */
public record RateLimitedPaths(List<String> paths) {

	public RateLimitedPaths {
		paths = List.copyOf(paths);
	}

	public static RateLimitedPaths of(String... paths) {
		return new RateLimitedPaths(List.of(paths));
	}

}
