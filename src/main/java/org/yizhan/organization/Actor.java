package org.yizhan.organization;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in account a request acts for: whose subtree it sees and which roles it
 * holds. Scoping and the audit log read it; nothing else about the login leaks out of
 * this module.
 *
 * @param accountId the account's id
 * @param username the login name
 * @param organizationCode the organisation the account belongs to
 * @param organizationPath that organisation's path ({@link Organization#path()}); the
 * subtree the account sees is every path equal to it or below it
 * @param roles the roles held, never empty
 */
public record Actor(long accountId, String username, String organizationCode, String organizationPath,
		Set<Role> roles) {

	public Actor {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(organizationCode, "organizationCode");
		Objects.requireNonNull(organizationPath, "organizationPath");
		roles = Set.copyOf(roles);
	}

	/** The actor of the current request, if it is signed in with an account. */
	public static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Principal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/**
	 * The actor of the current request, for a use case that only an account may run: a
	 * caller signed in with none (anonymous, or a session without an account) is refused
	 * like any caller without the right role.
	 * @throws AccessDeniedException when no account is signed in
	 */
	public static Actor required() {
		return current().orElseThrow(() -> new AccessDeniedException("not signed in with an account"));
	}

	public boolean holds(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the actor is a union's own staff ({@link Role#UNION_ROLES}), who see the
	 * whole subtree of their organisation, rather than only some stations.
	 */
	public boolean isUnionStaff() {
		return this.roles.stream().anyMatch(Role.UNION_ROLES::contains);
	}

	/** Whether the organisation at {@code path} is this actor's own or lies below it. */
	public boolean sees(String path) {
		return path.equals(this.organizationPath) || path.startsWith(this.organizationPath + "/");
	}

	/**
	 * Implemented by the authentication principal of an account (session or token), so
	 * that {@link #current()} finds the actor.
	 */
	public interface Principal {

		Actor actor();

	}

}
