package org.yizhan.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplies and medicine (物资与药品) per station: the items a station keeps with their
 * quantities and restock thresholds, the medicine kit's contents with their expiry dates,
 * and the list of what needs someone (expired or expiring within N days, out, under its
 * threshold) for the station master and the union.
 *
 * <p>
 * Whoever sees a station reads its items; its station master, liaison, host and the union
 * admins over it add items and record deliveries, use and stock-takes. Every change of a
 * quantity is kept as a movement in the same transaction (what was used is the station's
 * consumption) and audited.
 */
@Service
@Transactional
public class Supplies {

	public static final int MAX_QUANTITY = 100_000;

	/** How far ahead the warning list may look for expiring items. */
	public static final int MAX_WARNING_DAYS = 365;

	/** The default warning horizon: the "30 days before a medicine expires". */
	public static final int DEFAULT_WARNING_DAYS = 30;

	private static final Set<Role> KEEPERS = Set.of(Role.ORG_ADMIN, Role.STATION_MASTER, Role.LIAISON, Role.HOST);

	private final SupplyRepository repository;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Supplies(SupplyRepository repository, StationRegistry registry, OrganizationTree organizations,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** A station's items, by category and name: whoever sees the station. */
	@Transactional(readOnly = true)
	public List<SupplyItem> listFor(StationId station) {
		registry.getById(station);
		return repository.listFor(station.value());
	}

	/**
	 * Adds an item to a station's stock.
	 * @throws InvalidInputException naming each bad field (a medicine without an expiry
	 * date, an expiry date in the past, a quantity out of range)
	 * @throws ConflictException when the station already keeps an item of that name
	 */
	public SupplyItem addItem(StationId stationId, SupplyInput input) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		requireKeeper(actor);
		List<Violation> violations = new ArrayList<>();
		SupplyCategory category = null;
		if (blank(input.category())) {
			violations.add(Violation.of("category", "validation.required"));
		}
		else {
			try {
				category = SupplyCategory.valueOf(input.category().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("category", "supply.category.unknown", input.category()));
			}
		}
		String name = text(input.name(), "name", 60, violations);
		String unit = text(input.unit(), "unit", 10, violations);
		quantity(input.quantity(), "quantity", violations);
		quantity(input.threshold(), "threshold", violations);
		expiry(input.expiresOn(), category, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant();
		long id;
		try {
			id = repository.insert(stationId.value(), category, name, unit, input.quantity(), input.threshold(),
					input.expiresOn(), now, actor.username());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("name", "supply.name.taken", name);
		}
		events.publishEvent(new Audited("supply.add", "station", station.code().toString(),
				station.details().districtCode(), null, describe(name, input.quantity(), input.expiresOn())));
		return repository.find(id).orElseThrow();
	}

	/**
	 * Records a delivery (adds {@code quantity}), what was used (takes it away; never
	 * more than there is) or a stock-take (sets the count found) of an item; a delivery
	 * of medicine may bring a new expiry date, never one in the past.
	 * @throws NotFoundException for an item of a station the caller does not see
	 * @throws ConflictException when more is used than there is
	 */
	public SupplyItem move(long itemId, SupplyMovement kind, Integer quantity, LocalDate expiresOn) {
		Actor actor = Actor.required();
		SupplyItem item = repository.lock(itemId).orElseThrow(() -> new NotFoundException("supply.notFound", itemId));
		Station station;
		try {
			station = registry.getById(StationId.of(item.stationId()));
		}
		catch (StationNotFoundException ex) {
			throw new NotFoundException("supply.notFound", itemId);
		}
		requireKeeper(actor);
		List<Violation> violations = new ArrayList<>();
		if (kind == null) {
			violations.add(Violation.of("kind", "validation.required"));
		}
		quantity(quantity, "quantity", violations);
		if (expiresOn != null) {
			if (kind != SupplyMovement.RESTOCKED) {
				violations.add(Violation.of("expiresOn", "supply.expiresOn.onlyRestock"));
			}
			expiry(expiresOn, item.category(), violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		int after = switch (kind) {
			case RESTOCKED -> item.quantity() + quantity;
			case USED -> item.quantity() - quantity;
			case COUNTED -> quantity;
		};
		if (after < 0) {
			throw new ConflictException("quantity", "supply.notEnough", item.name(), item.quantity(), item.unit());
		}
		if (after > MAX_QUANTITY) {
			throw new InvalidInputException(Violation.of("quantity", "supply.quantity.range", MAX_QUANTITY));
		}
		LocalDate expires = expiresOn != null ? expiresOn : item.expiresOn();
		repository.update(item, after, expires, kind, clock.instant(), actor.username());
		events.publishEvent(new Audited("supply." + kind.name().toLowerCase(Locale.ROOT), "station",
				station.code().toString(), station.details().districtCode(),
				describe(item.name(), item.quantity(), item.expiresOn()), describe(item.name(), after, expires)));
		return repository.find(itemId).orElseThrow();
	}

	/**
	 * What needs someone at the stations the caller sees in a union's subtree (default:
	 * the caller's own organisation): items expired or expiring within {@code days}
	 * (default 30), out, or under their threshold, soonest expiry first, at most 500.
	 */
	@Transactional(readOnly = true)
	public List<SupplyWarning> listWarnings(String unionCode, Integer days) {
		Actor actor = Actor.required();
		int horizon = days == null ? DEFAULT_WARNING_DAYS : days;
		if (horizon < 0 || horizon > MAX_WARNING_DAYS) {
			throw new InvalidInputException(Violation.of("days", "supply.days.range", MAX_WARNING_DAYS));
		}
		Organization union = union(actor, unionCode);
		LocalDate today = today();
		return repository.listNeedingAttention(registry.visibleStations(), union.path(), today.plusDays(horizon), 500)
			.stream()
			.map(found -> SupplyWarning.of(found.item(), found.stationCode(), found.stationName(), today, horizon))
			.toList();
	}

	/**
	 * What a union's stations used over a range of days, by category: for the union's own
	 * staff.
	 */
	@Transactional(readOnly = true)
	public Map<SupplyCategory, Long> sumUsed(String unionCode, LocalDate from, LocalDate to) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("visit.forbidden.union");
		}
		Organization union = union(actor, unionCode);
		LocalDate last = to == null ? today() : to;
		LocalDate first = from == null ? last.minusDays(29) : from;
		if (first.isAfter(last) || first.plusDays(366).isBefore(last)) {
			throw new InvalidInputException(Violation.of("from", "visit.range.tooLong", 366));
		}
		Map<SupplyCategory, Long> used = new EnumMap<>(SupplyCategory.class);
		for (SupplyCategory category : SupplyCategory.values()) {
			used.put(category, 0L);
		}
		used.putAll(repository.sumUsed(union.path(), first, last));
		return used;
	}

	/** Whether the caller keeps the stock of the stations it sees. */
	public boolean mayKeep(Actor actor) {
		return KEEPERS.stream().anyMatch(actor::holds);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private Organization union(Actor actor, String unionCode) {
		String code = blank(unionCode) ? actor.organizationCode() : unionCode.strip();
		return organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("visit.unknownUnion", code));
	}

	private void requireKeeper(Actor actor) {
		if (!mayKeep(actor)) {
			throw new ForbiddenException("supply.forbidden");
		}
	}

	private void expiry(LocalDate expiresOn, SupplyCategory category, List<Violation> violations) {
		if (expiresOn == null) {
			if (category != null && category.expires()) {
				violations.add(Violation.of("expiresOn", "supply.expiresOn.required"));
			}
		}
		else if (expiresOn.isBefore(today())) {
			violations.add(Violation.of("expiresOn", "supply.expiresOn.past"));
		}
	}

	private static void quantity(Integer value, String field, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.of(field, "validation.required"));
		}
		else if (value < 0 || value > MAX_QUANTITY) {
			violations.add(Violation.of(field, "supply.quantity.range", MAX_QUANTITY));
		}
	}

	private static String text(String value, String field, int max, List<Violation> violations) {
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

	private static String describe(String name, int quantity, LocalDate expiresOn) {
		return name + "=" + quantity + (expiresOn == null ? "" : "; expires=" + expiresOn);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
