package org.yizhan.organization.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the current request acts for, for the checks of this module: the signed-in
 * {@link Actor}, refused when it lacks the roles a use case needs.
 */
public final class Callers {

	private Callers() {
	}

	public static Optional<Actor> current() {
		return Actor.current().or(Callers::legacyAdmin);
	}

	/**
	 * The current actor when it holds one of {@code roles}.
	 * @throws AccessDeniedException when no one is signed in or the roles are missing
	 */
	public static Actor require(Role... roles) {
		Actor actor = current().orElseThrow(() -> new AccessDeniedException("not signed in with an account"));
		if (Arrays.stream(roles).noneMatch(actor::holds)) {
			throw new AccessDeniedException(actor.username() + " holds none of " + Arrays.toString(roles));
		}
		return actor;
	}

	/**
	 * TEMPORARY, the one fallback until accounts exist (issue 4, slice {@code acc}): the
	 * single in-memory {@code admin} (authority {@code ROLE_ADMIN}) has no account, so it
	 * acts as a national ORG_ADMIN. Remove this method, and the {@code or(...)} in
	 * {@link #current()}, once the account principal implements {@link Actor.Principal}.
	 */
	private static Optional<Actor> legacyAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return admin ? Optional.of(new Actor(0, authentication.getName(), OrganizationTree.NATIONAL_CODE,
				OrganizationTree.NATIONAL_CODE, Set.of(Role.ORG_ADMIN))) : Optional.empty();
	}

}
