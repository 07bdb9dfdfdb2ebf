package org.yizhan.platform.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link RequestBodyLimitFilter} first of all filters. It shares the highest
 * precedence with the rating intake's filter (ADR 0008), and Spring Boot registers
 * explicit registration beans before filter beans it adapts when their orders tie (a
 * stable sort), so this one runs first; {@code RequestBodyLimitTests} checks that on
 * {@code POST /api/v1/ratings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimits.class)
class RequestBodyLimitConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimits limits,
			MessageSource messages) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limits, messages));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		registration.setAsyncSupported(true);
		return registration;
	}

}
