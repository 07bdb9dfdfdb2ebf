package org.yizhan.platform.security;

import java.util.Objects;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A module's own request rules, contributed to one of the platform's two filter chains as
 * a bean: the public URLs it serves without an account, and the authorities its other
 * URLs need beyond the chain's defaults. A module declares its rules in a configuration
 * class of its own ({@code finder.web.FinderWebConfiguration}, ...); the platform applies
 * every module's rules in {@link #order() order}, lowest first, and then its defaults: on
 * the API, GET and HEAD need {@link #read()} and every other method {@link #write()}; on
 * pages, {@code /console/**} needs a current password and the rest is open.
 *
 * <p>
 * Spring Security takes the first rule whose matcher fits a request, so a rule for a
 * prefix that other modules' rules cut into ({@code /api/v1/me/**} around
 * {@code /api/v1/me/notifications}) is declared with order {@link #PREFIX}: it then comes
 * after every {@link #SPECIFIC} rule. Whatever anyone may GET they may HEAD (RFC 9110),
 * so a rule for GET comes with the same rule for HEAD.
 *
 * <p>
 * A module adds rules for its own paths only; the catch-all ({@code anyRequest}) belongs
 * to the platform, so {@link Registry} does not offer it.
 *
 * @param chain the chain the rules belong to
 * @param order where the rules go among the other modules' rules, lowest first
 * @param rules the rules, added to the chain's {@code authorizeHttpRequests}
 */
public record AccessRules(Chain chain, int order, Customizer<Registry> rules) implements Ordered {

	/** The usual order: rules for paths no other module's rule covers. */
	public static final int SPECIFIC = 0;

	/** After every specific rule: rules for a prefix that other rules cut into. */
	public static final int PREFIX = 1000;

	public AccessRules {
		Objects.requireNonNull(chain, "chain");
		Objects.requireNonNull(rules, "rules");
	}

	/** Rules for the JSON API ({@code /api/**}: stateless, Basic or Bearer token). */
	public static AccessRules api(Customizer<Registry> rules) {
		return new AccessRules(Chain.API, SPECIFIC, rules);
	}

	/** Rules for pages (the console's session, public pages). */
	public static AccessRules pages(Customizer<Registry> rules) {
		return new AccessRules(Chain.PAGES, SPECIFIC, rules);
	}

	/** The same rules at another place in the order. */
	public AccessRules ordered(int order) {
		return new AccessRules(this.chain, order, this.rules);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * An API read: a current password or a token with the READ scope. Every API GET needs
	 * it unless a rule says otherwise.
	 */
	public static AuthorizationManager<RequestAuthorizationContext> read() {
		return allOf(Authorities.SCOPE_READ, Authorities.PASSWORD_CURRENT);
	}

	/**
	 * An API change: a current password or a token with the WRITE scope. Every API call
	 * other than GET and HEAD needs it unless a rule says otherwise.
	 */
	public static AuthorizationManager<RequestAuthorizationContext> write() {
		return allOf(Authorities.SCOPE_WRITE, Authorities.PASSWORD_CURRENT);
	}

	/** Every one of the {@link Authorities} named. */
	public static AuthorizationManager<RequestAuthorizationContext> allOf(String... authorities) {
		@SuppressWarnings("unchecked")
		AuthorizationManager<RequestAuthorizationContext>[] managers = new AuthorizationManager[authorities.length];
		for (int i = 0; i < authorities.length; i++) {
			managers[i] = AuthorityAuthorizationManager.hasAuthority(authorities[i]);
		}
		return AuthorizationManagers.allOf(managers);
	}

	/** Where rules are added: Spring Security's registry of a chain's request rules. */
	public interface Registry {

		/** One rule per call, in the order of the calls. */
		AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requestMatchers(HttpMethod method,
				String... patterns);

		/** One rule per call, in the order of the calls, for every method. */
		AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl requestMatchers(String... patterns);

	}

	/** The platform's two filter chains. */
	public enum Chain {

		/** {@code /api/**}. */
		API,
		/** Everything else: the console and the public pages. */
		PAGES

	}

}
