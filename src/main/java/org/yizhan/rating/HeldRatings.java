package org.yizhan.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.VisibleStations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of held ratings: ratings the intake's anomaly rules held as suspect
 * (kept, but out of every figure and of the silent-station rule) until a union admin
 * releases one, so that it counts everywhere from then on, or rejects it, so that it is
 * kept and never counted. A rating is reviewed once: a second verdict is a conflict.
 *
 * <p>
 * Union admins (ORG_ADMIN) review the ratings of the stations in their subtree; a rating
 * of a station the caller does not see does not exist for it (404), and anyone else who
 * sees the station is refused (403). Each verdict, alone or in a batch, is one
 * transaction that records the reviewer and time on the rating and publishes an
 * {@link Audited} per rating, and a {@link RatingReleased} per rating released; a batch
 * with one rating that cannot be reviewed changes none.
 */
@Service
@Transactional
public class HeldRatings {

	/** The most ratings one batch reviews. */
	public static final int MAX_BATCH = 200;

	/** The largest page of the queue. */
	public static final int MAX_PAGE_SIZE = 200;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final HeldRatingStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HeldRatings(StationRegistry registry, OrganizationTree organizations, HeldRatingStore store,
			ApplicationEventPublisher events, Clock clock) {
		this.registry = registry;
		this.organizations = organizations;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** What an admin decides about a held rating. */
	public enum Verdict {

		/** It counts, like any rating that was never held. */
		RELEASE(RatingStatus.COUNTED, "rating.release"),
		/** It is kept as evidence and never counted. */
		REJECT(RatingStatus.REJECTED, "rating.reject");

		private final RatingStatus outcome;

		private final String action;

		Verdict(RatingStatus outcome, String action) {
			this.outcome = outcome;
			this.action = action;
		}

		public RatingStatus outcome() {
			return outcome;
		}

	}

	/**
	 * A rating in the queue or just reviewed.
	 *
	 * @param holdReasons the anomaly rules that held it, e.g. {@code STATION_BURST}
	 * @param nearStation the browser's location check: within 300 m, not, or not offered
	 */
	public record HeldRating(long id, LocalDate day, Instant createdAt, StationId stationId, String stationCode,
			String stationName, int stars, List<RatingTag> tags, WorkerCategory category, String comment,
			List<String> holdReasons, Boolean nearStation, RatingStatus status, Instant reviewedAt) {
	}

	public record HeldPage(List<HeldRating> content, int page, int size, long totalElements) {
	}

	/**
	 * The held ratings of the caller's subtree, or of {@code org} within it, newest
	 * first.
	 * @throws ForbiddenException for anyone but a union admin
	 * @throws NotFoundException for an {@code org} unknown or outside the subtree
	 */
	@Transactional(readOnly = true)
	public HeldPage list(String org, int page, int size) {
		Actor actor = reviewer();
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String path = (org == null || org.isBlank()) ? actor.organizationPath()
				: this.organizations.findByCode(org)
					.map(Organization::path)
					.filter(actor::sees)
					.orElseThrow(() -> new NotFoundException("figures.organization.notFound", org.strip()));
		Map<String, Object> params = new HashMap<>();
		String visible = this.registry.visibleStations().condition(params);
		List<HeldRating> content = this.store.listHeld(path, visible, params, Paging.offset(page, size), size)
			.stream()
			.map(HeldRatings::held)
			.toList();
		return new HeldPage(content, page, size, this.store.countHeld(path, visible, params));
	}

	/** Releases or rejects one held rating. */
	public HeldRating review(long id, Verdict verdict) {
		return review(List.of(id), verdict).get(0);
	}

	/**
	 * Releases or rejects held ratings, all or none: an id the caller does not see is not
	 * found (404), one already reviewed is a conflict (409), and either leaves every
	 * rating as it was.
	 */
	public List<HeldRating> review(List<Long> ids, Verdict verdict) {
		if (ids == null || ids.isEmpty()) {
			throw new InvalidInputException(Violation.of("ids", "validation.required"));
		}
		if (ids.size() > MAX_BATCH) {
			throw new InvalidInputException(Violation.of("ids", "figures.review.tooMany", MAX_BATCH));
		}
		Set<Long> wanted = new LinkedHashSet<>(ids);
		VisibleStations visible = this.registry.visibleStations();
		Actor actor = Actor.required();
		Map<String, Object> params = new HashMap<>();
		List<HeldRatingStore.Row> rows = this.store.lockVisible(List.copyOf(wanted), visible.condition(params), params);
		Set<Long> found = rows.stream().map(HeldRatingStore.Row::id).collect(Collectors.toSet());
		Optional<Long> missing = wanted.stream().filter(id -> !found.contains(id)).findFirst();
		if (missing.isPresent()) {
			throw new NotFoundException("figures.review.notFound", missing.get());
		}
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("figures.forbidden.review");
		}
		List<HeldRatingStore.Row> reviewed = rows.stream().filter(row -> !row.status().equals("HELD")).toList();
		if (!reviewed.isEmpty()) {
			HeldRatingStore.Row first = reviewed.get(0);
			throw new ConflictException("status", "figures.review.alreadyReviewed", first.id(),
					RatingStatus.valueOf(first.status()).label(LocaleContextHolder.getLocale()));
		}
		Instant now = this.clock.instant();
		this.store.review(rows, verdict.outcome().name(), actor.accountId(), now);
		List<HeldRating> results = new ArrayList<>();
		for (HeldRatingStore.Row row : rows) {
			this.events.publishEvent(new Audited(verdict.action, "rating", Long.toString(row.id()), row.districtCode(),
					summary(row, row.status()), summary(row, verdict.outcome().name())));
			if (verdict == Verdict.RELEASE) {
				this.events.publishEvent(new RatingReleased(row.id(), row.day(), StationId.of(row.stationId()), now));
			}
			HeldRating before = held(row);
			results.add(new HeldRating(before.id(), before.day(), before.createdAt(), before.stationId(),
					before.stationCode(), before.stationName(), before.stars(), before.tags(), before.category(),
					before.comment(), before.holdReasons(), before.nearStation(), verdict.outcome(), now));
		}
		return results;
	}

	/**
	 * What the audit log keeps of a rating: never its comment or device, only what it was
	 * and where.
	 */
	private static String summary(HeldRatingStore.Row row, String status) {
		return "status=" + status + "; station=" + row.stationCode() + "; day=" + row.day() + "; stars=" + row.stars()
				+ "; holdReasons=" + String.join(",", row.holdReasons());
	}

	private static Actor reviewer() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("figures.forbidden.review");
		}
		return actor;
	}

	private static HeldRating held(HeldRatingStore.Row row) {
		return new HeldRating(row.id(), row.day(), row.createdAt(), StationId.of(row.stationId()), row.stationCode(),
				row.stationName(), row.stars(), Catalogues.tags(row.tags()), Catalogues.category(row.category()),
				row.comment(), row.holdReasons(), row.nearStation(), RatingStatus.valueOf(row.status()),
				row.reviewedAt());
	}

}
