package org.yizhan.grading;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly assessment: a run over a union's subtree reads every station's evidence of
 * the year in one set-based statement, assesses it under the rule in force and stores a
 * proposal per station with the evidence behind it, all in one transaction (a run is
 * whole or absent). The explanation of a proposal is its rule applied again to its stored
 * evidence, so it always agrees with the proposal. The at-risk list assesses the last
 * twelve months the same way without storing anything.
 */
@Service
@Transactional
public class Assessments {

	public static final int FIRST_YEAR = 2000;

	public static final int MAX_PAGE_SIZE = 200;

	private final GradingRepository repository;

	private final GradingRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Assessments(GradingRepository repository, GradingRules rules, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Runs the assessment of {@code year} over the subtree of {@code unionCode}: an admin
	 * of a union they see; the year may be the current one (its months so far) or a past
	 * one, not a future one. Without a rule of its own or above, the union's first run
	 * saves the defaults as its rule, so the run names the rule it applied.
	 */
	public GradingRun run(String unionCode, Integer year) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("grading.forbidden.decide");
		}
		Organization union = this.rules.union(actor, unionCode);
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		if (year == null) {
			throw new InvalidInputException(Violation.of("year", "validation.required"));
		}
		if (year < FIRST_YEAR || year > today.getYear()) {
			throw new InvalidInputException(Violation.of("year", "grading.year.range", FIRST_YEAR, today.getYear()));
		}
		GradingRule rule = this.rules.inForceFor(union);
		if (rule.id() == null) {
			rule = this.repository.insertRule(new GradingRule(null, union.code(), 0, rule.criteria(),
					rule.starThresholds(), rule.levelThresholds(), this.clock.instant(), actor.username()));
			this.events.publishEvent(new Audited("grading.rule.save", "grading_rule",
					rule.ownerCode() + " v" + rule.version(), union.code(), null, GradingRules.describe(rule)));
		}
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = from.plusYears(1);
		LocalDate thisMonth = today.withDayOfMonth(1);
		LocalDate elapsedTo = to.isAfter(thisMonth) ? thisMonth : to;
		Instant started = this.clock.instant();
		Instant end = to.atStartOfDay(YizhanTime.ZONE).toInstant();
		Instant dueBefore = end.isBefore(started) ? end : started;
		long runId = this.repository.insertRun(union.code(), union.path(), year, rule.id(), from, to, started,
				actor.username());
		GradingRule applied = rule;
		List<StationEvidence> evidence = new ArrayList<>(GradingRepository.INSERT_CHUNK);
		List<Assessment> assessments = new ArrayList<>(GradingRepository.INSERT_CHUNK);
		int[] count = { 0 };
		this.repository.forEachEvidence(union.path(), from, to, elapsedTo, dueBefore, station -> {
			evidence.add(station);
			assessments.add(applied.assess(station));
			count[0]++;
			if (evidence.size() == GradingRepository.INSERT_CHUNK) {
				this.repository.insertProposals(runId, evidence, assessments);
				evidence.clear();
				assessments.clear();
			}
		});
		if (!evidence.isEmpty()) {
			this.repository.insertProposals(runId, evidence, assessments);
		}
		this.repository.finishRun(runId, count[0], this.clock.instant());
		this.events.publishEvent(new Audited("grading.run", "grading_run", Long.toString(runId), union.code(), null,
				"year=" + year + "; rule=" + rule.ownerCode() + " v" + rule.version() + "; stations=" + count[0]));
		return this.repository.findRun(runId).orElseThrow();
	}

	/** The runs of the caller's subtree, newest first (at most 100): union staff. */
	@Transactional(readOnly = true)
	public List<GradingRun> listRuns() {
		Actor actor = reader();
		return this.repository.listRuns(actor.organizationPath(), 100);
	}

	/** A run the caller may read: one of its subtree, or above it (then seen in part). */
	@Transactional(readOnly = true)
	public GradingRun getRun(long runId) {
		Actor actor = reader();
		return visibleRun(actor, runId);
	}

	/**
	 * A page of a run's proposals in the part of its subtree the caller sees, by station
	 * code; {@code changingOnly} keeps those that would change a station's grade now.
	 */
	@Transactional(readOnly = true)
	public ProposalPage listProposals(long runId, boolean changingOnly, int page, int size) {
		Actor actor = reader();
		GradingRun run = visibleRun(actor, runId);
		if (page < 0) {
			throw new InvalidInputException(Violation.of("page", "validation.range", 0, Integer.MAX_VALUE));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException(Violation.of("size", "validation.size", MAX_PAGE_SIZE));
		}
		GradingRule rule = this.repository.findRule(run.ruleId()).orElseThrow();
		String path = seenPath(actor, run);
		List<Proposal> proposals = this.repository.listProposals(runId, path, changingOnly, page * size, size)
			.stream()
			.map(stored -> proposal(stored, rule))
			.toList();
		return new ProposalPage(run, rule, proposals, this.repository.countProposals(runId, path, changingOnly), page,
				size);
	}

	/** One station's proposal in a run, with its explanation. */
	@Transactional(readOnly = true)
	public Proposal getProposal(long runId, long stationId) {
		Actor actor = reader();
		GradingRun run = visibleRun(actor, runId);
		GradingRule rule = this.repository.findRule(run.ruleId()).orElseThrow();
		return this.repository.findProposal(runId, stationId, false)
			.filter(stored -> inSeenPart(actor, stored.evidence().districtCode()))
			.map(stored -> proposal(stored, rule))
			.orElseThrow(() -> new NotFoundException("grading.proposal.notFound", stationId));
	}

	/**
	 * The stations of a union's subtree that would lose a star if assessed today: union
	 * staff who see the union. Evidence of the last twelve months (this month so far and
	 * the eleven before it); at most {@code limit} listed, the most stars lost first.
	 */
	@Transactional(readOnly = true)
	public AtRiskList atRisk(String unionCode, int limit) {
		Actor actor = reader();
		Organization union = this.rules.union(actor, unionCode);
		GradingRule rule = this.rules.inForceFor(union);
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		LocalDate thisMonth = today.withDayOfMonth(1);
		LocalDate from = thisMonth.minusMonths(11);
		LocalDate to = thisMonth.plusMonths(1);
		Comparator<StationAtRisk> worstFirst = Comparator.comparingInt(StationAtRisk::starsLost)
			.reversed()
			.thenComparing(risk -> risk.assessment().score())
			.thenComparing(risk -> risk.evidence().code());
		PriorityQueue<StationAtRisk> kept = new PriorityQueue<>(worstFirst.reversed());
		int[] counts = { 0, 0 };
		this.repository.forEachEvidence(union.path(), from, to, thisMonth, this.clock.instant(), station -> {
			counts[0]++;
			Assessment assessment = rule.assess(station);
			if (assessment.stars() < station.currentStars()) {
				counts[1]++;
				kept.add(new StationAtRisk(station, assessment));
				if (kept.size() > limit) {
					kept.poll();
				}
			}
		});
		List<StationAtRisk> stations = new ArrayList<>(kept);
		stations.sort(worstFirst);
		return new AtRiskList(union.code(), union.name(), from, to, rule, counts[0], counts[1], stations);
	}

	static Proposal proposal(GradingRepository.StoredProposal stored, GradingRule rule) {
		return new Proposal(stored.runId(), stored.evidence(), rule.assess(stored.evidence()), stored.levelNow(),
				stored.starsNow(), stored.decision(), stored.decidedLevel(), stored.decidedStars(), stored.reason(),
				stored.decidedBy(), stored.decidedAt(), stored.batchId());
	}

	private static Actor reader() {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("grading.forbidden.read");
		}
		return actor;
	}

	GradingRun visibleRun(Actor actor, long runId) {
		return this.repository.findRun(runId)
			.filter(run -> actor.sees(run.unionPath()) || within(actor.organizationPath(), run.unionPath()))
			.orElseThrow(() -> new NotFoundException("grading.run.notFound", runId));
	}

	/** The part of a run's subtree the actor sees: the deeper of the two paths. */
	static String seenPath(Actor actor, GradingRun run) {
		return actor.sees(run.unionPath()) ? run.unionPath() : actor.organizationPath();
	}

	boolean inSeenPart(Actor actor, String districtCode) {
		return this.rules.organizationPath(districtCode).map(actor::sees).orElse(false);
	}

	private static boolean within(String path, String ancestor) {
		return path.startsWith(ancestor + "/");
	}

}
