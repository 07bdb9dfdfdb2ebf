package org.yizhan.organization.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.security.Authorities;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a request is signed in as, in every way of signing in (console session, Basic,
 * access token). Kept small and serialisable: console sessions are stored in PostgreSQL.
 * It holds no password hash.
 */
public final class AccountPrincipal implements Actor.Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String username;

	private final String displayName;

	private final String organizationCode;

	private final String organizationPath;

	private final EnumSet<Role> roles;

	AccountPrincipal(Account account) {
		this.accountId = account.id();
		this.username = account.username();
		this.displayName = account.displayName();
		this.organizationCode = account.organizationCode();
		this.organizationPath = account.organizationPath();
		this.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
	}

	@Override
	public Actor actor() {
		return new Actor(accountId, username, organizationCode, organizationPath, roles);
	}

	public long accountId() {
		return accountId;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	/**
	 * The authorities of a sign-in: the roles, and what the way of signing in allows.
	 * @param passwordCurrent the password is neither expired nor waiting to be changed
	 * @param scopes for a token, its scopes; {@code null} for a password sign-in
	 */
	static Collection<GrantedAuthority> authorities(Set<Role> roles, boolean passwordCurrent, Set<TokenScope> scopes) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		if (passwordCurrent) {
			authorities.add(new SimpleGrantedAuthority(Authorities.PASSWORD_CURRENT));
		}
		if (scopes == null) {
			authorities.add(new SimpleGrantedAuthority(Authorities.INTERACTIVE));
			authorities.add(new SimpleGrantedAuthority(Authorities.SCOPE_READ));
			authorities.add(new SimpleGrantedAuthority(Authorities.SCOPE_WRITE));
		}
		else {
			scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.name())));
		}
		return authorities;
	}

	@Override
	public String toString() {
		return username;
	}

}
