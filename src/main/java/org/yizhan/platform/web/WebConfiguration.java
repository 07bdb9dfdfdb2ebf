package org.yizhan.platform.web;

import java.time.Clock;
import java.time.Duration;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.yizhan.platform.Languages;

/**
 * Language and time for every request: Chinese unless the visitor chose English
 * ({@code ?lang=en}, remembered in a cookie) or their browser or API client asks for
 * English first.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * A WebJar file under a version: the segment after the library starts with a digit.
	 */
	static final String VERSIONED_WEBJARS = "/webjars/*/{version:\\d[-.+\\w]*}/**";

	@Bean
	Clock clock() {
		return Clock.system(YizhanTime.ZONE);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("yizhan-lang");
		resolver.setDefaultLocaleFunction(Languages::preferred);
		return resolver;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/login").setViewName("login");
	}

	/**
	 * WebJar files at their version's address ({@code /webjars/leaflet/1.9.4/...}, which
	 * is how the pages name them): a new version is a new address, so a copy can be kept
	 * for a year without asking again. Addresses without a version, and the application's
	 * own files, are revalidated (a 304 costs headers only; application.yml).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(VERSIONED_WEBJARS)
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
