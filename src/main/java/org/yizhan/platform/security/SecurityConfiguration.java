package org.yizhan.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may do what. The console signs in with a form (CSRF-protected, session in
 * PostgreSQL, 30 min idle and 12 h absolute); the JSON API with HTTP Basic or a personal
 * access token ({@code Authorization: Bearer yz_…}), statelessly. Accounts themselves,
 * their lockout and their tokens belong to the organisation module, which supplies the
 * {@link AuthenticationProvider}s and the {@link SignedInGuard}; this class only wires
 * them into the chains. Public pages, assets and API docs are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The finder's answers and the catalogues' labels are for everyone: workers use them
	 * without an account.
	 */
	static final String[] PUBLIC_API = { "/api/v1/stations/nearby", "/api/v1/stations/in-box", "/api/v1/amenities",
			"/api/v1/host-types" };

	/**
	 * What a worker sends from a station's QR page without an account: a rating, a
	 * problem report; and the status of a reported problem, by the number its reporter
	 * was given (not guessable). Abuse is handled by the rating module's own limits.
	 */
	static final String[] PUBLIC_SUBMISSIONS = { "/api/v1/ratings", "/api/v1/problems" };

	static final String[] PUBLIC_TICKET_STATUS = { "/api/v1/problems/*" };

	/**
	 * One's own inbox: unlike the rest of {@code /api/v1/me}, an access token may read it
	 * (READ) and mark it read (WRITE), so an integration can pass notices on; it holds no
	 * credential and changes nothing but its own read marks.
	 */
	static final String[] OWN_NOTIFICATIONS = { "/api/v1/me/notifications", "/api/v1/me/notifications/**" };

	static final String CHANGE_PASSWORD_PAGE = "/console/me/password";

	private static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'",
			"img-src 'self' data: blob: https:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
			"font-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
			"base-uri 'self'", "object-src 'none'");

	/** Whatever signed in, an API call also needs a current password (or a token). */
	private static final AuthorizationManager<RequestAuthorizationContext> READ = allOf(Authorities.SCOPE_READ,
			Authorities.PASSWORD_CURRENT);

	private static final AuthorizationManager<RequestAuthorizationContext> WRITE = allOf(Authorities.SCOPE_WRITE,
			Authorities.PASSWORD_CURRENT);

	@Bean
	AuthenticationManager authenticationManager(List<AuthenticationProvider> providers,
			ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(providers);
		// Failed sign-ins and refused tokens become events, which the audit log records.
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	SecurityProblems securityProblems(MessageSource messages, ApplicationEventPublisher events) {
		return new SecurityProblems(messages, events);
	}

	/**
	 * Spring Security observes each request's pass through a filter chain (an observation
	 * before and after the chain, an event per filter): on a rating, a small anonymous
	 * POST, that was about a fifth of the server's CPU. Those
	 * {@code spring.security.filterchains} observations are off; sign-ins
	 * ({@code spring.security.authentications}) and authorisation decisions
	 * ({@code spring.security.authorizations}) are still observed, and every request
	 * still has its {@code http.server.requests} metric (ADR 0007).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	/**
	 * The JSON API: stateless, Basic or Bearer, no CSRF (no cookies are involved); GET
	 * needs the READ scope and every other method WRITE, so a read-only token can never
	 * change anything. A token cannot manage tokens, passwords or the mail address
	 * ({@code /api/v1/me}); it may read its own notifications.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, SecurityProblems problems)
			throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authentication)
			// HEAD is GET without the body (RFC 9110): whatever anyone may GET, they may
			// HEAD.
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, PUBLIC_API)
				.permitAll()
				.requestMatchers(HttpMethod.POST, PUBLIC_SUBMISSIONS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, PUBLIC_TICKET_STATUS)
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, PUBLIC_TICKET_STATUS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, OWN_NOTIFICATIONS)
				.access(READ)
				.requestMatchers(HttpMethod.HEAD, OWN_NOTIFICATIONS)
				.access(READ)
				.requestMatchers(OWN_NOTIFICATIONS)
				.access(WRITE)
				.requestMatchers("/api/v1/me/password")
				.hasAuthority(Authorities.INTERACTIVE)
				.requestMatchers("/api/v1/me/**")
				.access(allOf(Authorities.INTERACTIVE, Authorities.PASSWORD_CURRENT))
				.requestMatchers(HttpMethod.GET, "/api/**")
				.access(READ)
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.access(READ)
				.anyRequest()
				.access(WRITE))
			.addFilterBefore(new BearerTokenFilter(authentication, problems), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * Pages: the console behind a login form with CSRF protection; an account whose
	 * password expired or was reset reaches only the change-password page; everything
	 * else public.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, SignedInGuard guard, Clock clock,
			@Value("${yizhan.security.absolute-session-lifetime:12h}") Duration absoluteLifetime) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/console/stations");
		http.authenticationManager(authentication)
			.authorizeHttpRequests(requests -> requests.requestMatchers(CHANGE_PASSWORD_PAGE)
				.authenticated()
				.requestMatchers("/console/**")
				.hasAuthority(Authorities.PASSWORD_CURRENT)
				.requestMatchers("/actuator/prometheus")
				.hasAuthority(Authorities.PASSWORD_CURRENT)
				.anyRequest()
				.permitAll())
			.addFilterAfter(new SessionGuardFilter(guard, clock, absoluteLifetime), SecurityContextHolderFilter.class)
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, signedIn) -> {
				request.getSession().setAttribute(SessionGuardFilter.SIGNED_IN_AT, clock.millis());
				success.onAuthenticationSuccess(request, response, signedIn);
			}).failureHandler(SecurityConfiguration::loginFailed).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, ex) -> {
				if (request.getHeader("HX-Request") != null) {
					// A fragment htmx fetches is never answered with the password page:
					// htmx would swap a whole page into a part of one. It leaves errors
					// be.
					response.sendError(HttpServletResponse.SC_FORBIDDEN);
				}
				else if (!SecurityProblems.holds(SecurityContextHolder.getContext().getAuthentication(),
						Authorities.PASSWORD_CURRENT)) {
					response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
				}
				else {
					response.sendError(HttpServletResponse.SC_FORBIDDEN);
				}
			}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * New passwords are hashed with Argon2id; hashes of other schemes (an import, an
	 * older default) still verify and are re-hashed at the next sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		String argon2 = "argon2";
		return new DelegatingPasswordEncoder(argon2, Map.of(argon2,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	/**
	 * Wrong password and unknown user read alike; a locked, disabled or ended account
	 * says so (those answers come only after the failure count or the password check, see
	 * the account module).
	 */
	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String reason = (ex instanceof LockedException) ? "locked" : (ex instanceof DisabledException) ? "disabled"
				: (ex instanceof AccountExpiredException) ? "ended" : "failed";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

	private static AuthorizationManager<RequestAuthorizationContext> allOf(String... authorities) {
		@SuppressWarnings("unchecked")
		AuthorizationManager<RequestAuthorizationContext>[] managers = new AuthorizationManager[authorities.length];
		for (int i = 0; i < authorities.length; i++) {
			managers[i] = AuthorityAuthorizationManager.hasAuthority(authorities[i]);
		}
		return AuthorizationManagers.allOf(managers);
	}

}
