package org.yizhan.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.yizhan.station.StationTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits served (服务人次), counted without storing who came. A worker checks in with one tap
 * on the station's QR page: the phone's device id, kept by the page, is turned into a
 * keyed hash that guards the station against a second count from that phone within the
 * period (2 hours) and is forgotten soon after; the count itself is a number per station,
 * day and hour. The host or station master records a daily tally (0–5,000) for the
 * workers who did not scan; each change of it is audited. A day's visits are the larger
 * of the two, since both count the same people (ADR 0023).
 *
 * <p>
 * Whoever sees a station reads its visits; its station master, liaison, host and the
 * union admins over it record its tally; a union's own staff read the union's figures.
 */
@Service
@Transactional
public class Visits {

	/** The largest tally of a day: more than any station serves (Xi'an: 5.5 a day). */
	public static final int MAX_TALLY = 5_000;

	/** How far back a tally may still be recorded or corrected. */
	public static final int TALLY_DAYS_BACK = 31;

	/** The longest range of days one question may cover. */
	public static final int MAX_RANGE_DAYS = 366;

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private static final Set<Role> TALLY_ROLES = Set.of(Role.ORG_ADMIN, Role.STATION_MASTER, Role.LIAISON, Role.HOST);

	private final VisitRepository repository;

	private final VisitorDevices devices;

	private final StationTokens tokens;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration period;

	Visits(VisitRepository repository, VisitorDevices devices, StationTokens tokens, StationRegistry registry,
			OrganizationTree organizations, ApplicationEventPublisher events, Clock clock,
			@Value("${yizhan.operations.visits.check-in-period:PT2H}") Duration period) {
		this.repository = repository;
		this.devices = devices;
		this.tokens = tokens;
		this.registry = registry;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
		this.period = period;
	}

	/** The period within which a phone counts once per station. */
	public Duration period() {
		return this.period;
	}

