package org.yizhan.grading;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Nominations up the union tree: a union names levels only up to its own tier
 * ({@link GradingDecisions}), so a station that deserves more is put forward to the union
 * above — a district's to its city for city level, a city's to its province for
 * provincial, a province's to the national federation. The union above gives each union
 * below a quota per year; a nomination past it is refused (409) with what is left. The
 * union above accepts or declines each nomination (a decline with its reason), and names
 * the accepted ones of a year in a naming batch under a document number, which is what
 * changes their level, through {@link StationGrades}. Each step is one transaction and
 * audited in it.
 */
@Service
@Transactional
public class Nominations {

	public static final int MAX_QUOTA = 10_000;

	private final NominationRepository repository;

	private final GradingRepository grading;

	private final Assessments assessments;

	private final StationGrades grades;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Nominations(NominationRepository repository, GradingRepository grading, Assessments assessments,
			StationGrades grades, OrganizationTree organizations, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.grading = grading;
		this.assessments = assessments;
		this.grades = grades;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts a station of a run forward to the union above the caller's, for that union's
	 * level: an admin whose part of the run holds the station (404 otherwise), with a
	 * reason. Refused (409) for a union nothing above it names levels for, a station
	 * already at that level or nominated for it this year, and past the quota, with the
	 * places left.
	 */
	public Nomination nominate(long runId, long stationId, String reason) {
		Actor actor = admin();
		GradingRun run = this.assessments.visibleRun(actor, runId);
		GradingRepository.StoredProposal proposal = this.grading.findProposal(runId, stationId, false)
			.filter(p -> this.assessments.inSeenPart(actor, p.evidence().districtCode()))
			.orElseThrow(() -> new NotFoundException("grading.proposal.notFound", stationId));
		List<Violation> violations = new ArrayList<>();
		String why = text("reason", reason, true, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Organization from = union(actor.organizationCode());
		Organization to = from.parentCode() == null ? null
				: this.organizations.findByCode(from.parentCode()).orElse(null);
		StationLevel level = to == null ? StationLevel.NONE : tier(to.kind());
		if (level == StationLevel.NONE) {
			throw new ConflictException("grading.nomination.nobodyAbove", (Object) from.name());
		}
		if (proposal.levelNow().compareTo(level) >= 0) {
			throw new ConflictException("station", "grading.nomination.alreadyThere", proposal.evidence().code(),
					proposal.levelNow().labelZh(), proposal.levelNow().labelEn());
		}
		if (this.repository.nominated(stationId, run.year(), level)) {
			throw new ConflictException("station", "grading.nomination.twice", proposal.evidence().code(), run.year());
		}
		Integer quota = this.repository.lockQuota(from.code(), run.year()).orElse(null);
		int used = this.repository.countUsed(from.code(), run.year());
		if (quota == null || used >= quota) {
			throw new ConflictException("grading.quota.exhausted", run.year(), quota == null ? 0 : quota, used,
					new NominationQuota(from.code(), from.name(), run.year(), quota, used).left());
		}
		long id = this.repository.insert(runId, stationId, run.year(), from.code(), to.code(), level, why,
				actor.username(), this.clock.instant());
		this.events.publishEvent(new Audited("grading.nominate", "grading_nomination", Long.toString(id), from.code(),
				null, "station=" + proposal.evidence().code() + "; to=" + to.code() + "; level=" + level + "; year="
						+ run.year() + "; quota=" + quota + "; used=" + (used + 1) + "; reason=" + why));
		return this.repository.find(id, false).orElseThrow();
	}

	/**
	 * Accepts or declines a pending nomination: an admin of the union it was sent to (403
	 * for others who see it, 404 for those who do not); a decline needs its reason, an
	 * acceptance may give one. A nomination answered already is refused (409).
	 */
	public Nomination answer(long id, boolean accept, String answer) {
		Actor actor = admin();
		Nomination nomination = visible(actor, this.repository.find(id, true).orElse(null), id);
		if (!nomination.toCode().equals(actor.organizationCode())) {
			throw new ForbiddenException("grading.nomination.notAddressee", nomination.toName());
		}
		if (nomination.status() != Nomination.Status.PENDING) {
			throw new ConflictException("grading.nomination.answered", (Object) nomination.answeredBy());
		}
		List<Violation> violations = new ArrayList<>();
		String note = text("answer", answer, !accept, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Nomination.Status status = accept ? Nomination.Status.ACCEPTED : Nomination.Status.DECLINED;
		this.repository.answer(id, status, note, actor.username(), this.clock.instant());
		this.events.publishEvent(new Audited(accept ? "grading.nomination.accept" : "grading.nomination.decline",
				"grading_nomination", Long.toString(id), nomination.fromCode(), "PENDING",
				status + "; station=" + nomination.stationCode() + "; level=" + nomination.level()
						+ (note == null ? "" : "; answer=" + note)));
		return this.repository.find(id, false).orElseThrow();
	}

	/**
	 * Sets how many stations a union may nominate in a year: an admin of a union above it
	 * (403 for the union's own admins, 404 outside the caller's subtree); refused (409)
	 * below the places already taken.
	 */
	public NominationQuota setQuota(String unionCode, String year, String quota) {
		Actor actor = admin();
		List<Violation> violations = new ArrayList<>();
		Organization union = null;
		if (unionCode == null || unionCode.isBlank()) {
			violations.add(Violation.of("union", "validation.required"));
		}
		else {
			union = this.organizations.findByCode(unionCode.strip())
				.filter(o -> actor.sees(o.path()))
				.orElseThrow(() -> new NotFoundException("grading.union.notFound", unionCode.strip()));
			if (union.code().equals(actor.organizationCode())) {
				throw new ForbiddenException("grading.quota.own");
			}
			if (union.parentCode() == null || this.organizations.findByCode(union.parentCode())
				.map(parent -> tier(parent.kind()))
				.orElse(StationLevel.NONE) == StationLevel.NONE) {
				throw new ConflictException("union", "grading.nomination.nobodyAbove", union.name());
			}
		}
		Integer y = whole("year", year, Assessments.FIRST_YEAR, thisYear() + 1, violations);
		Integer places = whole("quota", quota, 0, MAX_QUOTA, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Integer before = this.repository.lockQuota(union.code(), y).orElse(null);
		int used = this.repository.countUsed(union.code(), y);
		if (places < used) {
			throw new ConflictException("quota", "grading.quota.belowUsed", used);
		}
		this.repository.saveQuota(union.code(), y, places, actor.username(), this.clock.instant());
		this.events.publishEvent(new Audited("grading.quota.set", "grading_quota", union.code() + "/" + y, union.code(),
				before == null ? null : "quota=" + before, "quota=" + places + "; used=" + used));
		return new NominationQuota(union.code(), union.name(), y, places, used);
	}

	/**
	 * Names the accepted nominations of a year sent to the caller's union that no batch
	 * named yet, under a document number (unique per union) and a date not in the future:
	 * each station gets the nominated level (one already graded higher keeps its level)
	 * and keeps its stars. Refused (409) when nothing accepted waits.
	 */
	public NamingBatch nameAccepted(String year, String documentNumber, LocalDate documentDate) {
		Actor actor = admin();
		List<Violation> violations = new ArrayList<>();
		Integer y = whole("year", year, Assessments.FIRST_YEAR, thisYear() + 1, violations);
		String number = text("documentNumber", documentNumber, true, violations);
		if (number != null && number.length() > GradingDecisions.MAX_DOCUMENT_NUMBER) {
			violations.add(Violation.of("documentNumber", "validation.tooLong", GradingDecisions.MAX_DOCUMENT_NUMBER));
		}
		if (documentDate == null) {
			violations.add(Violation.of("documentDate", "validation.required"));
		}
		else if (documentDate.isAfter(LocalDate.now(this.clock.withZone(YizhanTime.ZONE)))) {
			violations.add(Violation.of("documentDate", "grading.batch.futureDate"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String unionCode = actor.organizationCode();
		if (this.grading.batchNumberTaken(unionCode, number)) {
			throw new ConflictException("documentNumber", "grading.batch.numberTaken", number);
		}
		List<Nomination> accepted = this.repository.lockAcceptedUnnamed(unionCode, y);
		if (accepted.isEmpty()) {
			throw new ConflictException("grading.nomination.noneAccepted", y);
		}
		long batchId = this.repository.insertBatch(unionCode, y, number, documentDate, accepted.size(),
				this.clock.instant(), actor.username());
		for (Nomination nomination : accepted) {
			StationLevel level = nomination.levelNow().compareTo(nomination.level()) > 0 ? nomination.levelNow()
					: nomination.level();
			this.grades.apply(new StationId(nomination.stationId()), level, nomination.starsNow(),
					"grading batch " + number);
		}
		this.repository.name(accepted.stream().map(Nomination::id).toList(), batchId);
		this.events.publishEvent(new Audited("grading.batch", "grading_batch", number, unionCode, null,
				"nominations; year=" + y + "; date=" + documentDate + "; stations=" + accepted.size() + "; codes="
						+ accepted.stream().map(Nomination::stationCode).limit(100).collect(Collectors.joining(","))));
		return this.repository.listBatches(unionCode, y)
			.stream()
			.filter(b -> b.id() == batchId)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The caller's union's nominations of a year: sent, received, its children's quotas.
	 */
	@Transactional(readOnly = true)
	public NominationOverview overview(int year) {
		Actor actor = reader();
		Organization union = union(actor.organizationCode());
		Organization parent = union.parentCode() == null ? null
				: this.organizations.findByCode(union.parentCode()).orElse(null);
		StationLevel target = parent == null ? StationLevel.NONE : tier(parent.kind());
		NominationQuota own = target == StationLevel.NONE ? null
				: this.repository.listQuotas(List.of(union.code()), year).get(0);
		List<String> children = this.organizations.listChildren(union.code())
			.stream()
			.filter(child -> child.kind() != OrganizationKind.INDUSTRY)
			.map(Organization::code)
			.toList();
		List<Nomination> received = this.repository.list("to_code", union.code(), year);
		return new NominationOverview(union.code(), union.name(), year,
				target == StationLevel.NONE ? null : parent.name(), target == StationLevel.NONE ? null : target, own,
				this.repository.list("from_code", union.code(), year), received,
				tier(union.kind()) == StationLevel.NONE ? List.of() : this.repository.listQuotas(children, year),
				this.repository.listBatches(union.code(), year),
				(int) received.stream()
					.filter(n -> n.status() == Nomination.Status.ACCEPTED && n.batchId() == null)
					.count());
	}

	/** One nomination, for the staff of the union that sent it or of one above. */
	@Transactional(readOnly = true)
	public Nomination getNomination(long id) {
		return visible(reader(), this.repository.find(id, false).orElse(null), id);
	}

	private Nomination visible(Actor actor, Nomination nomination, long id) {
		if (nomination == null || !this.assessments.inSeenPart(actor, nomination.fromCode())) {
			throw new NotFoundException("grading.nomination.notFound", id);
		}
		return nomination;
	}

	private Organization union(String code) {
		return this.organizations.findByCode(code)
			.orElseThrow(() -> new NotFoundException("grading.union.notFound", code));
	}

	/** The level a union of this kind names: nothing below a city. */
	static StationLevel tier(OrganizationKind kind) {
		return switch (kind) {
			case NATIONAL -> StationLevel.NATIONAL;
			case PROVINCE -> StationLevel.PROVINCIAL;
			case CITY -> StationLevel.CITY;
			default -> StationLevel.NONE;
		};
	}

	private int thisYear() {
		return LocalDate.now(this.clock.withZone(YizhanTime.ZONE)).getYear();
	}

	private static Actor admin() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("grading.forbidden.decide");
		}
		return actor;
	}

	private static Actor reader() {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("grading.forbidden.read");
		}
		return actor;
	}

	private static String text(String field, String value, boolean required, List<Violation> violations) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		if (trimmed.length() > GradingDecisions.MAX_REASON) {
			violations.add(Violation.of(field, "validation.tooLong", GradingDecisions.MAX_REASON));
		}
		else if (PlainText.hasInvisibleCharacters(trimmed)) {
			violations.add(Violation.of(field, PlainText.INVISIBLE_CHARACTERS));
		}
		return trimmed;
	}

	private static Integer whole(String field, String value, int min, int max, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < min || number > max) {
				violations.add(Violation.of(field, "validation.range", min, max));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "validation.type"));
			return null;
		}
	}

}
