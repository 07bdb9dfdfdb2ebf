package org.yizhan.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.rating.silent.SilentCaseRepository;
import org.yizhan.rating.silent.SilentStationSettings;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.Labelled;
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
 * A case is {@link Status#OPEN open} until an admin of the station's subtree downgrades
 * the station one level, delists it (reason {@link DelistingReason#SILENT}) or exempts it
 * until a date, or until a counted rating dated in or after its first silent month closes
 * it by itself ({@link Status#RESOLVED_BY_RATING}); a station delisted some other way
 * withdraws it. Each decision is one transaction with the station's change, audited.
 * Every read is scoped like the station registry: a case of a station the caller does not
 * see does not exist.
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
	public CasePage search(Query query, int page, int size) {
		return cases.search(query, registry.visibleStations(), page, size);
	}

	/**
	 * The open case of a station the caller sees, else its latest closed one; empty for a
	 * station never flagged.
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 */
	@Transactional(readOnly = true)
	public Optional<Case> findLatestFor(StationId station) {
		registry.getById(station);
		return cases.findLatestFor(station, registry.visibleStations());
	}

	/** Lowers the station one level (降级) and closes the case as downgraded. */
	public Case downgrade(long caseId, Long expectedStationVersion, String reason) {
		Case open = lockForDecision(caseId);
		Station station = registry.downgrade(open.stationId(), expectedStationVersion, reason);
		return decided(open, Status.DOWNGRADED, reason.strip(), open.level(), station.details().level(), null);
	}

	/** Takes the station off the map for good, reason {@link DelistingReason#SILENT}. */
	public Case delist(long caseId, Long expectedStationVersion, String note) {
		Case open = lockForDecision(caseId);
		registry.delist(open.stationId(), expectedStationVersion, DelistingReason.SILENT, note);
		String trimmed = (note == null || note.isBlank()) ? null : note.strip();
		return decided(open, Status.DELISTED, trimmed, null, null, null);
	}

	/**
	 * Leaves the station as it is, for a reason, until {@code until} (inclusive): the
	 * check flags it again only after that day, counting the months since this case.
	 */
	public Case exempt(long caseId, String reason, LocalDate until) {
		Case open = lockForDecision(caseId);
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
		return decided(open, Status.EXEMPTED, trimmed, null, null, until);
	}

	/**
	 * Locks an open case for a decision: not found outside the caller's scope, forbidden
	 * without the admin role, a conflict once it is closed or its station was rated since
	 * it opened (the check then closes it by itself).
	 */
	private Case lockForDecision(long caseId) {
		VisibleStations visible = registry.visibleStations();
		Case found = cases.lockVisible(caseId, visible)
			.orElseThrow(() -> new NotFoundException("silent.notFound", caseId));
		if (!visible.mayManage()) {
			throw new ForbiddenException("silent.forbidden.decide");
		}
		if (found.status() != Status.OPEN) {
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

	private Case decided(Case open, Status outcome, String reason, StationLevel before, StationLevel after,
			LocalDate exemptUntil) {
		String by = Actor.current()
			.map(Actor::username)
			.orElseThrow(() -> new AccessDeniedException("not signed in with an account"));
		cases.close(open.id(), outcome, clock.instant(), by, reason, before, after, exemptUntil);
		Case closed = cases.findById(open.id()).orElseThrow();
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

	/** Where a case stands. */
	public enum Status implements Labelled {

		OPEN("待处理", "Open"), DOWNGRADED("已降级", "Downgraded"), DELISTED("已摘牌", "Delisted"), EXEMPTED("已豁免", "Exempted"),
		RESOLVED_BY_RATING("已恢复评价", "Resolved by a rating"), WITHDRAWN("驿站已另行摘牌", "Station delisted otherwise");

		private final Label label;

		Status(String labelZh, String labelEn) {
			this.label = new Label(labelZh, labelEn);
		}

		@Override
		public Label label() {
			return label;
		}

	}

	/** What the union may decide on an open case. */
	public enum Decision {

		DOWNGRADE, DELIST, EXEMPT

	}

	/**
	 * Which cases to list: those of an organisation's subtree, in some states (open when
	 * none are named), of stations whose code or name contains {@code text}.
	 */
	public record Query(String organization, Set<Status> statuses, String text) {

		public Query {
			statuses = (statuses == null || statuses.isEmpty()) ? EnumSet.of(Status.OPEN) : Set.copyOf(statuses);
			text = (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	/** One page of cases. */
	public record CasePage(List<Case> content, int page, int size, long totalElements) {

		public int totalPages() {
			return (int) ((totalElements + size - 1) / size);
		}

	}

	/** The station's last counted rating: when, and how many stars. */
	public record LastRating(Instant at, int stars) {
	}

	/**
	 * A silent station's case: the station as it is now, the silent months, and what
	 * became of it.
	 *
	 * @param firstSilentMonth the first silent month; every month up to
	 * {@code lastSilentMonth} was silent too
	 * @param lastSilentMonth the last month judged silent (an open case grows while the
	 * station stays silent)
	 * @param decidedBy the login of the admin who decided, {@code null} otherwise
	 * @param reason the reason given with the decision
	 * @param levelBefore the level before a downgrade
	 * @param levelAfter the level after a downgrade
	 * @param exemptUntil the last day of an exemption
	 * @param resolvedRatingDay the day of the counted rating that ended the silence
	 * @param lastCountedRating the station's latest counted rating, {@code null} if none
	 */
	public record Case(long id, StationId stationId, String stationCode, String stationName, String districtCode,
			StationLevel level, StationStatus stationStatus, long stationVersion, YearMonth firstSilentMonth,
			YearMonth lastSilentMonth, Status status, Instant openedAt, Instant closedAt, String decidedBy,
			String reason, StationLevel levelBefore, StationLevel levelAfter, LocalDate exemptUntil,
			LocalDate resolvedRatingDay, LastRating lastCountedRating) {

		/** The silent months, in order. */
		public List<YearMonth> silentMonths() {
			List<YearMonth> months = new ArrayList<>();
			for (YearMonth month = firstSilentMonth; !month.isAfter(lastSilentMonth); month = month.plusMonths(1)) {
				months.add(month);
			}
			return months;
		}

		/**
		 * What the union may still decide: nothing once closed; no downgrade below none.
		 */
		public Set<Decision> offers() {
			if (status != Status.OPEN || stationStatus == StationStatus.DELISTED) {
				return EnumSet.noneOf(Decision.class);
			}
			Set<Decision> offers = EnumSet.of(Decision.DELIST, Decision.EXEMPT);
			if (level.lower().isPresent()) {
				offers.add(Decision.DOWNGRADE);
			}
			return offers;
		}

		/** What the audit log keeps of the case. */
		public String summary() {
			StringBuilder summary = new StringBuilder("case=").append(id)
				.append("; status=")
				.append(status)
				.append("; months=")
				.append(firstSilentMonth)
				.append("..")
				.append(lastSilentMonth);
			if (reason != null) {
				summary.append("; reason=").append(reason);
			}
			if (levelBefore != null) {
				summary.append("; level=").append(levelBefore).append("->").append(levelAfter);
			}
			if (exemptUntil != null) {
				summary.append("; exemptUntil=").append(exemptUntil);
			}
			if (resolvedRatingDay != null) {
				summary.append("; ratedOn=").append(resolvedRatingDay);
			}
			return summary.toString();
		}

	}

}
