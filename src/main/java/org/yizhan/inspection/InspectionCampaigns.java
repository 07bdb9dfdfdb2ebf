package org.yizhan.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.standard.Checklist;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.ChecklistVersion;
import org.yizhan.standard.Checklists;

import org.yizhan.ticket.RectificationTally;
import org.yizhan.ticket.Rectifications;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A union's inspection campaigns: creating one (the sample drawn and spread over the
 * assignees' worklists in the same transaction), reading them with their progress, the
 * inspectors' worklists, and publishing a campaign's results.
 *
 * <p>
 * Who sees a campaign: the union admins, inspectors and auditors of its union's subtree
 * or above, and the inspectors and evaluators it names (an evaluator sees only the
 * campaigns that name it). The station side (station masters, liaisons, hosts) sees no
 * campaign at all: a campaign's id answers them 404, whatever it is, so that nothing
 * tells a mystery campaign from another.
 */
@Service
@Transactional
public class InspectionCampaigns {

	/** The most assignees one campaign names. */
	public static final int MAX_ASSIGNEES = 200;

	/** The longest period of a campaign. */
	public static final int MAX_DAYS = 366;

	static final Set<Role> READERS = Set.of(Role.ORG_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EVALUATOR);

	private static final SecureRandom SEEDS = new SecureRandom();

	private final CampaignRepository repository;

	private final Rectifications rectifications;

	private final OrganizationTree organizations;

	private final Checklists checklists;

	private final InspectionRepository inspections;

