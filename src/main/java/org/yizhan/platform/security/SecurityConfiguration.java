package org.yizhan.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.security.AccessRules.Chain;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Who may do what. The console signs in with a form (CSRF-protected, session in
 * PostgreSQL, 30 min idle and 12 h absolute); the JSON API with HTTP Basic or a personal
 * access token ({@code Authorization: Bearer yz_…}), statelessly. Accounts themselves,
 * their lockout and their tokens belong to the organisation module, which supplies the
 * {@link AuthenticationProvider}s and the {@link SignedInGuard}; this class only wires
 * them into the chains. Public pages and assets are open; the API document only to
 * signed-in staff (ADR 0013). No anonymous page creates a session. Each module adds the
 * rules of its own URLs (its public API, its own-profile paths) as {@link AccessRules}
 * beans; the chains here apply them ahead of their defaults.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String CHANGE_PASSWORD_PAGE = "/console/me/password";

	/** The metrics a Prometheus server scrapes; its own chain, {@link #metrics}. */
	static final String METRICS = "/actuator/prometheus";

	/**
	 * Request attributes that carry a page's refusal ({@link ForbiddenException}'s
	 * message code and arguments) to the error page.
	 */
	static final String REFUSAL_CODE = "yizhanRefusalCode";

	static final String REFUSAL_ARGS = "yizhanRefusalArgs";

	/**
	 * The page a signed-out visitor asked for is remembered in a cookie (a relative path
	 * only, read against the current host), not in a session: a session is created only
	 * by signing in.
	 */
	private static final CookieRequestCache REQUEST_CACHE = new CookieRequestCache();

	/** The API document and its Swagger UI: for signed-in staff only (ADR 0013). */
	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
			"/swagger-ui/**" };

	private static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'",
			"img-src 'self' data: blob: https:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
			"font-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'",
			"base-uri 'self'", "object-src 'none'");

	@Bean
	AuthenticationManager authenticationManager(List<AuthenticationProvider> providers,
			ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(providers);
		// Failed sign-ins and refused tokens become events, which the audit log records.
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	SecurityProblems securityProblems(MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		return new SecurityProblems(messages, events, clock);
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
	 * The Prometheus scrape, {@code /actuator/prometheus}: only the metrics scrape token
	 * ({@code yizhan.metrics.scrape-token}, {@link MetricsScrapeToken}) reads it,
	 * statelessly; no session, password or access token does, and a refusal is a plain
	 * 401 with a Bearer challenge, never a redirect to the sign-in page that a scraper
	 * cannot follow (ADR 0031). Without a configured token the metrics are closed to
	 * everyone.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, @Value("${yizhan.metrics.scrape-token:}") String scrapeToken)
			throws Exception {
		MetricsScrapeToken token = MetricsScrapeToken.of(scrapeToken);
		if (!token.configured()) {
			log.info("yizhan.metrics.scrape-token is not set: /actuator/prometheus answers 401 to every request");
		}
		AuthenticationEntryPoint challenge = (request, response, ex) -> MetricsScrapeFilter.refuse(response);
		http.securityMatcher(METRICS)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Authorities.METRICS_SCRAPE))
			.addFilterBefore(new MetricsScrapeFilter(token), BasicAuthenticationFilter.class)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(challenge)
				.accessDeniedHandler((request, response, ex) -> MetricsScrapeFilter.refuse(response)))
			// A session cookie that comes along is not read: the chain keeps no context
			// between requests, so a signed-in console never counts here.
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The JSON API: stateless, Basic or Bearer, no CSRF (no cookies are involved); GET
	 * needs the READ scope and every other method WRITE, so a read-only token can never
	 * change anything. The modules' {@link AccessRules} come first: the public answers,
	 * and what a token may not do.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, SecurityProblems problems,
			ObjectProvider<AccessRules> rules) throws Exception {
		http.securityMatcher("/api/**").authenticationManager(authentication).authorizeHttpRequests(requests -> {
			apply(rules, Chain.API, requests);
			// Whatever signed in, an API call also needs a current password (or a
			// token). HEAD is GET without the body (RFC 9110): whatever anyone may
			// GET, they may HEAD.
			requests.requestMatchers(HttpMethod.GET, "/api/**")
				.access(AccessRules.read())
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.access(AccessRules.read())
				.anyRequest()
				.access(AccessRules.write());
		})
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
			@Value("${yizhan.security.absolute-session-lifetime:12h}") Duration absoluteLifetime,
			ObjectProvider<AccessRules> rules) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		// Union staff land on their dashboard, everyone else on their stations (/console
		// decides); a page asked for before signing in is returned to, from the cookie
		// the entry point saved it in (the handler's default looks in a session, which an
		// anonymous visitor does not have).
		success.setDefaultTargetUrl("/console");
		success.setRequestCache(REQUEST_CACHE);
		AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint signInPage = (request, response, ex) -> {
			if (htmx(request)) {
				signInAgain(request, response);
			}
			else {
				loginPage.commence(request, response, ex);
			}
		};
		http.authenticationManager(authentication).authorizeHttpRequests(requests -> {
			// The one page an account whose password must change may open: the
			// refusals below send it there.
			requests.requestMatchers(CHANGE_PASSWORD_PAGE).authenticated();
			apply(rules, Chain.PAGES, requests);
			requests.requestMatchers(API_DOCS)
				.hasAuthority(Authorities.PASSWORD_CURRENT)
				.requestMatchers("/console/**")
				.hasAuthority(Authorities.PASSWORD_CURRENT)
				.anyRequest()
				.permitAll();
		})
			.addFilterAfter(new SessionGuardFilter(guard, clock, absoluteLifetime), SecurityContextHolderFilter.class)
			// No session before sign-in (issue 22): the login form's CSRF token lives in
			// a
			// cookie (HttpOnly: Thymeleaf writes it into each form) instead of a session,
			// and so does the page to return to. Anonymous pages then write no session
			// row; signing in creates the session and rotates the token.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
			.requestCache(cache -> cache.requestCache(REQUEST_CACHE))
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, signedIn) -> {
				request.getSession().setAttribute(SessionGuardFilter.SIGNED_IN_AT, clock.millis());
				success.onAuthenticationSuccess(request, response, signedIn);
			}).failureHandler((request, response, ex) -> loginFailed(request, response, ex, clock)).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(signInPage)
				.accessDeniedHandler((request, response, ex) -> {
					if (htmx(request)) {
						// A fragment htmx fetches is never answered with the password
						// page:
						// htmx would swap a whole page into a part of one. It leaves
						// errors
						// be.
						response.sendError(HttpServletResponse.SC_FORBIDDEN);
					}
					else if (!SecurityProblems.holds(SecurityContextHolder.getContext().getAuthentication(),
							Authorities.PASSWORD_CURRENT)) {
						response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
					}
					else {
						// The error page (error/403) says why, in the reader's language.
						if (ex instanceof ForbiddenException forbidden) {
							request.setAttribute(REFUSAL_CODE, forbidden.messageCode());
							request.setAttribute(REFUSAL_ARGS, forbidden.args());
						}
						response.sendError(HttpServletResponse.SC_FORBIDDEN);
					}
				}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * A part of a page that htmx asks for once the session has ended (idle, absolute
	 * lifetime, signed out elsewhere) is answered 401 with {@code HX-Redirect}: htmx then
	 * sends the whole browser to the sign-in page, where a redirect would have swapped
	 * the sign-in page into the part. The fragment's address is not kept for after the
	 * sign-in, which goes to the console's start instead of into a fragment.
	 */
	private static void signInAgain(HttpServletRequest request, HttpServletResponse response) {
		REQUEST_CACHE.removeRequest(request, response);
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
	}

	/**
	 * The CSRF token's cookie: HttpOnly (no script reads it), SameSite=Lax like the
	 * session's, and Secure whenever the request came over HTTPS (as told by
	 * {@code server.forward-headers-strategy} behind a proxy).
	 */
	private static CookieCsrfTokenRepository csrfCookie() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieName("YIZHAN-CSRF");
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return repository;
	}

	/** A request htmx sends for a part of a page. */
	private static boolean htmx(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null;
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
	 * Wrong password and unknown user read alike; a paused sign-in says for how long; a
	 * disabled or ended account says so (those answers come only after the failure count
	 * or the password check, see the account module).
	 */
	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex, Clock clock) throws IOException {
		SecurityProblems.rethrowInternalError(ex);
		if (ex instanceof SignInPaused paused) {
			// digits only (the page checks them again): when to try again
			Object[] when = SecurityProblems.pauseArguments(paused, clock.instant());
			response
				.sendRedirect(request.getContextPath() + "/login?error=locked&minutes=" + when[0] + "&at=" + when[1]);
			return;
		}
		String reason = (ex instanceof LockedException) ? "locked" : (ex instanceof DisabledException) ? "disabled"
				: (ex instanceof AccountExpiredException) ? "ended" : "failed";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

	/**
	 * The modules' rules for one chain, in their order, ahead of the chain's defaults.
	 */
	private static void apply(ObjectProvider<AccessRules> rules, Chain chain,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		AccessRules.Registry registry = new AccessRules.Registry() {

			@Override
			public AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requestMatchers(HttpMethod method,
					String... patterns) {
				return requests.requestMatchers(method, patterns);
			}

			@Override
			public AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requestMatchers(String... patterns) {
				return requests.requestMatchers(patterns);
			}

		};
		rules.orderedStream()
			.filter(contribution -> contribution.chain() == chain)
			.sorted(Comparator.comparingInt(AccessRules::order))
			.forEach(contribution -> contribution.rules().customize(registry));
	}

}
