package org.yizhan.onboarding;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.SiteGain;
import org.yizhan.coverage.TravelMode;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.ChecklistItem;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.standard.StationMeasure;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores applications for selection, item by item (issue 14, item 4): the coverage a
 * station at the site would add to its district, by day and at night, as the coverage
 * module computes it ({@link CoverageAnalysis#gainsOf}, so the figures are coverage's
 * own); the nearest listed station against the spacing rule; the declared site against
 * the checklist in force ({@link Checklists#findInForce}).
 * <p>
 * Scoring a union's applications stores the figures ({@code application_score}) so that
 * the list sorts and filters 40,000 of them in SQL; an application's page explains its
 * score afresh. Coverage is measured per district (a district's demand is the whole
 * against which a share is read), one grid and one pass of the stations per district and
 * instant, then one disc per application.
 * <p>
 * "By day" and "at night" are two fixed instants of a working week, so that scores taken
 * on different days compare: the coming Wednesday (today if it is one) at {@link #DAY}
 * and at {@link #NIGHT}, Beijing time; a station counts at an instant when its hours say
 * it is open then.
 */
@Service
public class ApplicationScoring {

	public static final LocalTime DAY = LocalTime.of(14, 0);

	public static final LocalTime NIGHT = LocalTime.of(2, 0);

	/** Riders' and couriers' way of getting about: coverage's default too. */
	public static final TravelMode MODE = TravelMode.EBIKE;

	/**
	 * The checklist item (the Shandong rule's) that a site on the ground floor facing the
	 * street meets, as the host declared it: the only yes-or-no item an application
	 * answers; the field visit confirms it.
	 */
	static final String STREET_LEVEL_ITEM = "street-level";

	private final ScoreRepository repository;

	private final CoverageAnalysis coverage;

	private final Checklists checklists;

	private final OrganizationTree organizations;

	private final Clock clock;

	ApplicationScoring(ScoreRepository repository, CoverageAnalysis coverage, Checklists checklists,
			OrganizationTree organizations, Clock clock) {
		this.repository = repository;
		this.coverage = coverage;
		this.checklists = checklists;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** What a scoring run did. */
	public record ScoringRun(int scored, List<String> districtsWithoutBoundary, long millis) {
	}

	/**
	 * Scores every application still to be decided inside a union's subtree and stores
	 * the figures, replacing older ones, in one transaction.
	 * @param orgCode the union, the caller's own when {@code null}; inside the caller's
	 * subtree
	 * @throws NotFoundException for a union outside the caller's subtree
	 */
	@Transactional
	public ScoringRun scoreAll(String orgCode) {
		long started = System.nanoTime();
		Organization scope = scope(orgCode);
		List<ScoreRepository.Site> sites = this.repository.listOpenSites(scope.path());
		Map<String, List<ScoreRepository.Site>> byDistrict = new LinkedHashMap<>();
		sites.forEach(site -> byDistrict.computeIfAbsent(site.districtCode(), d -> new ArrayList<>()).add(site));
		List<ApplicationScore> scores = new ArrayList<>(sites.size());
		List<String> unmeasured = new ArrayList<>();
		for (Map.Entry<String, List<ScoreRepository.Site>> district : byDistrict.entrySet()) {
			List<ApplicationScore> scored = score(district.getKey(), district.getValue());
			if (!scored.isEmpty() && scored.get(0).coverage() == null) {
				unmeasured.add(district.getKey());
			}
			scores.addAll(scored);
		}
		this.repository.saveAll(scores, now());
		return new ScoringRun(scores.size(), unmeasured, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * An application's score, explained item by item, computed now.
	 * @throws NotFoundException outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public ApplicationScore explain(long id) {
		Actor actor = Applications.reader();
		ScoreRepository.Site site = this.repository.findSite(id, actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("onboarding.application.notFound", id));
		return score(site.districtCode(), List.of(site)).get(0);
	}

	/**
	 * The scored list of the caller's subtree: the applications still to be decided (or
	 * of one status), filtered and sorted by their stored figures, 1 to 200 a page.
	 * @throws NotFoundException for a union filter outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public ScoredPage list(ScoreQuery query, int page, int size) {
		Actor actor = Applications.reader();
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, Applications.MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String filterPath = null;
		if (query.districtCode() != null && !query.districtCode().isBlank()) {
			filterPath = scope(query.districtCode()).path();
		}
		return this.repository.search(query, actor.organizationPath(), filterPath, page, size);
	}

	/** The instants "by day" and "at night" are measured at, for what is scored now. */
	public Instant[] dayAndNight() {
		LocalDate wednesday = LocalDate.now(this.clock.withZone(YizhanTime.ZONE))
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
		return new Instant[] { wednesday.atTime(DAY).atZone(YizhanTime.ZONE).toInstant(),
				wednesday.atTime(NIGHT).atZone(YizhanTime.ZONE).toInstant() };
	}

	/** The coverage query of a district at an instant, as selection measures. */
	public CoverageQuery queryOf(String districtCode, Instant at) {
		return new CoverageQuery(districtCode, MODE, Duration.ofMinutes(this.coverage.defaultMinutes()), at);
	}

	/**
	 * Resolves the union a caller scores or filters by: its own when {@code null}, else
	 * one inside its subtree.
	 */
	Organization scope(String orgCode) {
		Actor actor = Applications.reader();
		String code = (orgCode == null || orgCode.isBlank()) ? actor.organizationCode() : orgCode.strip();
		return this.organizations.findByCode(code)
			.filter(org -> actor.sees(org.path()))
			.orElseThrow(() -> new NotFoundException("onboarding.organization.notFound", code));
	}

	/** Scores the sites of one district. */
	private List<ApplicationScore> score(String districtCode, List<ScoreRepository.Site> sites) {
		List<GeoPoint> points = sites.stream().map(ScoreRepository.Site::location).toList();
		Instant[] dayAndNight = dayAndNight();
		List<SiteGain> day;
		List<SiteGain> night;
		try {
			day = this.coverage.gainsOf(queryOf(districtCode, dayAndNight[0]), points);
			night = this.coverage.gainsOf(queryOf(districtCode, dayAndNight[1]), points);
		}
		catch (NotFoundException ex) {
			// no boundary on file for the district: nothing to measure a share of
			day = null;
			night = null;
		}
		double rule = this.coverage.spacingMeters();
		int minutes = this.coverage.defaultMinutes();
		double radius = this.coverage.radiusMeters(MODE, Duration.ofMinutes(minutes));
		Optional<ChecklistInForce> inForce = this.checklists.findInForce(districtCode);
		List<ApplicationScore> scores = new ArrayList<>(sites.size());
		for (int i = 0; i < sites.size(); i++) {
			ScoreRepository.Site site = sites.get(i);
			ApplicationScore.Coverage figures = null;
			ApplicationScore.Spacing spacing;
			if (day != null) {
				SiteGain d = day.get(i);
				SiteGain n = night.get(i);
				figures = new ApplicationScore.Coverage(d.reached(), d.addsSingle(), d.addsCross(), n.addsSingle(),
						n.addsCross(), dayAndNight[0], dayAndNight[1], MODE.name(), minutes, radius);
				spacing = new ApplicationScore.Spacing(d.nearestStationCode(), d.nearestStationName(),
						d.nearestStationMeters(), rule);
			}
			else {
				spacing = new ApplicationScore.Spacing(null, null, null, rule);
			}
			scores.add(new ApplicationScore(site.id(), districtCode, figures, spacing,
					inForce.map(ChecklistInForce::checklist).orElse(null),
					inForce.map(f -> conditions(f, site)).orElse(List.of())));
		}
		return scores;
	}

	/** Each item in force, judged from what the host declared of the site. */
	static List<ApplicationScore.Condition> conditions(ChecklistInForce inForce, ScoreRepository.Site site) {
		List<ApplicationScore.Condition> conditions = new ArrayList<>();
		for (ChecklistInForce.Item entry : inForce.items()) {
			ChecklistItem item = entry.item();
			ApplicationScore.Verdict verdict = ApplicationScore.Verdict.AT_VISIT;
			if (item.evidence() == Evidence.AMENITY && item.amenity() != null) {
				verdict = site.amenities().contains(item.amenity()) ? ApplicationScore.Verdict.MET
						: ApplicationScore.Verdict.NOT_MET;
			}
			else if (item.evidence() == Evidence.NUMBER && item.measure() == StationMeasure.AREA_M2
					&& item.minimum() != null) {
				verdict = (site.areaM2() >= item.minimum().doubleValue()) ? ApplicationScore.Verdict.MET
						: ApplicationScore.Verdict.NOT_MET;
			}
			else if (item.evidence() == Evidence.YES_NO && STREET_LEVEL_ITEM.equals(item.code())) {
				verdict = (site.floor() == 1 && site.facingStreet()) ? ApplicationScore.Verdict.MET
						: ApplicationScore.Verdict.NOT_MET;
			}
			conditions.add(new ApplicationScore.Condition(item, verdict));
		}
		return conditions;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