	/**
	 * A worker's check-in from the station's QR code, without an account: counted once
	 * per phone, station and period; a second one inside the period is answered with the
	 * first, not refused. Nothing is written unless it counts.
	 * @param token the signed token of the station's QR code
	 * @param deviceId the phone's device id (the QR page's cookie)
	 * @throws InvalidInputException for a bad token or device id, naming the field
	 * @throws ConflictException when the station is not listed (suspended or closed)
	 */
	public CheckIn checkIn(String token, String deviceId) {
		List<Violation> violations = new ArrayList<>();
		StationId id = tokens.stationOrRefusal(token == null ? null : token.strip(), "token", "visit", violations);
		if (deviceId == null || deviceId.isBlank()) {
			violations.add(Violation.of("deviceId", "visit.deviceId.missing"));
		}
		else if (!DEVICE_ID.matcher(deviceId).matches()) {
			violations.add(Violation.of("deviceId", "visit.deviceId.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		byte[] device = devices.hash(deviceId);
		// as PostgreSQL keeps it, so that a repeat is answered with the same instant
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ZonedDateTime local = now.atZone(YizhanTime.ZONE);
		VisitRepository.Written written = repository.checkIn(id.value(), device, now, now.minus(period),
				local.toLocalDate(), local.getHour());
		if (written.status() == null) {
			// a well-signed code of a station no longer on file: as good as no code
			throw new InvalidInputException(Violation.of("token", "visit.token.malformed"));
		}
		if (!StationStatus.LISTED.name().equals(written.status())) {
			throw new ConflictException("token",
					StationStatus.SUSPENDED.name().equals(written.status()) ? "visit.suspended" : "visit.notListed",
					written.name());
		}
		Instant at = written.counted() ? now : repository.findCheckedInAt(id.value(), device).orElse(now);
		return new CheckIn(written.counted(), written.code(), written.name(), at, at.plus(period));
	}

	/**
	 * Records the tally of a station's day (the workers served who did not scan, as its
	 * host or station master counts them): a whole number from 0 to 5,000 for today or
	 * one of the 31 days before. A later tally of the same day replaces it; each is
	 * audited with the one before.
	 */
	public VisitDay recordTally(StationId stationId, LocalDate day, Integer tally) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		if (!mayRecordTally(actor)) {
			throw new ForbiddenException("visit.forbidden.tally");
		}
		LocalDate today = LocalDate.now(clock.withZone(YizhanTime.ZONE));
		List<Violation> violations = new ArrayList<>();
		if (day == null) {
			violations.add(Violation.of("day", "validation.required"));
		}
		else if (day.isAfter(today)) {
			violations.add(Violation.of("day", "visit.tally.future"));
		}
		else if (day.isBefore(today.minusDays(TALLY_DAYS_BACK))) {
			violations.add(Violation.of("day", "visit.tally.tooOld", TALLY_DAYS_BACK));
		}
		if (tally == null) {
			violations.add(Violation.of("visits", "validation.required"));
		}
		else if (tally < 0 || tally > MAX_TALLY) {
			violations.add(Violation.of("visits", "visit.tally.range", MAX_TALLY));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long id = stationId.value();
		Integer before = repository.lockDay(id, day).map(VisitDay::tally).orElse(null);
		Instant now = clock.instant();
		repository.saveTally(id, station.details().districtCode(), day, tally, actor.username(), now);
		events.publishEvent(
				new Audited("visit.tally", "station", station.code().toString(), station.details().districtCode(),
						before == null ? null : "day=" + day + "; tally=" + before, "day=" + day + "; tally=" + tally));
		return repository.lockDay(id, day).orElseThrow();
	}

	/**
	 * A station's visits from {@code from} to {@code to} (defaults: the 14 days up to
	 * today), and the hours of {@code hourDay} (default: the last day of the range):
	 * whoever sees the station.
	 */
	@Transactional(readOnly = true)
	public StationVisits listForStation(StationId stationId, LocalDate from, LocalDate to, LocalDate hourDay) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		LocalDate[] range = range(from, to, 14);
		LocalDate hoursOf = hourDay == null ? range[1] : hourDay;
		Map<LocalDate, VisitDay> found = repository.listDays(stationId.value(), range[0], range[1]);
		List<VisitDay> days = new ArrayList<>();
		for (LocalDate day = range[1]; !day.isBefore(range[0]); day = day.minusDays(1)) {
			days.add(found.getOrDefault(day, new VisitDay(day, 0, null, null, null, 0)));
		}
		List<Integer> hours = new ArrayList<>();
		for (int count : repository.listHours(stationId.value(), hoursOf)) {
			hours.add(count);
		}
		return new StationVisits(stationId.value(), station.code().toString(), station.details().name(), range[0],
				range[1], days, hoursOf, hours, mayRecordTally(actor));
	}

	/**
	 * A union's visits over a range of days (defaults: the 30 days up to today), for its
	 * own staff and those of the unions above it.
	 * @throws ForbiddenException for station masters, liaisons and hosts
	 * @throws NotFoundException for a union outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public UnionVisits figuresForUnion(String unionCode, LocalDate from, LocalDate to) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("visit.forbidden.union");
		}
		String code = unionCode == null || unionCode.isBlank() ? actor.organizationCode() : unionCode.strip();
		Organization union = organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("visit.unknownUnion", code));
		LocalDate[] range = range(from, to, 30);
		List<UnionVisits.Part> children = new ArrayList<>();
		repository.listChildTotals(union.path(), range[0], range[1])
			.forEach((child, total) -> children.add(new UnionVisits.Part(child,
					organizations.findByCode(child).map(Organization::name).orElse(child), null, total)));
		children.sort(Comparator.comparingLong((UnionVisits.Part part) -> part.total().visits())
			.reversed()
			.thenComparing(UnionVisits.Part::code));
		return new UnionVisits(union.code(), union.name(), range[0], range[1],
				repository.total(union.path(), range[0], range[1]),
				repository.listUnionDays(union.path(), range[0], range[1]), children,
				repository.listBusiestStations(union.path(), range[0], range[1], 10));
	}

	/**
	 * The stations the caller sees with their visits over the range (defaults: the 7 days
	 * up to today), by code, at most 200: a station master's or host's own stations.
	 */
	@Transactional(readOnly = true)
	public List<UnionVisits.Part> listOwnStations(LocalDate from, LocalDate to) {
		LocalDate[] range = range(from, to, 7);
		return repository.listVisibleStations(registry.visibleStations(), range[0], range[1], 200);
	}

	/** Whether the caller records tallies of the stations it sees. */
	public boolean mayRecordTally(Actor actor) {
		return TALLY_ROLES.stream().anyMatch(actor::holds);
	}

	/** Today in Asia/Shanghai, by this module's clock. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private LocalDate[] range(LocalDate from, LocalDate to, int defaultDays) {
		LocalDate last = to == null ? today() : to;
		LocalDate first = from == null ? last.minusDays(defaultDays - 1L) : from;
		List<Violation> violations = new ArrayList<>();
		if (first.isAfter(last)) {
			violations.add(Violation.of("from", "visit.range.reversed"));
		}
		else if (first.plusDays(MAX_RANGE_DAYS).isBefore(last.plusDays(1))) {
			violations.add(Violation.of("to", "visit.range.tooLong", MAX_RANGE_DAYS));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new LocalDate[] { first, last };
	}

}
