package org.yizhan.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yizhan.finder.NearbyQuery;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationActivities;
import org.yizhan.finder.StationFinder;
import org.yizhan.finder.UpcomingActivity;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities and campaigns (issue 17, item 4): a union's admins publish an activity (送清凉,
 * 送温暖, a health check, legal advice, union joining) at one or many stations of their
 * subtree with its dates; workers see what is coming up on a station's public page and in
 * a list of the activities near them; each station's staff count the workers who took
 * part there (a number, never who), audited like the visits' tally.
 */
@Service
@Transactional
public class Activities implements StationActivities {

	public static final int MAX_TITLE = 60;

	public static final int MAX_DESCRIPTION = 500;

	public static final int MAX_STATIONS = 500;

	public static final int MAX_DAYS = 366;

	public static final int MAX_ATTENDANCE = 5_000;

	/** The public list's reach: a worker rides further than they walk. */
	public static final int MAX_RADIUS_METERS = 20_000;

	private static final Set<Role> COUNTERS = Set.of(Role.ORG_ADMIN, Role.STATION_MASTER, Role.LIAISON, Role.HOST);

	private final ActivityRepository repository;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final StationFinder finder;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Clock clock;

	Activities(ActivityRepository repository, StationRegistry registry, OrganizationTree organizations,
			StationFinder finder, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.organizations = organizations;
		this.finder = finder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Publishes an activity for a union's admins (ORG_ADMIN of the union or above), at
	 * stations of the union's subtree that are not delisted.
	 * @throws InvalidInputException naming each bad field
	 * @throws ForbiddenException for other roles
	 * @throws NotFoundException for a union outside the caller's subtree
	 */
	public Activity publish(ActivityInput input) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("activity.forbidden.publish");
		}
		String code = blank(input.union()) ? actor.organizationCode() : input.union().strip();
		Organization union = organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("visit.unknownUnion", code));
		List<Violation> violations = new ArrayList<>();
		ActivityKind kind = null;
		if (blank(input.kind())) {
			violations.add(Violation.of("kind", "validation.required"));
		}
		else {
			try {
				kind = ActivityKind.valueOf(input.kind().strip());
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("kind", "activity.kind.invalid"));
			}
		}
		String title = blank(input.title()) ? null : input.title().strip();
		if (title == null) {
			violations.add(Violation.of("title", "validation.required"));
		}
		else if (title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
			violations.add(Violation.of("title", "activity.title.invalid", MAX_TITLE));
		}
		String description = blank(input.description()) ? null : input.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			violations.add(Violation.of("description", "activity.description.tooLong", MAX_DESCRIPTION));
		}
		LocalDate today = today();
		LocalDate startsOn = date(input.startsOn(), "startsOn", violations);
		LocalDate endsOn = date(input.endsOn(), "endsOn", violations);
		if (startsOn != null && startsOn.isBefore(today)) {
			violations.add(Violation.of("startsOn", "activity.startsOn.past"));
		}
		if (startsOn != null && endsOn != null) {
			if (endsOn.isBefore(startsOn)) {
				violations.add(Violation.of("endsOn", "activity.endsOn.beforeStart"));
			}
			else if (endsOn.isAfter(startsOn.plusDays(MAX_DAYS - 1L))) {
				violations.add(Violation.of("endsOn", "activity.endsOn.tooLong", MAX_DAYS));
			}
		}
		Map<Long, Station> stations = stations(input.stations(), union, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long id = repository.insert(union.code(), kind, title, description, startsOn, endsOn, clock.instant(),
				actor.username(), stations.keySet());
		events.publishEvent(new Audited("activity.publish", "activity", String.valueOf(id), union.code(), null, "kind="
				+ kind + "; title=" + title + "; " + startsOn + ".." + endsOn + "; stations=" + stations.size()));
		return repository.find(id).orElseThrow();
	}

	/** The activities of a union and the unions below it, latest first, for its staff. */
	@Transactional(readOnly = true)
	public List<Activity> listForUnion(String unionCode) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("visit.forbidden.union");
		}
		String code = blank(unionCode) ? actor.organizationCode() : unionCode.strip();
		Organization union = organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("visit.unknownUnion", code));
		return repository.listForUnion(union.path(), 200);
	}

	/**
	 * The activities at the stations the caller sees that ended at most 31 days ago: what
	 * a station master counts the attendance of.
	 */
	@Transactional(readOnly = true)
	public List<Activity> listAtOwnStations() {
		return repository.listAtVisibleStations(registry.visibleStations(), today().minusDays(31), 200);
	}

	/**
	 * Records how many workers took part at one station (0–5,000), from the activity's
	 * first day on: the station's master, liaison, host or a union admin over it. A later
	 * count replaces the earlier; each is audited.
	 */
	public Activity.Place recordAttendance(long activityId, StationId stationId, Integer attendance) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		if (COUNTERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("activity.forbidden.attendance");
		}
		Activity activity = repository.find(activityId)
			.orElseThrow(() -> new NotFoundException("activity.unknown", activityId));
		Integer before = repository.lockAttendance(activityId, stationId.value())
			.orElseThrow(() -> new NotFoundException("activity.notAtStation", station.details().name()));
		List<Violation> violations = new ArrayList<>();
		if (attendance == null) {
			violations.add(Violation.of("attendance", "validation.required"));
		}
		else if (attendance < 0 || attendance > MAX_ATTENDANCE) {
			violations.add(Violation.of("attendance", "activity.attendance.range", MAX_ATTENDANCE));
		}
		else if (today().isBefore(activity.startsOn())) {
			violations.add(Violation.of("attendance", "activity.attendance.notYet", activity.startsOn()));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		repository.saveAttendance(activityId, stationId.value(), attendance);
		events.publishEvent(new Audited("activity.attendance", "activity", String.valueOf(activityId),
				station.details().districtCode(), "station=" + station.code() + "; attendance=" + before,
				"station=" + station.code() + "; attendance=" + attendance));
		return new Activity.Place(stationId.value(), station.code().toString(), station.details().name(), attendance);
	}

	/**
	 * The activities still to come or under way at listed stations within
	 * {@code radiusMeters} of a worker (WGS-84), soonest first, then nearest: public.
	 */
	@Transactional(readOnly = true)
	public List<NearbyActivity> listNear(GeoPoint origin, int radiusMeters) {
		List<NearbyStation> near = finder.nearby(new NearbyQuery(origin, radiusMeters, 200, Set.of(), Set.of(), null));
		Map<Long, NearbyStation> byId = new LinkedHashMap<>();
		near.forEach(found -> byId.put(found.station().id(), found));
		List<NearbyActivity> activities = new ArrayList<>();
		for (ActivityRepository.Upcoming up : repository.listUpcoming(byId.keySet(), today(), 500)) {
			NearbyStation at = byId.get(up.stationId());
			activities.add(new NearbyActivity(up.id(), up.kind(), up.title(), up.union(), up.startsOn(), up.endsOn(),
					up.stationId(), at.station().code(), at.station().name(), Math.round(at.distanceMeters())));
		}
		activities.sort(java.util.Comparator.comparing(NearbyActivity::startsOn)
			.thenComparingLong(NearbyActivity::distanceMeters));
		return activities.size() > 100 ? List.copyOf(activities.subList(0, 100)) : activities;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UpcomingActivity> upcomingAt(long stationId, LocalDate today, Locale locale) {
		return repository.listUpcoming(List.of(stationId), today, 20)
			.stream()
			.map(up -> new UpcomingActivity(up.kind().label(locale), up.title(), up.union(), up.startsOn(),
					up.endsOn()))
			.toList();
	}

	/** Whether the caller publishes activities. */
	public boolean mayPublish(Actor actor) {
		return actor.holds(Role.ORG_ADMIN);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private Map<Long, Station> stations(List<String> given, Organization union, List<Violation> violations) {
		Map<Long, Station> stations = new LinkedHashMap<>();
		List<String> values = given == null ? List.of()
				: given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
		if (values.isEmpty()) {
			violations.add(Violation.of("stations", "validation.required"));
			return stations;
		}
		if (values.size() > MAX_STATIONS) {
			violations.add(Violation.of("stations", "activity.stations.tooMany", MAX_STATIONS));
			return stations;
		}
		for (String value : values) {
			Station station = find(value);
			if (station == null) {
				violations.add(Violation.of("stations", "activity.stations.unknown", value));
			}
			else if (station.status() == StationStatus.DELISTED || station.status() == StationStatus.DRAFT) {
				violations.add(Violation.of("stations", "activity.stations.notInService", value));
			}
			else if (!organizations.findByCode(station.details().districtCode())
				.map(district -> union.contains(district))
				.orElse(false)) {
				violations.add(Violation.of("stations", "activity.stations.outsideUnion", value, union.name()));
			}
			else {
				stations.put(station.id().value(), station);
			}
		}
		return stations;
	}

	private Station find(String value) {
		try {
			if (value.chars().allMatch(Character::isDigit) && value.length() <= 18) {
				return registry.getById(StationId.of(Long.parseLong(value)));
			}
			return registry.findByCode(value).orElse(null);
		}
		catch (RuntimeException ex) {
			// a station outside the caller's scope is as unknown as a mistyped one
			return null;
		}
	}

	private static LocalDate date(String value, String field, List<Violation> violations) {
		if (blank(value)) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of(field, "visit.date.invalid"));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
