package org.yizhan.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
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
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donated goods (爱心互献, issue 17 item 5): a donor (the station's host, a company, a
 * foundation) gives a station goods to hand out, which its staff record; as workers take
 * them the staff record how many were claimed, never who, and never more than were given.
 * A union's figures sum what its stations received and handed out, with the coupons'
 * redemptions by funder ({@link Coupons}).
 *
 * <p>
 * Whoever sees a station reads its donations; its station master, liaison, host and the
 * union admins over it record donations and claims; each is audited.
 */
@Service
@Transactional
public class Donations {

	public static final int MAX_QUANTITY = 100_000;

	/** The most claims recorded at once: a day's hand-out at the busiest station. */
	public static final int MAX_CLAIMS = 5_000;

	/** How far back a donation's day may be. */
	public static final int DAYS_BACK = 31;

	static final Set<Role> KEEPERS = Set.of(Role.ORG_ADMIN, Role.STATION_MASTER, Role.LIAISON, Role.HOST);

	private final DonationRepository repository;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Donations(DonationRepository repository, StationRegistry registry, OrganizationTree organizations,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A station's donations, those with something left first: whoever sees the station.
	 */
	@Transactional(readOnly = true)
	public List<Donation> listFor(StationId station) {
		registry.getById(station);
		return repository.listDonations(station.value(), 200);
	}

	/**
	 * Records a donation at a station in service (listed or suspended).
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException at a station not in service
	 */
	public Donation record(StationId stationId, DonationInput input) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		requireKeeper(actor);
		List<Violation> violations = new ArrayList<>();
		DonorKind kind = null;
		if (blank(input.donorKind())) {
			violations.add(Violation.of("donorKind", "validation.required"));
		}
		else {
			try {
				kind = DonorKind.valueOf(input.donorKind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("donorKind", "donation.donorKind.unknown", input.donorKind()));
			}
		}
		String donor = text(input.donor(), "donor", 60, violations);
		String name = text(input.name(), "name", 60, violations);
		String unit = text(input.unit(), "unit", 10, violations);
		if (input.quantity() == null) {
			violations.add(Violation.of("quantity", "validation.required"));
		}
		else if (input.quantity() < 1 || input.quantity() > MAX_QUANTITY) {
			violations.add(Violation.of("quantity", "donation.quantity.range", MAX_QUANTITY));
		}
		LocalDate today = today();
		LocalDate day = input.donatedOn() == null ? today : input.donatedOn();
		if (day.isAfter(today)) {
			violations.add(Violation.of("donatedOn", "donation.donatedOn.future"));
		}
		else if (day.isBefore(today.minusDays(DAYS_BACK))) {
			violations.add(Violation.of("donatedOn", "donation.donatedOn.tooOld", DAYS_BACK));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		requireInService(station);
		long id = repository.insertDonation(stationId.value(), kind, donor, name, unit, input.quantity(), day,
				clock.instant(), actor.username());
		events.publishEvent(new Audited("donation.record", "station", station.code().toString(),
				station.details().districtCode(), null,
				"donation=" + id + "; " + kind + " " + donor + "; " + name + "=" + input.quantity() + unit));
		return repository.findDonation(id, false).orElseThrow();
	}

	/**
	 * Records that {@code claims} more of a donation were handed out today (1–5,000),
	 * never more than are left.
	 * @throws NotFoundException for a donation of a station the caller does not see
	 * @throws ConflictException when fewer are left
	 */
	public Donation recordClaims(long donationId, Integer claims) {
		Actor actor = Actor.required();
		Donation donation = repository.findDonation(donationId, true)
			.orElseThrow(() -> new NotFoundException("donation.notFound", donationId));
		Station station = seen(donation.stationId(), donationId);
		requireKeeper(actor);
		if (claims == null) {
			throw new InvalidInputException(Violation.of("claims", "validation.required"));
		}
		if (claims < 1 || claims > MAX_CLAIMS) {
			throw new InvalidInputException(Violation.of("claims", "donation.claims.range", MAX_CLAIMS));
		}
		if (claims > donation.remaining()) {
			throw new ConflictException("claims", "donation.claims.tooMany", donation.name(), donation.remaining(),
					donation.unit());
		}
		repository.addClaims(donation, claims, today(), clock.instant(), actor.username());
		events.publishEvent(new Audited("donation.claims", "station", station.code().toString(),
				station.details().districtCode(), "donation=" + donationId + "; claimed=" + donation.claimed(),
				"donation=" + donationId + "; claimed=" + (donation.claimed() + claims)));
		return repository.findDonation(donationId, false).orElseThrow();
	}

	/**
	 * What a union's stations received and handed out from {@code from} to {@code to}
	 * (default: the last 30 days): donations by donor kind, coupon redemptions by funder.
	 * For the union's own staff.
	 */
	@Transactional(readOnly = true)
	public DonationFigures figures(String unionCode, LocalDate from, LocalDate to) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("visit.forbidden.union");
		}
		String code = blank(unionCode) ? actor.organizationCode() : unionCode.strip();
		Organization union = organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("visit.unknownUnion", code));
		LocalDate last = to == null ? today() : to;
		LocalDate first = from == null ? last.minusDays(29) : from;
		if (first.isAfter(last)) {
			throw new InvalidInputException(Violation.of("from", "donation.range.reversed"));
		}
		if (first.plusDays(Visits.MAX_RANGE_DAYS).isBefore(last)) {
			throw new InvalidInputException(Violation.of("from", "visit.range.tooLong", Visits.MAX_RANGE_DAYS));
		}
		return new DonationFigures(union.code(), first, last, repository.sumDonations(union.path(), first, last),
				repository.sumRedemptions(union.path(), first, last));
	}

	/** Whether the caller records the donations and coupons of the stations it sees. */
	public boolean mayKeep(Actor actor) {
		return KEEPERS.stream().anyMatch(actor::holds);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	/**
	 * The station of a row, or "not found" for the row itself when the caller does not
	 * see it.
	 */
	private Station seen(long stationId, long rowId) {
		try {
			return registry.getById(StationId.of(stationId));
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("donation.notFound", rowId);
		}
	}

	static void requireInService(Station station) {
		if (station.status() != StationStatus.LISTED && station.status() != StationStatus.SUSPENDED) {
			throw new ConflictException("station", "donation.station.notInService", station.details().name());
		}
	}

	private void requireKeeper(Actor actor) {
		if (!mayKeep(actor)) {
			throw new ForbiddenException("donation.forbidden");
		}
	}

	static String text(String value, String field, int max, List<Violation> violations) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			violations.add(Violation.of(field, "validation.required"));
		}
		else if (stripped.length() > max || !stripped.chars()
			.allMatch(c -> c >= 32 && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)) {
			violations.add(Violation.of(field, "supply.text.invalid", max));
		}
		return stripped;
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
