package org.yizhan.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an account is bound to beyond its organisation: the stations a station master or
 * liaison runs, the host a host account speaks for. Read fresh on each call rather than
 * carried in the sign-in, so that a changed binding takes effect on the next request,
 * like a disabled account does.
 */
@Service
@Transactional(readOnly = true)
public class Assignments {

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the stations the actor is bound to as station master or liaison. */
	public List<Long> stationsOf(Actor actor) {
		return this.jdbc.sql("select station_id from account_station where account_id = :account order by station_id")
			.param("account", actor.accountId())
			.query(Long.class)
			.list();
	}

	/** An account, if it exists, as other modules may know it. */
	public Optional<AccountSummary> findAccount(long id) {
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.organization_code, o.path, a.roles, a.enabled
				from account a join organization o on o.code = a.organization_code where a.id = :id
				""").param("id", id).query((rs, row) -> {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String role : (String[]) rs.getArray("roles").getArray()) {
				roles.add(Role.valueOf(role));
			}
			return new AccountSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("organization_code"), rs.getString("path"), roles, rs.getBoolean("enabled"));
		}).optional();
	}

	/**
	 * Binds an account to a station it runs (station master or liaison), so that it sees
	 * the station; binding twice is harmless.
	 */
	@Transactional
	public void bind(long accountId, long stationId) {
		this.jdbc.sql("""
				insert into account_station (account_id, station_id) values (:account, :station)
				on conflict do nothing""").param("account", accountId).param("station", stationId).update();
	}

	/** The host (承建单位) a host account speaks for. */
	public Optional<String> hostOf(Actor actor) {
		return this.jdbc.sql("select host_name from account where id = :account and host_name is not null")
			.param("account", actor.accountId())
			.query(String.class)
			.optional();
	}

}
