package org.yizhan.organization.access;

import java.util.Arrays;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who the current request acts for, for the checks of this module: the signed-in
 * {@link Actor}, refused when it lacks the roles a use case needs.
 */
public final class Callers {

	private Callers() {
	}

	public static Optional<Actor> current() {
		return Actor.current();
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

}
