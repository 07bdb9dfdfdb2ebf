package org.yizhan.station;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountNamedInChains;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.AccountUnboundFromStations;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.organization.ChainPlace;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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

	private final AccountDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** The module that keeps operators' contracts, if one does. */
	private final ObjectProvider<StationOperators> operators;

	StationResponsibilities(StationRepository stations, Assignments assignments, OrganizationTree organizations,
			AccountDirectory directory, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<StationOperators> operators) {
		this.operators = operators;
		this.stations = stations;
		this.assignments = assignments;
		this.organizations = organizations;
		this.directory = directory;
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

	/**
	 * Who an admin may name in a station's chain, for the station page's editor.
	 *
	 * @param stationMasters enabled station masters on the station's line the caller sees
	 * (also the choices for general station master)
	 * @param liaisons likewise, the liaisons
	 * @param unions the station's district union and those above it, nearest first
	 */
	public record Candidates(List<AccountSummary> stationMasters, List<AccountSummary> liaisons,
			List<Organization> unions) {
	}

	/**
	 * The choices of the chain's editor, or empty when the caller may read the chain but
	 * not name it.
	 * @throws StationNotFoundException when the caller does not see the station
	 */
	@Transactional(readOnly = true)
	public Optional<Candidates> findCandidates(StationId id) {
		StationScope scope = scope();
		Station station = stations.findVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		if (!scope.mayManage()) {
			return Optional.empty();
		}
		String districtPath = organizations.findByCode(station.details().districtCode())
			.map(Organization::path)
			.orElseThrow();
		List<Organization> unions = new ArrayList<>(organizations.listAncestry(station.details().districtCode()));
		Collections.reverse(unions);
		return Optional.of(new Candidates(onLine(Role.STATION_MASTER, districtPath, scope),
				onLine(Role.LIAISON, districtPath, scope), unions));
	}

	private List<AccountSummary> onLine(Role role, String districtPath, StationScope scope) {
		return directory.listEnabledOnLine(districtPath, role)
			.stream()
			.filter(account -> scope.covers(account.organizationPath()))
			.toList();
	}

	/**
	 * Binding an account to stations on its form and naming it in their chains are one
	 * action: the chains are written in the account's transaction, and a refusal (someone
	 * off a station's line) comes back as a mistake of the form's {@code chainPlace} and
	 * undoes the binding. A station whose chain already names the account there is left
	 * as it is.
	 */
	@EventListener
	void on(AccountNamedInChains named) {
		List<Violation> violations = new ArrayList<>();
		for (Long stationId : new TreeSet<>(named.stationIds())) {
			StationId id = StationId.of(stationId);
			ResponsibilityChain chain = get(id);
			AccountSummary master = chain.stationMaster();
			AccountSummary liaison = chain.liaison();
			AccountSummary general = chain.generalStationMaster();
			AccountSummary held = switch (named.place()) {
				case STATION_MASTER -> master;
				case LIAISON -> liaison;
				case GENERAL_STATION_MASTER -> general;
			};
			if (held != null && held.id() == named.accountId()) {
				continue;
			}
			Long account = named.accountId();
			Input input = new Input((named.place() == ChainPlace.STATION_MASTER) ? account : idOf(master),
					(named.place() == ChainPlace.LIAISON) ? account : idOf(liaison),
					(named.place() == ChainPlace.GENERAL_STATION_MASTER) ? account : idOf(general),
					chain.supervisingUnion().code(), chain.version());
			try {
				assign(id, input);
			}
			catch (InvalidInputException ex) {
				for (Violation violation : ex.violations()) {
					violations.add(Violation.of("chainPlace", violation.code(), violation.args().toArray()));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	/**
	 * An account taken off stations no longer answers for them as their station master or
	 * liaison: those levels fall empty (a ticket then skips them) in the account's
	 * transaction, each change audited. The rest of the chain is left as it is, even
	 * where it names someone since disabled: that is for an admin to change, not a reason
	 * to refuse the unbinding.
	 */
	@EventListener
	void on(AccountUnboundFromStations unbound) {
		for (Long stationId : new TreeSet<>(unbound.stationIds())) {
			Station station = stations.findById(StationId.of(stationId)).orElse(null);
			if (station == null) {
				continue;
			}
			ResponsibilityChain before = chainOf(station);
			int changed = jdbc.sql("""
					update station_responsibility
					set station_master_id = case when station_master_id = :account then null else station_master_id end,
					    liaison_id = case when liaison_id = :account then null else liaison_id end,
					    updated_at = :now, version = version + 1
					where station_id = :station and (station_master_id = :account or liaison_id = :account)
					""")
				.param("account", unbound.accountId())
				.param("station", stationId)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			if (changed > 0) {
				events.publishEvent(new Audited("station.responsibility", "station", station.code().value(),
						station.details().districtCode(), summary(before), summary(chainOf(station))));
			}
		}
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
		StationOperators contracts = operators.getIfAvailable();
		StationOperator operator = (contracts != null)
				? contracts.findInForce(station.id(), LocalDate.now(clock.withZone(YizhanTime.ZONE))).orElse(null)
				: null;
		return new ResponsibilityChain(account(row.map(Row::master)), account(row.map(Row::liaison)),
				account(row.map(Row::general)), union, row.map(Row::version).orElse(0L), operator);
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
