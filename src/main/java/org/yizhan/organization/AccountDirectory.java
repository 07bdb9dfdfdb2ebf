package org.yizhan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yizhan.platform.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who can be reached, and where: for modules that address accounts outside any request (a
 * digest job, mail delivery), where there is no signed-in caller whose scope would apply.
 * It hands out an e-mail address in clear only to be written into a mail's envelope,
 * never to be shown.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	AccountDirectory(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** The enabled accounts holding at least one of {@code roles}, by id. */
	public List<AccountSummary> listEnabledHolding(Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.organization_code, o.path, a.roles
				from account a join organization o on o.code = a.organization_code
				where a.enabled and a.roles && cast(:roles as varchar(32)[])
				order by a.id
				""")
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}")
			.query((rs, row) -> summary(rs))
			.list();
	}

	/**
	 * The enabled accounts that belong to one of the organisations (not to one below
	 * them) and hold {@code role}, by id: e.g. a union's own admins.
	 */
	public List<AccountSummary> listEnabledHoldingAt(Collection<String> organizationCodes, Role role) {
		if (organizationCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.organization_code, o.path, a.roles
				from account a join organization o on o.code = a.organization_code
				where a.enabled and a.organization_code in (:codes) and cast(:role as varchar(32)) = any(a.roles)
				order by a.id
				""")
			.param("codes", List.copyOf(organizationCodes))
			.param("role", role.name())
			.query((rs, row) -> summary(rs))
			.list();
	}

	/**
	 * The enabled accounts holding {@code role} whose organisation lies on the line of
	 * {@code path} (the organisation itself, one above it or one below it), by display
	 * name: who may be named for a station of that district. The caller narrows them to
	 * what its own caller may see.
	 */
	public List<AccountSummary> listEnabledOnLine(String path, Role role) {
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.organization_code, o.path, a.roles
				from account a join organization o on o.code = a.organization_code
				where a.enabled and cast(:role as varchar(32)) = any(a.roles)
				  and (o.path = :path or o.path like :path || '/%' or :path like o.path || '/%')
				order by a.display_name, a.username
				""").param("path", path).param("role", role.name()).query((rs, row) -> summary(rs)).list();
	}

	private static AccountSummary summary(ResultSet rs) throws SQLException {
		Set<Role> held = EnumSet.noneOf(Role.class);
		for (String role : (String[]) rs.getArray("roles").getArray()) {
			held.add(Role.valueOf(role));
		}
		return new AccountSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("organization_code"), rs.getString("path"), held, true);
	}

	/** The e-mail address the account gave for its notifications, in clear. */
	public Optional<String> findEmail(long accountId) {
		return this.jdbc.sql("select email_sealed from account where id = :id and email_sealed is not null")
			.param("id", accountId)
			.query(String.class)
			.optional()
			.map(this.cipher::open);
	}

}
