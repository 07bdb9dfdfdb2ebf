package org.yizhan.organization;

import java.util.List;
import java.util.Set;

import org.yizhan.platform.security.Authorities;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signed-in accounts for tests, as the accounts slice will present them: an
 * authentication whose principal is an {@link Actor.Principal}.
 */
public final class Actors {

	private Actors() {
	}

	record TestPrincipal(Actor actor) implements Actor.Principal {

		@Override
		public String toString() {
			return actor.username();
		}

	}

	/** An account of the organisation at {@code path} (its last code) with one role. */
	public static Authentication signedIn(String username, String path, Role role) {
		String code = path.substring(path.lastIndexOf('/') + 1);
		Actor actor = new Actor(1, username, code, path, Set.of(role));
		// What a password sign-in grants besides the role (see the account module).
		return new UsernamePasswordAuthenticationToken(new TestPrincipal(actor), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name()),
						new SimpleGrantedAuthority(Authorities.PASSWORD_CURRENT),
						new SimpleGrantedAuthority(Authorities.INTERACTIVE),
						new SimpleGrantedAuthority(Authorities.SCOPE_READ),
						new SimpleGrantedAuthority(Authorities.SCOPE_WRITE)));
	}

}
