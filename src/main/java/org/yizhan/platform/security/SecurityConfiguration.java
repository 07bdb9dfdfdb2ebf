package org.yizhan.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Who may do what, until accounts and the union hierarchy arrive: one admin account
 * ({@code yizhan.demo.admin-password}) signs in to the console with a form and to the API
 * with HTTP Basic; public pages, assets and API docs are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMIN = "admin";

	/**
	 * The finder's answers and the catalogues' labels are for everyone: workers use them
	 * without an account.
	 */
	static final String[] PUBLIC_API = { "/api/v1/stations/nearby", "/api/v1/stations/in-box", "/api/v1/amenities",
			"/api/v1/host-types" };

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'",
			"img-src 'self' data: blob: https:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
			"font-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
			"base-uri 'self'", "object-src 'none'");

	/**
	 * The JSON API: stateless, Basic, no CSRF (no cookies are involved), 401 as problem
	 * details.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API)
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * Pages: the console behind a login form with CSRF protection; everything else
	 * public.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/console/**")
			.authenticated()
			.requestMatchers("/actuator/prometheus")
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console/stations", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(Customizer.withDefaults()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(PasswordEncoder encoder, @Value("${yizhan.demo.admin-password:}") String password) {
		if (!StringUtils.hasText(password)) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			log.warn("No yizhan.demo.admin-password set: the console login for this run is {} / {}", ADMIN, password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(encoder.encode(password)).roles("ADMIN").build());
	}

}
