package org.yizhan.finder.web;

import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.RateLimitedPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What the finder adds to the platform's web: its nearby, viewport and place answers are
 * for everyone (workers use them without an account), under the public rate limit. Its
 * pages and feeds are public like every page outside the console.
 */
@Configuration(proxyBeanMethods = false)
class FinderWebConfiguration {

	static final String[] PUBLIC_API = { "/api/v1/stations/nearby", "/api/v1/stations/in-box", "/api/v1/places" };

	@Bean
	AccessRules finderPublicApi() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll();
			requests.requestMatchers(HttpMethod.HEAD, PUBLIC_API).permitAll();
		});
	}

	@Bean
	RateLimitedPaths finderRateLimitedPaths() {
		return RateLimitedPaths.of(PUBLIC_API);
	}

}
