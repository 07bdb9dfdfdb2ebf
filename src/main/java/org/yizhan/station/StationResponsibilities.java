package org.yizhan.station;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and names the responsibility chain of a station. Anyone who sees the station
 * reads it; a union admin of the station's subtree names it. Naming a station master or
 * liaison also binds them to the station, so that they see it from then on.
 */
@Service
@Transactional
public class StationResponsibilities {

	private final StationRepository stations;

	private final Assignments assignments;

	private final OrganizationTree organizations;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StationResponsibilities(StationRepository stations, Assignments assignments, OrganizationTree organizations,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.stations = stations;
		this.assignments = assignments;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The people and the union answering for a station.
	 *
	 * @param stationMaster the account id of the station master, or {@code null}
	 * @param liaison the account id of the liaison, or {@code null}
	 * @param generalStationMaster the account id of the general station master, or
	 * {@code null}
	 * @param supervisingUnion the code of the supervising union, an organisation on the
	 * station's line above or at its district; {@code null} for the district's union
	 * @param version the version read, to refuse a stale change; {@code null} to skip
	 */
	public record Input(Long stationMaster, Long liaison, Long generalStationMaster, String supervisingUnion,
			Long version) {
	}

	@Transactional(readOnly = true)
	public ResponsibilityChain get(StationId id) {
		Station station = stations.findVisible(id, scope()).orElseThrow(() -> StationNotFoundException.byId(id));
		return chainOf(station);
	}

	/**
	 * The chain of a station for the system's own work, with no caller to scope it:
	 * routing and escalating problem tickets, which a worker reports without an account
	 * and a job moves up. Never hand the answer to a caller who may not see the station.
	 * @throws StationNotFoundException when there is no such station
	 */
	@Transactional(readOnly = true)
	public ResponsibilityChain getForSystem(StationId id) {
		Station station = stations.findById(id).orElseThrow(() -> StationNotFoundException.byId(id));
		return chainOf(station);
	}

	/**
	 * The stations whose chain names the account at any level, for modules that show
	 * people what they answer for: a general station master is named without being bound
	 * to the stations, so the station scope alone does not include them.
	 */
	@Transactional(readOnly = true)
	public List<StationId> listStationsNaming(long accountId) {
		return jdbc.sql("""
				select station_id from station_responsibility
				where station_master_id = :account or liaison_id = :account or general_station_master_id = :account
				order by station_id
				""").param("account", accountId).query((rs, n) -> StationId.of(rs.getLong(1))).list();
	}

	public ResponsibilityChain assign(StationId id, Input input) {
		StationScope scope = scope();
		Station station = stations.lockVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		if (!scope.mayManage()) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		ResponsibilityChain before = chainOf(station);
		if (input.version() != null && input.version() != before.version()) {
			throw new ConflictException("version", "problem.staleVersion.detail", input.version(), before.version());
		}
		String districtPath = organizations.findByCode(station.details().districtCode())
			.map(Organization::path)
			.orElseThrow();
		List<Violation> violations = new ArrayList<>();
		AccountSummary master = person(input.stationMaster(), "stationMaster", Role.STATION_MASTER, scope, districtPath,
				violations);
		AccountSummary liaison = person(input.liaison(), "liaison", Role.LIAISON, scope, districtPath, violations);
		AccountSummary general = person(input.generalStationMaster(), "generalStationMaster", Role.STATION_MASTER,
				scope, districtPath, violations);
		Organization union = supervisingUnion(input.supervisingUnion(), station, districtPath, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long version = before.version() + 1;
		jdbc.sql("""
				insert into station_responsibility (station_id, station_master_id, liaison_id,
				    general_station_master_id, supervising_union_code, updated_at, version)
				values (:station, :master, :liaison, :general, :union, :now, :version)
				on conflict (station_id) do update set station_master_id = excluded.station_master_id,
				    liaison_id = excluded.liaison_id, general_station_master_id = excluded.general_station_master_id,
				    supervising_union_code = excluded.supervising_union_code, updated_at = excluded.updated_at,
				    version = excluded.version
				""")
			.param("station", id.value())
			.param("master", idOf(master))
			.param("liaison", idOf(liaison))
			.param("general", idOf(general))
			.param("union", union.code())
			.param("now", Timestamp.from(clock.instant()))
			.param("version", version)
			.update();
		for (AccountSummary runs : new AccountSummary[] { master, liaison }) {
			if (runs != null) {
				assignments.bind(runs.id(), id.value());
			}
		}
		ResponsibilityChain after = new ResponsibilityChain(master, liaison, general, union, version);
		events.publishEvent(new Audited("station.responsibility", "station", station.code().value(),
				station.details().districtCode(), summary(before), summary(after)));
		return after;
	}

	private ResponsibilityChain chainOf(Station station) {
		record Row(Long master, Long liaison, Long general, String union, long version) {
		}
		Optional<Row> row = jdbc.sql("""
				select station_master_id, liaison_id, general_station_master_id, supervising_union_code, version
				from station_responsibility where station_id = :station
				""")
			.param("station", station.id().value())
			.query((rs, n) -> new Row((Long) rs.getObject(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getLong(5)))
			.optional();
		String unionCode = row.map(Row::union).orElse(station.details().districtCode());
		Organization union = organizations.findByCode(unionCode).orElseThrow();
		return new ResponsibilityChain(account(row.map(Row::master)), account(row.map(Row::liaison)),
				account(row.map(Row::general)), union, row.map(Row::version).orElse(0L));
	}

	private AccountSummary account(Optional<Long> id) {
		return id.flatMap(assignments::findAccount).orElse(null);
	}

	/**
	 * The account named for one level: it must be one the admin sees (outside their
	 * subtree it is "not found", revealing nothing), enabled, hold the level's role and
	 * belong to the station's line (its district, a union above it or a street below).
	 */
	private AccountSummary person(Long id, String field, Role role, StationScope scope, String districtPath,
			List<Violation> violations) {
		if (id == null) {
			return null;
		}
		Optional<AccountSummary> found = assignments.findAccount(id)
			.filter(account -> scope.covers(account.organizationPath()));
		if (found.isEmpty()) {
			violations.add(Violation.of(field, "station.responsibility.unknownAccount", id));
			return null;
		}
		AccountSummary account = found.get();
		if (!account.enabled()) {
			violations.add(Violation.of(field, "station.responsibility.disabled", account.username()));
		}
		else if (!account.holds(role)) {
			violations.add(Violation.of(field, "station.responsibility.role", account.username(), role.name()));
		}
		else if (!onLine(account.organizationPath(), districtPath)) {
			violations.add(Violation.of(field, "station.responsibility.line", account.username()));
		}
		return account;
	}

	private Organization supervisingUnion(String code, Station station, String districtPath,
			List<Violation> violations) {
		String wanted = (code == null || code.isBlank()) ? station.details().districtCode() : code.strip();
		Optional<Organization> union = organizations.findByCode(wanted)
			.filter(found -> districtPath.equals(found.path()) || districtPath.startsWith(found.path() + "/"));
		if (union.isEmpty()) {
			violations.add(Violation.of("supervisingUnion", "station.responsibility.union", wanted));
			return null;
		}
		return union.get();
	}

	/** One path lies on the other's line: the same, above or below. */
	private static boolean onLine(String path, String districtPath) {
		return path.equals(districtPath) || path.startsWith(districtPath + "/") || districtPath.startsWith(path + "/");
	}

	private static Long idOf(AccountSummary account) {
		return (account != null) ? account.id() : null;
	}

	private static String summary(ResponsibilityChain chain) {
		return "stationMaster=" + name(chain.stationMaster()) + "; liaison=" + name(chain.liaison())
				+ "; generalStationMaster=" + name(chain.generalStationMaster()) + "; supervisingUnion="
				+ chain.supervisingUnion().code();
	}

	private static String name(AccountSummary account) {
		return Objects.toString((account != null) ? account.username() : null, "-");
	}

	private StationScope scope() {
		Actor actor = Actor.required();
		return StationScope.of(actor, assignments);
	}

}
