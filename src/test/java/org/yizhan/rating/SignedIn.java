package org.yizhan.rating;

import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Acts as a real account of the demo city in tests that call the rating module directly
 * (a review records its reviewer's account id, so the account must exist).
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** Signs in as {@code username} with its organisation and roles as stored. */
	public static Actor as(JdbcClient jdbc, String username) {
		Actor actor = jdbc.sql("""
				select a.id, a.organization_code, o.path, a.roles from account a
				join organization o on o.code = a.organization_code where a.username = :username""")
			.param("username", username)
			.query((rs, row) -> {
				Set<Role> roles = new java.util.HashSet<>();
				for (String role : (String[]) rs.getArray("roles").getArray()) {
					roles.add(Role.valueOf(role));
				}
				return new Actor(rs.getLong("id"), username, rs.getString("organization_code"), rs.getString("path"),
						roles);
			})
			.single();
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
		return actor;
	}

	public static void out() {
		SecurityContextHolder.clearContext();
	}

}
