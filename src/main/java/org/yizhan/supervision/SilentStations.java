package org.yizhan.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.station.VisibleStations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silent stations (Qingdao: 连续三个月无评价的驿站降级或摘牌): the cases the monthly check opens for
 * listed stations without a counted rating in {@code yizhan.rating.silent.months} whole
 * calendar months in a row, and the decisions their union takes on them.
 *
 * <p>
 * A case is {@link SilentCaseStatus#OPEN open} until an admin of the station's subtree
 * downgrades the station one level, delists it (reason {@link DelistingReason#SILENT}) or
 * exempts it until a date, or until a counted rating dated in or after its first silent
 * month closes it by itself ({@link SilentCaseStatus#RESOLVED_BY_RATING}); a station
 * delisted some other way withdraws it. Each decision is one transaction with the
 * station's change, audited. Every read is scoped like the station registry: a case of a
 * station the caller does not see does not exist.
 */
@Service
@Transactional
public class SilentStations {

	/** The longest a decision's reason may be. */
	public static final int MAX_REASON = Station.MAX_DOWNGRADE_REASON;

	private final SilentCaseRepository cases;

	private final StationRegistry registry;

	private final SilentStationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SilentStations(SilentCaseRepository cases, StationRegistry registry, SilentStationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The cases of the stations the caller sees that match {@code query}, newest first.
	 */
	@Transactional(readOnly = true)
	public SilentCasePage search(SilentCaseQuery query, int page, int size) {
		return cases.search(query, registry.visibleStations(), page, size);
	}

	/**
	 * The open case of a station the caller sees, else its latest closed one; empty for a
	 * station never flagged.
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 */
	@Transactional(readOnly = true)
	public Optional<SilentCase> findLatestFor(StationId station) {
		registry.getById(station);
		return cases.findLatestFor(station, registry.visibleStations());
	}

	/** Lowers the station one level (降级) and closes the case as downgraded. */
	public SilentCase downgrade(long caseId, Long expectedStationVersion, String reason) {
		SilentCase open = lockForDecision(caseId);
		Station station = registry.downgrade(open.stationId(), expectedStationVersion, reason);
		return decided(open, SilentCaseStatus.DOWNGRADED, reason.strip(), open.level(), station.details().level(),
				null);
	}

	/** Takes the station off the map for good, reason {@link DelistingReason#SILENT}. */
	public SilentCase delist(long caseId, Long expectedStationVersion, String note) {
		SilentCase open = lockForDecision(caseId);
		registry.delist(open.stationId(), expectedStationVersion, DelistingReason.SILENT, note);
		String trimmed = (note == null || note.isBlank()) ? null : note.strip();
		return decided(open, SilentCaseStatus.DELISTED, trimmed, null, null, null);
	}

	/**
	 * Leaves the station as it is, for a reason, until {@code until} (inclusive): the
	 * check flags it again only after that day, counting the months since this case.
	 */
	public SilentCase exempt(long caseId, String reason, LocalDate until) {
		SilentCase open = lockForDecision(caseId);
		LocalDate today = LocalDate.now(clock);
		LocalDate latest = today.plus(settings.longestExemption());
		List<Violation> violations = new ArrayList<>();
		String trimmed = (reason == null) ? "" : reason.strip();
		if (trimmed.isEmpty()) {
			violations.add(Violation.of("reason", "validation.required"));
		}
		else if (trimmed.length() > MAX_REASON) {
			violations.add(Violation.of("reason", "validation.tooLong", MAX_REASON));
		}
		if (until == null) {
			violations.add(Violation.of("exemptUntil", "validation.required"));
		}
		else if (!until.isAfter(today)) {
			violations.add(Violation.of("exemptUntil", "validation.futureDate"));
		}
		else if (until.isAfter(latest)) {
			violations.add(Violation.of("exemptUntil", "silent.exemption.tooLong", latest));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return decided(open, SilentCaseStatus.EXEMPTED, trimmed, null, null, until);
	}

	/**
	 * Locks an open case for a decision: not found outside the caller's scope, forbidden
	 * without the admin role, a conflict once it is closed or its station was rated since
	 * it opened (the check then closes it by itself).
	 */
	private SilentCase lockForDecision(long caseId) {
		VisibleStations visible = registry.visibleStations();
		SilentCase found = cases.lockVisible(caseId, visible)
			.orElseThrow(() -> new NotFoundException("silent.notFound", caseId));
		if (!visible.mayManage()) {
			throw new ForbiddenException("silent.forbidden.decide");
		}
		if (found.status() != SilentCaseStatus.OPEN) {
			throw new ConflictException("status", "silent.closed", found.status().labelZh(), found.status().labelEn());
		}
		if (found.stationStatus() == StationStatus.DELISTED) {
			throw new ConflictException("status", "silent.stationDelisted");
		}
		Optional<LocalDate> rated = cases.findCountedRatingSince(found.stationId(), found.firstSilentMonth());
		if (rated.isPresent()) {
			throw new ConflictException("status", "silent.ratedSince", rated.get());
		}
		return found;
	}

	private SilentCase decided(SilentCase open, SilentCaseStatus outcome, String reason, StationLevel before,
			StationLevel after, LocalDate exemptUntil) {
		String by = Actor.current()
			.map(Actor::username)
			.orElseThrow(() -> new AccessDeniedException("not signed in with an account"));
		cases.close(open.id(), outcome, clock.instant(), by, reason, before, after, exemptUntil);
		SilentCase closed = cases.findById(open.id()).orElseThrow();
		String action = switch (outcome) {
			case DOWNGRADED -> "silent.downgrade";
			case DELISTED -> "silent.delist";
			case EXEMPTED -> "silent.exempt";
			default -> throw new IllegalArgumentException("Not a decision: " + outcome);
		};
		events.publishEvent(new Audited(action, "station", open.stationCode(), open.districtCode(), open.summary(),
				closed.summary()));
		return closed;
	}

}
