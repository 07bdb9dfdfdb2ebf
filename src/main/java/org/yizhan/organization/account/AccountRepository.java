package org.yizhan.organization.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yizhan.organization.Role;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores accounts with plain SQL. Every read that takes an id from outside is scoped to a
 * subtree here, in the query, so a foreign account is simply not found.
 */
@Repository
class AccountRepository {

	private static final String SELECT = """
			select a.id, a.username, a.display_name, a.organization_code, o.path as organization_path, a.roles,
			       a.enabled, a.locked_until, a.failed_attempts, a.password_hash, a.password_changed_at,
			       a.must_change_password, a.mobile_sealed, a.id_number_sealed, a.email_sealed, a.host_name,
			       a.contract_ends_on,
			       a.created_at, a.updated_at, a.version,
			       array(select s.station_id from account_station s where s.account_id = a.id) as station_ids
			from account a join organization o on o.code = a.organization_code
			""";

	private static final String IN_SUBTREE = " (o.path = :path or o.path like :path || '/%') ";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findById(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AccountRepository::map).optional();
	}

	/** The account with this id if it belongs to the subtree at {@code path}. */
	Optional<Account> findInSubtree(long id, String path) {
		return jdbc.sql(SELECT + " where a.id = :id and" + IN_SUBTREE)
			.param("id", id)
			.param("path", path)
			.query(AccountRepository::map)
			.optional();
	}

	/** Like {@link #findInSubtree} but locks the row for the change that follows. */
	Optional<Account> lockInSubtree(long id, String path) {
		return jdbc.sql(SELECT + " where a.id = :id and" + IN_SUBTREE + " for update of a")
			.param("id", id)
			.param("path", path)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findByUsername(String username) {
		return jdbc.sql(SELECT + " where lower(a.username) = lower(:username)")
			.param("username", username)
			.query(AccountRepository::map)
			.optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from account where lower(username) = lower(:username)")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	AccountPage search(String path, AccountQuery query, int page, int size) {
		StringBuilder where = new StringBuilder(" where" + IN_SUBTREE);
		if (query.organizationCode() != null) {
			where.append(" and a.organization_code = :org");
		}
		if (query.role() != null) {
			where.append(" and :role = any(a.roles)");
		}
		if (query.enabled() != null) {
			where.append(" and a.enabled = :enabled");
		}
		if (query.text() != null) {
			where.append(" and (a.username ilike :text or a.display_name ilike :text)");
		}
		JdbcClient.StatementSpec count = bind(jdbc
			.sql("select count(*) from account a join organization o on " + "o.code = a.organization_code" + where),
				path, query);
		long total = count.query(Long.class).single();
		List<Account> accounts = bind(
				jdbc.sql(SELECT + where + " order by o.path, lower(a.username) limit :limit offset :offset"), path,
				query)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AccountRepository::map)
			.list();
		return new AccountPage(accounts, page, size, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String path, AccountQuery query) {
		spec = spec.param("path", path);
		if (query.organizationCode() != null) {
			spec = spec.param("org", query.organizationCode());
		}
		if (query.role() != null) {
			spec = spec.param("role", query.role().name());
		}
		if (query.enabled() != null) {
			spec = spec.param("enabled", query.enabled());
		}
		if (query.text() != null) {
			spec = spec.param("text",
					"%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return spec;
	}

	long insert(Account account) {
		long id = jdbc.sql("""
				insert into account (username, display_name, organization_code, roles, enabled, failed_attempts,
				    password_hash, password_changed_at, must_change_password, mobile_sealed, id_number_sealed,
				    email_sealed, host_name, contract_ends_on, created_at, updated_at, version)
				values (:username, :displayName, :org, :roles::varchar(32)[], :enabled, 0, :hash, :changedAt,
				    :mustChange, :mobile, :idNumber, :email, :hostName, :contractEndsOn, :createdAt, :updatedAt, 0)
				returning id
				""")
			.param("username", account.username())
			.param("createdAt", Timestamp.from(account.createdAt()))
			.params(editableFields(account))
			.query(Long.class)
			.single();
		replaceStations(id, account.stationIds());
		return id;
	}

	/**
	 * Saves every field an admin or the account holder changes, if the stored version is
	 * still {@code account.version()}; returns the new version.
	 */
	long update(Account account) {
		int updated = jdbc
			.sql("""
					update account set display_name = :displayName, organization_code = :org,
					    roles = :roles::varchar(32)[], enabled = :enabled, locked_until = :lockedUntil,
					    failed_attempts = :failed, password_hash = :hash, password_changed_at = :changedAt,
					    must_change_password = :mustChange, mobile_sealed = :mobile, id_number_sealed = :idNumber,
					    email_sealed = :email, host_name = :hostName, contract_ends_on = :contractEndsOn, updated_at = :updatedAt,
					    version = version + 1
					where id = :id and version = :version
					""")
			.param("lockedUntil", account.lockedUntil() == null ? null : Timestamp.from(account.lockedUntil()))
			.param("failed", account.failedAttempts())
			.params(editableFields(account))
			.param("id", account.id())
			.param("version", account.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException(
					"Account " + account.id() + " changed since version " + account.version());
		}
		replaceStations(account.id(), account.stationIds());
		return account.version() + 1;
	}

	/**
	 * The values of the fields that both a new account and a saved change write, by the
	 * names {@link #insert} and {@link #update} bind them to.
	 */
	private static Map<String, Object> editableFields(Account account) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("displayName", account.displayName());
		fields.put("org", account.organizationCode());
		fields.put("roles", rolesLiteral(account.roles()));
		fields.put("enabled", account.enabled());
		fields.put("hash", account.passwordHash());
		fields.put("changedAt", Timestamp.from(account.passwordChangedAt()));
		fields.put("mustChange", account.mustChangePassword());
		fields.put("mobile", account.mobileSealed());
		fields.put("idNumber", account.idNumberSealed());
		fields.put("email", account.emailSealed());
		fields.put("hostName", account.hostName());
		fields.put("contractEndsOn", account.contractEndsOn());
		fields.put("updatedAt", Timestamp.from(account.updatedAt()));
		return fields;
	}

	/**
	 * Counts a failed sign-in in one statement, so concurrent failures all count; a count
	 * whose last failure is before {@code forgottenBefore} starts over. Returns the count
	 * after this failure.
	 */
	int recordFailure(long id, Instant now, Instant forgottenBefore) {
		return jdbc.sql("""
				update account set
				    failed_attempts = case when last_failed_at is null or last_failed_at < :forgotten then 1
				                           else failed_attempts + 1 end,
				    last_failed_at = :now
				where id = :id
				returning failed_attempts
				""")
			.param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(forgottenBefore))
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Pauses the account's sign-in until {@code until} (the back-off of its failures).
	 */
	void pause(long id, Instant until) {
		jdbc.sql("update account set locked_until = :until where id = :id")
			.param("until", Timestamp.from(until))
			.param("id", id)
			.update();
	}

	void recordSuccess(long id) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id and "
				+ "(failed_attempts > 0 or locked_until is not null)")
			.param("id", id)
			.update();
	}

	/** A stronger hash of the same password (an old scheme upgraded at sign-in). */
	void rehash(long id, String hash) {
		jdbc.sql("update account set password_hash = :hash where id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	/** The ids among {@code stationIds} of stations in the subtree at {@code path}. */
	Set<Long> stationsInSubtree(Set<Long> stationIds, String path) {
		if (stationIds.isEmpty()) {
			return Set.of();
		}
		// The binding table refers to station rows already (FK); reading their district
		// here
		// keeps the subtree rule in SQL without a call back into the station module,
		// which
		// depends on this one.
		return new TreeSet<>(jdbc
			.sql("select s.id from station s join organization o on o.code = s.district_code "
					+ "where s.id in (:ids) and" + IN_SUBTREE)
			.param("ids", stationIds)
			.param("path", path)
			.query(Long.class)
			.list());
	}

	/** The ids of the stations with these codes, by code; unknown codes are left out. */
	Map<String, Long> stationIdsByCode(Set<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select s.code, s.id from station s where s.code in (:codes)")
			.param("codes", codes)
			.query((rs, row) -> ids.put(rs.getString("code"), rs.getLong("id")))
			.list();
		return ids;
	}

	/** The stations with these ids, by code. */
	List<BoundStation> listStations(Set<Long> stationIds) {
		if (stationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select s.id, s.code, s.name from station s where s.id in (:ids) order by s.code")
			.param("ids", stationIds)
			.query((rs, row) -> new BoundStation(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
			.list();
	}

	/**
	 * Stations of the subtree at {@code path}, not delisted, whose code starts with or
	 * whose name contains {@code text}, by code.
	 */
	List<BoundStation> searchStations(String path, String text, int limit) {
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return jdbc
			.sql("select s.id, s.code, s.name from station s join organization o on o.code = s.district_code "
					+ "where s.status <> 'DELISTED' and (s.code like :prefix or s.name like :part) and" + IN_SUBTREE
					+ "order by s.code limit :limit")
			.param("prefix", escaped + "%")
			.param("part", "%" + escaped + "%")
			.param("path", path)
			.param("limit", limit)
			.query((rs, row) -> new BoundStation(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
			.list();
	}

	private void replaceStations(long accountId, Set<Long> stationIds) {
		jdbc.sql("delete from account_station where account_id = :id").param("id", accountId).update();
		for (Long stationId : stationIds) {
			jdbc.sql("insert into account_station (account_id, station_id) values (:account, :station)")
				.param("account", accountId)
				.param("station", stationId)
				.update();
		}
	}

	private static String rolesLiteral(Set<Role> roles) {
		return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : strings(rs.getArray("roles"))) {
			roles.add(Role.valueOf(role));
		}
		TreeSet<Long> stations = new TreeSet<>();
		Array stationArray = rs.getArray("station_ids");
		if (stationArray != null) {
			for (Object id : (Object[]) stationArray.getArray()) {
				stations.add(((Number) id).longValue());
			}
		}
		Timestamp lockedUntil = rs.getTimestamp("locked_until");
		LocalDate contractEndsOn = rs.getObject("contract_ends_on", LocalDate.class);
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("organization_code"), rs.getString("organization_path"), roles, rs.getBoolean("enabled"),
				lockedUntil == null ? null : lockedUntil.toInstant(), rs.getInt("failed_attempts"),
				rs.getString("password_hash"), rs.getTimestamp("password_changed_at").toInstant(),
				rs.getBoolean("must_change_password"), rs.getString("mobile_sealed"), rs.getString("id_number_sealed"),
				rs.getString("email_sealed"), stations, rs.getString("host_name"), contractEndsOn,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
