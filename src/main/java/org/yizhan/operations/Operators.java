package org.yizhan.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationOperator;
import org.yizhan.station.StationOperators;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators (issue 17 item 7): a property company runs a station for its host under a
 * contract (托管协议) with dates and duties. A union admin over the station records the
 * contract and names the operator's contact, an account of the station's line that runs
 * stations (station master, liaison or host); contracts of one station never overlap.
 * While one is in force the station's responsibility chain has the operator below its
 * station master ({@link StationOperators}, which the registry declares), so a new case
 * goes to the operator first and climbs the chain from there when it is not handled in
 * time.
 *
 * <p>
 * Whoever sees a station reads its contracts; ending one early (the last day moved
 * forward, never into the past) is the admins' too. Both are audited.
 */
@Service
@Transactional
public class Operators implements StationOperators {

	/** The longest contract: custody agreements run for a few years at most. */
	public static final int MAX_YEARS = 10;

	/**
	 * The roles of the people who may answer for a station's cases as its operator's
	 * contact.
	 */
	private static final Set<Role> CONTACT_ROLES = Set.of(Role.STATION_MASTER, Role.LIAISON, Role.HOST);

	private final OperatorRepository repository;

	private final StationRegistry registry;

	private final Assignments assignments;

	private final OrganizationTree organizations;

