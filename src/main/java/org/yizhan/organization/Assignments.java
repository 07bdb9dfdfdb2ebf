package org.yizhan.organization;

import java.util.List;
import java.util.Optional;

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

	/** The host (承建单位) a host account speaks for. */
	public Optional<String> hostOf(Actor actor) {
		return this.jdbc.sql("select host_name from account where id = :account and host_name is not null")
			.param("account", actor.accountId())
			.query(String.class)
			.optional();
	}

}