	private final CompletionAnnouncer announcer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InspectionCampaigns(CampaignRepository repository, OrganizationTree organizations, Checklists checklists,
			InspectionRepository inspections, CompletionAnnouncer announcer, ApplicationEventPublisher events,
			Clock clock, Rectifications rectifications) {
		this.rectifications = rectifications;
		this.announcer = announcer;
		this.repository = repository;
		this.organizations = organizations;
		this.checklists = checklists;
		this.inspections = inspections;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a campaign over a union's subtree: a union admin, for a union it sees. The
	 * checklist's items are copied, the sample is drawn (the seed recorded) and spread
	 * over the assignees in turn, all in one transaction.
	 * @throws InvalidInputException naming every wrong field, a period in the past and an
	 * empty sample among them
	 * @throws ConflictException when the recurring series already has its campaign for
	 * the period
	 */
	public Campaign create(CampaignInput input) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("inspection.forbidden.create");
		}
		LocalDate today = today();
		List<Violation> violations = new ArrayList<>();
		Organization union = null;
		if (blank(input.union())) {
			violations.add(Violation.of("union", "validation.required"));
		}
		else {
			union = this.organizations.findByCode(input.union().strip()).filter(o -> actor.sees(o.path())).orElse(null);
			if (union == null) {
				violations.add(Violation.of("union", "inspection.union.notFound", input.union().strip()));
			}
		}
		CampaignKind kind = kind(input.kind(), violations);
		String name = blank(input.name()) ? null : input.name().strip();
		if (name == null) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (name.length() > 100) {
			violations.add(Violation.of("name", "validation.tooLong", 100));
		}
		Integer percent = input.samplePercent();
		if (percent != null && (percent < 1 || percent > 100)) {
			violations.add(Violation.of("samplePercent", "inspection.sample.percent"));
		}
		LocalDate starts = date(input.startsOn(), "startsOn", violations);
		LocalDate ends = date(input.endsOn(), "endsOn", violations);
		if (starts != null && starts.isBefore(today)) {
			violations.add(Violation.of("startsOn", "inspection.campaign.past", today.toString()));
		}
		if (starts != null && ends != null) {
			if (ends.isBefore(starts)) {
				violations.add(Violation.of("endsOn", "inspection.campaign.endsBeforeStart"));
			}
			else if (ends.isAfter(starts.plusDays(MAX_DAYS - 1))) {
				violations.add(Violation.of("endsOn", "inspection.campaign.tooLong", MAX_DAYS));
			}
		}
		boolean annual = false;
		if (!blank(input.recurrence()) && !"NONE".equalsIgnoreCase(input.recurrence().strip())) {
			if ("ANNUAL".equalsIgnoreCase(input.recurrence().strip())) {
				annual = true;
			}
			else {
				violations.add(Violation.of("recurrence", "validation.unknownValue", input.recurrence().strip(),
						"NONE, ANNUAL"));
			}
		}
		List<Long> assignees = assignees(input.assignees(), union, starts != null ? starts : today, violations);
		Standard standard = union == null ? null
				: standard(union, input.checklistId(), input.checklistVersion(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long seed = input.seed() != null ? input.seed() : SEEDS.nextLong() >>> 12;
		String series = annual ? union.code() + ":" + kind.name() : null;
		String period = annual ? Integer.toString(starts.getYear()) : null;
		CampaignRepository.NewCampaign row = new CampaignRepository.NewCampaign(union.code(), kind, name,
				Boolean.TRUE.equals(input.mystery()), standard.checklistId(), standard.versionId(),
				standard.versionNumber(), standard.nameZh(), standard.nameEn(), percent, seed, starts, ends, series,
				period, this.clock.instant(), actor.username());
		long id = insertWhole(row, standard.items(), assignees, union.path())
			.orElseThrow(() -> new ConflictException("recurrence", "inspection.campaign.seriesTaken", period));
		Campaign created = this.repository.findById(id).orElseThrow().campaign();
		this.events.publishEvent(new Audited("inspection.campaign.create", "inspection_campaign", Long.toString(id),
				union.code(), null, summary(created)));
		return created;
	}

	/**
	 * Inserts a campaign with its items, assignees and sample; empty when its series
	 * already holds the period (nothing written then).
	 * @throws InvalidInputException when the subtree has no listed station to sample
	 */
	Optional<Long> insertWhole(CampaignRepository.NewCampaign row, List<CampaignItem> items, List<Long> assignees,
			String unionPath) {
		Optional<Long> inserted = this.repository.insert(row);
		if (inserted.isEmpty()) {
			return inserted;
		}
		long id = inserted.get();
		CampaignRepository.Candidates candidates = this.repository.listCandidates(unionPath);
		List<StationSample.Drawn> drawn = StationSample.draw(candidates.stationIds(), candidates.districts(),
				row.samplePercent(), row.seed(), assignees.stream().mapToLong(Long::longValue).toArray());
		if (drawn.isEmpty()) {
			// thrown inside the transaction: the campaign's row goes with it
			throw new InvalidInputException(Violation.of("union", "inspection.sample.empty"));
		}
		this.repository.insertItems(id, items);
		this.repository.insertAssignees(id, assignees);
		this.repository.insertSample(id, drawn);
		return inserted;
	}

	/** The campaigns the caller sees, newest first (at most 500). */
	@Transactional(readOnly = true)
	public List<Campaign> list() {
		Actor actor = reader();
		return this.repository.listVisible(readerPath(actor), actor.accountId())
			.stream()
			.map(CampaignRepository.Stored::campaign)
			.toList();
	}

	/**
	 * A campaign the caller sees.
	 * @throws NotFoundException for one it does not see, and for the station side always
	 */
	@Transactional(readOnly = true)
	public Campaign get(long id) {
		return visible(id, Actor.required()).campaign();
	}

	/** A campaign's progress, the total and per union directly below its union. */
	@Transactional(readOnly = true)
	public CampaignProgress progress(long id) {
		CampaignRepository.Stored stored = visible(id, Actor.required());
		Map<String, CampaignProgress.Counts> byDistrict = this.repository.countByDistrict(id);
		// The cases of the failed items, as the ticket module holds them now: its clock
		// says
		// which are overdue, a passed re-check which are rectified.
		Map<String, String> districtByReference = this.repository.districtsByCaseReference(id);
		this.rectifications.tallyByReference(districtByReference.keySet())
			.forEach((reference, tally) -> byDistrict.computeIfPresent(districtByReference.get(reference),
					(district, counts) -> counts.with(tally)));
		Map<String, String> paths = this.repository.pathsOf(byDistrict.keySet());
		Map<String, CampaignProgress.Counts> byChild = new LinkedHashMap<>();
		CampaignProgress.Counts total = CampaignProgress.Counts.NONE;
		for (Map.Entry<String, CampaignProgress.Counts> district : byDistrict.entrySet()) {
			String path = paths.getOrDefault(district.getKey(), stored.unionPath() + "/" + district.getKey());
			String child = childBelow(stored.unionPath(), path, district.getKey());
			byChild.merge(child, district.getValue(), CampaignProgress.Counts::plus);
			total = total.plus(district.getValue());
		}
		List<CampaignProgress.UnionCounts> rows = new ArrayList<>();
		byChild.forEach((code, counts) -> rows.add(new CampaignProgress.UnionCounts(code,
				this.organizations.findByCode(code).map(Organization::name).orElse(code), counts)));
		return new CampaignProgress(stored.campaign(), total, rows);
	}

	/**
	 * A campaign's report: its progress and every sampled station with its result and its
	 * cases, read in one transaction so the two agree.
	 * @throws NotFoundException for a campaign the caller does not see
	 */
	@Transactional(readOnly = true)
	public CampaignReport report(long id) {
		CampaignProgress progress = progress(id);
		List<CampaignRepository.ReportRow> rows = this.repository.listReportRows(id);
		Map<String, RectificationTally> tallies = this.rectifications.tallyByReference(rows.stream()
			.filter(r -> r.inspectionId() != null && r.row().failedItems() > 0)
			.map(r -> CompletionAnnouncer.reference(r.inspectionId(), id))
			.toList());
		return new CampaignReport(progress, rows.stream().map(r -> {
			CampaignReport.Row row = r.row();
			RectificationTally tally = (r.inspectionId() == null) ? null
					: tallies.get(CompletionAnnouncer.reference(r.inspectionId(), id));
			return (tally == null) ? row : new CampaignReport.Row(row.code(), row.name(), row.districtCode(),
					row.assignee(), row.inspectedAt(), row.score(), row.passed(), row.failedItems(), tally);
		}).toList());
	}

	/**
	 * The sampled stations with their results, by district and code, a page at a time.
	 */
	@Transactional(readOnly = true)
	public List<SampledStation> listSample(long id, int page, int size) {
		visible(id, Actor.required());
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, 500, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return this.repository.listSample(id, (int) Paging.offset(page, size), size);
	}

	/**
	 * Publishes a campaign's results: a union admin who sees its union. From then on the
	 * station side sees its mystery visits, each announced now as
	 * {@link InspectionCompleted}. Once only.
	 * @throws ConflictException when they already are
	 */
	public Campaign publish(long id) {
		Actor actor = Actor.required();
		CampaignRepository.Stored stored = visible(id, actor);
		if (!actor.holds(Role.ORG_ADMIN) || !actor.sees(stored.unionPath())) {
			throw new ForbiddenException("inspection.forbidden.publish");
		}
		this.repository.lock(id);
		if (!this.repository.publish(id, this.clock.instant(), actor.username())) {
			throw new ConflictException("status", "inspection.campaign.alreadyPublished");
		}
		if (stored.campaign().mystery()) {
			this.inspections.listForCampaign(id).forEach(this.announcer::announce);
		}
		this.events.publishEvent(new Audited("inspection.campaign.publish", "inspection_campaign", Long.toString(id),
				stored.campaign().unionCode(), null, "published"));
		return this.repository.findById(id).orElseThrow().campaign();
	}

	/**
	 * The caller's worklist: the stations sampled to it in campaigns under way today,
	 * those still to do first. Inspectors and evaluators only.
	 */
	@Transactional(readOnly = true)
	public List<WorklistEntry> worklist() {
		Actor actor = inspector();
		return this.repository.listWorklist(actor.accountId(), today());
	}

	// ------------------------------------------------------------------ access

	/**
	 * The caller as someone who inspects: an inspector, or an evaluator whose contract
	 * has not ended (its last day is included; from the next day it is refused, its
	 * finished work kept).
	 */
	Actor inspector() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.INSPECTOR) && !actor.holds(Role.EVALUATOR)) {
			throw new ForbiddenException("inspection.forbidden.inspect");
		}
		if (actor.holds(Role.EVALUATOR) && !actor.holds(Role.INSPECTOR)) {
			Optional<LocalDate> ends = this.repository.findContractEnd(actor.accountId());
			if (ends.isEmpty() || today().isAfter(ends.get())) {
				throw new ForbiddenException("inspection.forbidden.contractEnded",
						ends.map(LocalDate::toString).orElse("—"));
			}
		}
		return actor;
	}

	private static Actor reader() {
		Actor actor = Actor.required();
		if (READERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("inspection.forbidden.read");
		}
		return actor;
	}

	/**
	 * The subtree whose campaigns the caller reads as union staff, {@code null} when it
	 * reads only those naming it (an evaluator).
	 */
	static String readerPath(Actor actor) {
		return actor.holds(Role.ORG_ADMIN) || actor.holds(Role.INSPECTOR) || actor.holds(Role.AUDITOR)
				? actor.organizationPath() : null;
	}

	/** Whether the caller sees the campaign: union staff above it, or named by it. */
	boolean sees(CampaignRepository.Stored stored, Actor actor) {
		String path = readerPath(actor);
		return (path != null && actor.sees(stored.unionPath()))
				|| this.repository.isAssignee(stored.campaign().id(), actor.accountId());
	}

	private CampaignRepository.Stored visible(long id, Actor actor) {
		if (!actor.isUnionStaff()) {
			throw new NotFoundException("inspection.campaign.notFound", id);
		}
		if (READERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("inspection.forbidden.read");
		}
		return this.repository.findById(id)
			.filter(stored -> sees(stored, actor))
			.orElseThrow(() -> new NotFoundException("inspection.campaign.notFound", id));
	}

	// ------------------------------------------------------------------ input

	/** The checklist version a campaign inspects against, with its items. */
	record Standard(long checklistId, long versionId, int versionNumber, String nameZh, String nameEn,
			List<CampaignItem> items) {
	}

	/**
	 * The standard in force for the union, or the chosen checklist's version. The one in
	 * force brings the items it inherits; another checklist's version brings its own.
	 */
	private Standard standard(Organization union, Long checklistId, Integer versionNumber, List<Violation> violations) {
		Optional<ChecklistInForce> inForce = this.checklists.findInForce(union.code());
		if (checklistId == null) {
			if (inForce.isEmpty()) {
				violations.add(Violation.of("checklistId", "inspection.checklist.noneInForce", union.name()));
				return null;
			}
			if (versionNumber != null && versionNumber != inForce.get().version().number()) {
				violations.add(Violation.of("checklistVersion", "inspection.checklist.versionOfInForce"));
				return null;
			}
			ChecklistInForce standard = inForce.get();
			return new Standard(standard.checklist().id(), standard.version().id(), standard.version().number(),
					standard.checklist().nameZh(), standard.checklist().nameEn(),
					standard.items().stream().map(item -> item(item.item())).toList());
		}
		Checklist checklist;
		try {
			checklist = this.checklists.getById(checklistId);
		}
		catch (NotFoundException ex) {
			violations.add(Violation.of("checklistId", "inspection.checklist.notFound", checklistId));
			return null;
		}
		ChecklistVersion version = versionNumber == null ? checklist.current()
				: checklist.versions().stream().filter(v -> v.number() == versionNumber).findFirst().orElse(null);
		if (version == null) {
			violations.add(Violation.of("checklistVersion", "inspection.checklist.noVersion", versionNumber));
			return null;
		}
		List<CampaignItem> items = inForce.isPresent() && inForce.get().checklist().id() == checklist.id()
				&& version.id() == inForce.get().version().id()
						? inForce.get().items().stream().map(item -> item(item.item())).toList()
						: version.items().stream().map(InspectionCampaigns::item).toList();
		return new Standard(checklist.id(), version.id(), version.number(), checklist.nameZh(), checklist.nameEn(),
				items);
	}

	private static CampaignItem item(org.yizhan.standard.ChecklistItem item) {
		return new CampaignItem(item.code(), item.textZh(), item.textEn(), item.required());
	}

	/**
	 * The named accounts, each an enabled inspector or evaluator on the union's line (the
	 * union, above it or below it); an evaluator's contract must not end before the
	 * campaign starts.
	 */
	private List<Long> assignees(List<Long> given, Organization union, LocalDate starts, List<Violation> violations) {
		if (given == null || given.isEmpty()) {
			violations.add(Violation.of("assignees", "inspection.assignees.empty"));
			return List.of();
		}
		if (given.size() > MAX_ASSIGNEES) {
			violations.add(Violation.of("assignees", "inspection.assignees.tooMany", MAX_ASSIGNEES));
			return List.of();
		}
		Set<Long> ids = new LinkedHashSet<>();
		given.forEach(id -> {
			if (id != null) {
				ids.add(id);
			}
		});
		Map<Long, CampaignRepository.Candidate> found = new LinkedHashMap<>();
		this.repository.listCandidateAccounts(List.copyOf(ids)).forEach(c -> found.put(c.id(), c));
		for (Long id : ids) {
			CampaignRepository.Candidate candidate = found.get(id);
			boolean onLine = candidate != null && union != null
					&& (candidate.path().equals(union.path()) || candidate.path().startsWith(union.path() + "/")
							|| union.path().startsWith(candidate.path() + "/"));
			boolean inspects = candidate != null
					&& (candidate.roles().contains("INSPECTOR") || candidate.roles().contains("EVALUATOR"));
			if (candidate == null || !candidate.enabled() || !inspects || (union != null && !onLine)) {
				violations.add(Violation.of("assignees", "inspection.assignees.unknown", id));
			}
			else if (candidate.roles().contains("EVALUATOR") && !candidate.roles().contains("INSPECTOR")
					&& (candidate.contractEndsOn() == null || candidate.contractEndsOn().isBefore(starts))) {
				violations.add(Violation.of("assignees", "inspection.assignees.contractEnds", candidate.displayName(),
						String.valueOf(candidate.contractEndsOn())));
			}
		}
		return List.copyOf(ids);
	}

	private static CampaignKind kind(String given, List<Violation> violations) {
		if (blank(given)) {
			violations.add(Violation.of("kind", "validation.required"));
			return null;
		}
		for (CampaignKind kind : CampaignKind.values()) {
			if (kind.name().equalsIgnoreCase(given.strip())) {
				return kind;
			}
		}
		violations.add(Violation.of("kind", "validation.unknownValue", given.strip(),
				"ANNUAL_REVIEW, THIRD_PARTY, SPOT_CHECK, SELF_CHECK"));
		return null;
	}

	private static LocalDate date(String given, String field, List<Violation> violations) {
		if (blank(given)) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of(field, "inspection.date"));
			return null;
		}
	}

	private static String childBelow(String unionPath, String districtPath, String districtCode) {
		if (districtPath.startsWith(unionPath + "/")) {
			String rest = districtPath.substring(unionPath.length() + 1);
			int slash = rest.indexOf('/');
			return slash < 0 ? rest : rest.substring(0, slash);
		}
		return districtCode;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), YizhanTime.ZONE);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static String summary(Campaign c) {
		return String.format(Locale.ROOT,
				"name=%s; kind=%s; mystery=%s; checklist=%d v%d; sample=%s%% seed=%d (%d stations); %s..%s; assignees=%s",
				c.name(), c.kind(), c.mystery(), c.checklistId(), c.checklistVersionNumber(),
				c.samplePercent() == null ? "100" : c.samplePercent(), c.seed(), c.sampleSize(), c.startsOn(),
				c.endsOn(), c.assignees().stream().map(a -> Long.toString(a.accountId())).toList());
	}

}