	private final AccountDirectory directory;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	Operators(OperatorRepository repository, StationRegistry registry, Assignments assignments,
			OrganizationTree organizations, AccountDirectory directory,
			org.springframework.context.ApplicationEventPublisher events, Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.registry = registry;
		this.assignments = assignments;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** A station's contracts, latest first: whoever sees the station. */
	@Transactional(readOnly = true)
	public List<OperatorContract> listFor(StationId station) {
		registry.getById(station);
		return repository.listFor(station.value()).stream().map(this::contract).toList();
	}

	/**
	 * Records a contract under which an operator runs a station.
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException when it overlaps another contract of the station
	 * @throws ForbiddenException for anyone but a union admin over the station
	 */
	public OperatorContract sign(StationId stationId, OperatorContractInput input) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		requireAdmin(actor);
		List<Violation> violations = new ArrayList<>();
		String operator = Donations.text(input.operator(), "operator", 60, violations);
		AccountSummary contact = contact(input.contact(), actor, station, violations);
		LocalDate today = today();
		if (input.startsOn() == null) {
			violations.add(Violation.of("startsOn", "validation.required"));
		}
		if (input.endsOn() == null) {
			violations.add(Violation.of("endsOn", "validation.required"));
		}
		else if (input.endsOn().isBefore(today)) {
			violations.add(Violation.of("endsOn", "operator.endsOn.past"));
		}
		else if (input.startsOn() != null) {
			if (input.endsOn().isBefore(input.startsOn())) {
				violations.add(Violation.of("endsOn", "activity.endsOn.beforeStart"));
			}
			else if (input.endsOn().isAfter(input.startsOn().plusYears(MAX_YEARS))) {
				violations.add(Violation.of("endsOn", "operator.endsOn.tooLong", MAX_YEARS));
			}
		}
		Set<OperatorDuty> duties = duties(input.duties(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Donations.requireInService(station);
		repository.lockStation(stationId.value());
		List<OperatorRepository.Row> overlapping = repository.listOverlapping(stationId.value(), input.startsOn(),
				input.endsOn());
		if (!overlapping.isEmpty()) {
			OperatorRepository.Row other = overlapping.get(0);
			throw new ConflictException("startsOn", "operator.overlap", other.operator(), other.startsOn(),
					other.endsOn());
		}
		long id = repository.insert(stationId.value(), operator, contact.id(), input.startsOn(), input.endsOn(), duties,
				clock.instant(), actor.username());
		events.publishEvent(new Audited("operator.sign", "station", station.code().toString(),
				station.details().districtCode(), null, "contract=" + id + "; operator=" + operator + "; contact="
						+ contact.username() + "; " + input.startsOn() + ".." + input.endsOn() + "; duties=" + duties));
		return contract(repository.find(id).orElseThrow());
	}

	/**
	 * Ends a contract early: its last day becomes {@code lastDay} (today or later, before
	 * the day it would have ended, never before its first day).
	 * @throws NotFoundException for a contract of a station the caller does not see
	 */
	public OperatorContract end(long contractId, LocalDate lastDay) {
		Actor actor = Actor.required();
		OperatorRepository.Row row = repository.find(contractId)
			.orElseThrow(() -> new NotFoundException("operator.notFound", contractId));
		Station station;
		try {
			station = registry.getById(StationId.of(row.stationId()));
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("operator.notFound", contractId);
		}
		requireAdmin(actor);
		repository.lockStation(row.stationId());
		LocalDate today = today();
		if (lastDay == null) {
			throw new InvalidInputException(Violation.of("endsOn", "validation.required"));
		}
		if (lastDay.isBefore(today) || lastDay.isBefore(row.startsOn())) {
			throw new InvalidInputException(Violation.of("endsOn", "operator.endsOn.past"));
		}
		if (!lastDay.isBefore(row.endsOn())) {
			throw new InvalidInputException(Violation.of("endsOn", "operator.end.notEarlier", row.endsOn()));
		}
		repository.end(contractId, lastDay);
		events.publishEvent(new Audited("operator.end", "station", station.code().toString(),
				station.details().districtCode(), "contract=" + contractId + "; endsOn=" + row.endsOn(),
				"contract=" + contractId + "; endsOn=" + lastDay));
		return contract(repository.find(contractId).orElseThrow());
	}

	/**
	 * The operator in force, for the responsibility chain: no caller to scope it, as
	 * {@code StationResponsibilities.getForSystem} has none. A disabled contact is still
	 * named, so that routing records the operator's level as passed over.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<StationOperator> findInForce(StationId station, LocalDate day) {
		return repository.findInForce(station.value(), day)
			.flatMap(row -> assignments.findAccount(row.contactId())
				.map(contact -> new StationOperator(row.id(), row.operator(), contact)));
	}

	/** Whether the caller records operators' contracts. */
	public boolean mayManage(Actor actor) {
		return actor.holds(Role.ORG_ADMIN);
	}

	/**
	 * The accounts that may be named as an operator's contact at a station, for the
	 * console's choice.
	 */
	@Transactional(readOnly = true)
	public List<AccountSummary> listContactCandidates(StationId stationId) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		String districtPath = organizations.findByCode(station.details().districtCode()).orElseThrow().path();
		List<AccountSummary> candidates = new ArrayList<>();
		for (Role role : List.of(Role.STATION_MASTER, Role.LIAISON, Role.HOST)) {
			candidates.addAll(directory.listEnabledOnLine(districtPath, role)
				.stream()
				.filter(account -> actor.sees(account.organizationPath()))
				.filter(account -> candidates.stream().noneMatch(known -> known.id() == account.id()))
				.toList());
		}
		return candidates;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private AccountSummary contact(Long id, Actor actor, Station station, List<Violation> violations) {
		if (id == null) {
			violations.add(Violation.of("contact", "validation.required"));
			return null;
		}
		Optional<AccountSummary> found = assignments.findAccount(id)
			.filter(account -> actor.sees(account.organizationPath()));
		if (found.isEmpty()) {
			violations.add(Violation.of("contact", "operator.contact.unknown", id));
			return null;
		}
		AccountSummary account = found.get();
		String districtPath = organizations.findByCode(station.details().districtCode()).orElseThrow().path();
		if (!account.enabled()) {
			violations.add(Violation.of("contact", "operator.contact.disabled", account.username()));
		}
		else if (CONTACT_ROLES.stream().noneMatch(account::holds)) {
			violations.add(Violation.of("contact", "operator.contact.role", account.username()));
		}
		else if (!onLine(account.organizationPath(), districtPath)) {
			violations.add(Violation.of("contact", "operator.contact.line", account.username()));
		}
		return account;
	}

	/**
	 * The account's organisation is the district, a union above it or a street below it.
	 */
	private static boolean onLine(String accountPath, String districtPath) {
		return districtPath.equals(accountPath) || districtPath.startsWith(accountPath + "/")
				|| accountPath.startsWith(districtPath + "/");
	}

	private static Set<OperatorDuty> duties(List<String> given, List<Violation> violations) {
		Set<OperatorDuty> duties = EnumSet.noneOf(OperatorDuty.class);
		List<String> values = given == null ? List.of()
				: given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
		if (values.isEmpty()) {
			violations.add(Violation.of("duties", "validation.required"));
		}
		for (String value : values) {
			try {
				duties.add(OperatorDuty.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("duties", "operator.duty.unknown", value));
			}
		}
		return duties;
	}

	private void requireAdmin(Actor actor) {
		if (!mayManage(actor)) {
			throw new ForbiddenException("operator.forbidden");
		}
	}

	private OperatorContract contract(OperatorRepository.Row row) {
		String name = assignments.findAccount(row.contactId())
			.map(account -> account.displayName() == null ? account.username() : account.displayName())
			.orElse("#" + row.contactId());
		return new OperatorContract(row.id(), row.stationId(), row.operator(), row.contactId(), name, row.startsOn(),
				row.endsOn(), row.duties(), row.signedAt(), row.signedBy());
	}

}
