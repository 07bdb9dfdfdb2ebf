package org.yizhan.grading;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.StationGrades;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's decisions on a run's proposals, the only way a station's level and stars
 * change: accept one, override one with another grade and a reason, or accept every
 * undecided proposal that changes a grade as one naming batch under a document number and
 * date. Each decision applies the grade through {@link StationGrades} and is audited in
 * the same transaction. A union names levels up to its own tier (a city union city level,
 * a province provincial, the national federation national; a district union decides stars
 * only): a proposal above that is given at the union's own tier, and a station already
 * graded above it keeps its level, which the union above decides.
 */
@Service
@Transactional
public class GradingDecisions {

	public static final int MAX_REASON = 500;

	public static final int MAX_DOCUMENT_NUMBER = 60;

	private final GradingRepository repository;

	private final Assessments assessments;

	private final StationGrades grades;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GradingDecisions(GradingRepository repository, Assessments assessments, StationGrades grades,
			OrganizationTree organizations, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.assessments = assessments;
		this.grades = grades;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** Accepts a run's proposal for a station as it stands; the reason is optional. */
	public Proposal accept(long runId, long stationId, String reason) {
		Actor actor = decider();
		GradingRun run = this.assessments.visibleRun(actor, runId);
		GradingRepository.StoredProposal stored = undecided(actor, runId, stationId);
		String note = optionalReason(reason);
		StationLevel cap = cap(actor);
		StationLevel level = decidable(stored.levelNow(), stored.proposedLevel(), cap);
		decide(run, stored, "ACCEPTED", level, stored.proposedStars(), note, null, actor);
		return this.assessments.getProposal(runId, stationId);
	}

	/**
	 * Decides another grade than proposed, with the reason required: refused (403) for a
	 * level above what the caller's union names.
	 */
	public Proposal override(long runId, long stationId, StationLevel level, Integer stars, String reason) {
		Actor actor = decider();
		GradingRun run = this.assessments.visibleRun(actor, runId);
		List<Violation> violations = new java.util.ArrayList<>();
		if (level == null) {
			violations.add(Violation.of("level", "validation.required"));
		}
		if (stars == null || stars < 0 || stars > 5) {
			violations.add(Violation.of("stars", "validation.range", 0, 5));
		}
		String note = requiredReason(reason, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		GradingRepository.StoredProposal stored = undecided(actor, runId, stationId);
		StationLevel cap = cap(actor);
		if (level != stored.levelNow() && (level.compareTo(cap) > 0 || stored.levelNow().compareTo(cap) > 0)) {
			throw new ForbiddenException("grading.level.beyond", cap.labelZh(), cap.labelEn());
		}
		decide(run, stored, "OVERRIDDEN", level, stars, note, null, actor);
		return this.assessments.getProposal(runId, stationId);
	}

	/**
	 * Accepts, as one naming batch, the undecided proposals of the run in the caller's
	 * part of it that would change a grade: those of {@code stationIds} (the batch's
	 * list), or every one when {@code stationIds} is {@code null}. The document number
	 * (unique per union) and its date are required, the date not in the future. Refused
	 * (409) when nothing is left to decide.
	 */
	public NamingBatch acceptBatch(long runId, String documentNumber, LocalDate documentDate, List<Long> stationIds) {
		Actor actor = decider();
		GradingRun run = this.assessments.visibleRun(actor, runId);
		List<Violation> violations = new java.util.ArrayList<>();
		String number = documentNumber == null ? "" : documentNumber.strip();
		if (number.isEmpty()) {
			violations.add(Violation.of("documentNumber", "validation.required"));
		}
		else if (number.length() > MAX_DOCUMENT_NUMBER) {
			violations.add(Violation.of("documentNumber", "validation.tooLong", MAX_DOCUMENT_NUMBER));
		}
		else if (PlainText.hasInvisibleCharacters(number)) {
			violations.add(Violation.of("documentNumber", PlainText.INVISIBLE_CHARACTERS));
		}
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		if (documentDate == null) {
			violations.add(Violation.of("documentDate", "validation.required"));
		}
		else if (documentDate.isAfter(today)) {
			violations.add(Violation.of("documentDate", "grading.batch.futureDate"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String unionCode = actor.sees(run.unionPath()) ? run.unionCode() : actor.organizationCode();
		if (this.repository.batchNumberTaken(unionCode, number)) {
			throw new ConflictException("documentNumber", "grading.batch.numberTaken", number);
		}
		List<GradingRepository.StoredProposal> open = this.repository.lockUndecidedChanging(runId,
				Assessments.seenPath(actor, run), stationIds);
		if (open.isEmpty()) {
			throw new ConflictException("grading.batch.empty");
		}
		Instant now = this.clock.instant();
		long batchId = this.repository.insertBatch(runId, unionCode, number, documentDate, now, actor.username());
		StationLevel cap = cap(actor);
		for (GradingRepository.StoredProposal stored : open) {
			StationLevel level = decidable(stored.levelNow(), stored.proposedLevel(), cap);
			decide(run, stored, "ACCEPTED", level, stored.proposedStars(), null, new Batch(batchId, number), actor);
		}
		this.repository.countBatch(batchId, open.size());
		this.events.publishEvent(new Audited("grading.batch", "grading_batch", number, unionCode, null,
				"run=" + runId + "; date=" + documentDate + "; stations=" + open.size() + "; codes="
						+ open.stream().map(p -> p.evidence().code()).limit(100).collect(Collectors.joining(","))));
		return this.repository.listBatches(runId).stream().filter(b -> b.id() == batchId).findFirst().orElseThrow();
	}

	/** The naming batches of a run the caller may read. */
	@Transactional(readOnly = true)
	public List<NamingBatch> listBatches(long runId) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("grading.forbidden.read");
		}
		this.assessments.visibleRun(actor, runId);
		return this.repository.listBatches(runId);
	}

	private record Batch(long id, String documentNumber) {
	}

	private void decide(GradingRun run, GradingRepository.StoredProposal stored, String decision, StationLevel level,
			int stars, String reason, Batch batch, Actor actor) {
		long stationId = stored.evidence().stationId();
		String reference = (batch != null) ? "grading batch " + batch.documentNumber() : "grading run " + run.id() + " "
				+ decision.toLowerCase(java.util.Locale.ROOT) + (reason == null ? "" : ": " + reason);
		this.grades.apply(new StationId(stationId), level, stars, reference.length() > StationGrades.MAX_DECISION
				? reference.substring(0, StationGrades.MAX_DECISION) : reference);
		this.repository.recordDecision(run.id(), stationId, decision, level, stars, reason, actor.username(),
				this.clock.instant(), batch == null ? null : batch.id());
		if (batch == null) {
			this.events.publishEvent(new Audited("grading." + decision.toLowerCase(java.util.Locale.ROOT),
					"grading_proposal", run.id() + "/" + stored.evidence().code(), stored.evidence().districtCode(),
					"level=" + stored.levelNow() + "; stars=" + stored.starsNow() + "; proposed="
							+ stored.proposedLevel() + "/" + stored.proposedStars() + "; score=" + stored.score(),
					"level=" + level + "; stars=" + stars + (reason == null ? "" : "; reason=" + reason)));
		}
	}

	private GradingRepository.StoredProposal undecided(Actor actor, long runId, long stationId) {
		GradingRepository.StoredProposal stored = this.repository.findProposal(runId, stationId, true)
			.filter(p -> this.assessments.inSeenPart(actor, p.evidence().districtCode()))
			.orElseThrow(() -> new NotFoundException("grading.proposal.notFound", stationId));
		if (stored.decision() != null) {
			throw new ConflictException("grading.proposal.decided", (Object) stored.decidedBy());
		}
		return stored;
	}

	/** The highest level the caller's union names. */
	private StationLevel cap(Actor actor) {
		OrganizationKind kind = this.organizations.findByCode(actor.organizationCode())
			.map(Organization::kind)
			.orElse(OrganizationKind.DISTRICT);
		return switch (kind) {
			case NATIONAL -> StationLevel.NATIONAL;
			case PROVINCE -> StationLevel.PROVINCIAL;
			case CITY -> StationLevel.CITY;
			default -> StationLevel.NONE;
		};
	}

	/**
	 * The level a union may give: the proposal up to its own tier (a city union names a
	 * station proposed provincial a city-level one; the province names it higher), and
	 * the level now for a station already graded above that tier.
	 */
	static StationLevel decidable(StationLevel now, StationLevel proposed, StationLevel cap) {
		if (now.compareTo(cap) > 0) {
			return now;
		}
		return (proposed.compareTo(cap) > 0) ? cap : proposed;
	}

	private static Actor decider() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("grading.forbidden.decide");
		}
		return actor;
	}

	private static String optionalReason(String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		List<Violation> violations = new java.util.ArrayList<>();
		String note = requiredReason(reason, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return note;
	}

	private static String requiredReason(String reason, List<Violation> violations) {
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.isEmpty()) {
			violations.add(Violation.of("reason", "validation.required"));
		}
		else if (trimmed.length() > MAX_REASON) {
			violations.add(Violation.of("reason", "validation.tooLong", MAX_REASON));
		}
		else if (PlainText.hasInvisibleCharacters(trimmed)) {
			violations.add(Violation.of("reason", PlainText.INVISIBLE_CHARACTERS));
		}
		return trimmed;
	}

}
