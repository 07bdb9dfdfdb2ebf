package org.yizhan.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.ChainRouting;
import org.yizhan.station.ChainRouting.Holder;
import org.yizhan.station.EvidencePhotos;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationStatus;
import org.yizhan.ticket.ProblemTicket.Event;
import org.yizhan.ticket.TicketRepository.Opening;
import org.yizhan.ticket.TicketRepository.Reopenable;
import org.yizhan.ticket.TicketRepository.StationFacts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rectification (整改) flow for every source. A worker's QR report opens a case through
 * {@link ProblemTickets#report}; here the other sources open theirs — union staff (a
 * 12351 hotline call) and a station master's self-check in the console or the API, an
 * inspection's failed item through {@link #openFromInspection} — and every case then
 * follows the same chain, deadlines and escalation. What only some sources have is here
 * too: an inspection's case is closed by a re-check (回头看) of the station side's
 * rectification and its "after" photo, and a case a worker reported may be reopened by
 * them from its status page within {@link PublicTicketStatus#REOPEN_WINDOW} of its
 * resolution.
 *
 * <p>
 * Each command is one transaction that publishes what happened and, for what an account
 * does, an {@link Audited} entry with it; refusals name the field (400), the missing step
 * (409) or the role (403), in the caller's language.
 */
@Service
@Transactional
public class Rectifications {

	public static final int MAX_ITEM_CODE = 64;

	public static final int MAX_ITEM_TEXT = 500;

	public static final int MAX_REFERENCE = 200;

	public static final int MAX_PHONE = 32;

	/** The furthest a deadline override may lie ahead. */
	public static final int LONGEST_OVERRIDE_DAYS = 366;

	/** Mobile, landline with or without its area code's dash, 400/800 numbers. */
	private static final Pattern PHONE = Pattern
		.compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|[48]00-?\\d{3}-?\\d{4})");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

	private final ProblemTickets problemTickets;

	private final TicketRepository tickets;

	private final TicketSettings settings;

	private final StationRegistry registry;

	private final StationResponsibilities responsibilities;

	private final OrganizationTree organizations;

	private final EvidencePhotos photos;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	Rectifications(ProblemTickets problemTickets, TicketRepository tickets, TicketSettings settings,
			StationRegistry registry, StationResponsibilities responsibilities, OrganizationTree organizations,
			EvidencePhotos photos, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.problemTickets = problemTickets;
		this.tickets = tickets;
		this.settings = settings;
		this.registry = registry;
		this.responsibilities = responsibilities;
		this.organizations = organizations;
		this.photos = photos;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * A checklist item an inspection failed, as the inspection module hands it over.
	 *
	 * @param station the station inspected
	 * @param itemCode the item's code in its checklist version (letters, digits and
	 * {@code . _ : / -}, at most 64)
	 * @param itemText the item as the checklist words it, at most 500 characters
	 * @param note the inspector's note, optional, at most 500 characters; staff only
	 * @param severity how serious; {@code null} is {@link Severity#GENERAL} (30 days)
	 * @param rectifyBy the last day to rectify it (Asia/Shanghai), overriding the
	 * severity's deadline; {@code null} keeps it. After today, at most a year ahead
	 * @param beforePhoto the "before" photo as uploaded (JPEG, PNG or WebP), re-encoded
	 * without EXIF or GPS; optional
	 * @param reference the inspection (and campaign) it came from, as the inspection
	 * module names it, optional, at most 200 characters
	 */
	public record InspectionFinding(StationId station, String itemCode, String itemText, String note, Severity severity,
			LocalDate rectifyBy, byte[] beforePhoto, String reference) {
	}

	/**
	 * Opens a case for an inspection's failed item, routed and escalated like every case,
	 * due by its severity (or the override). It joins the caller's transaction, so an
	 * inspection and the cases of its failed items commit or roll back together; the
	 * "before" photo is decoded in it. The inspection module has checked the inspector's
	 * right to inspect the station: this module takes its word, as it takes the chain's
	 * for a worker's report, and records the signed-in account (if any) as the opener.
	 * @return the case's number
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException when the station is a draft or delisted
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public TicketNumber openFromInspection(InspectionFinding finding) {
		List<Violation> violations = new ArrayList<>();
		StationFacts station = null;
		if (finding.station() == null) {
			violations.add(Violation.of("station", "validation.required"));
		}
		else {
			station = tickets.findStation(finding.station()).orElse(null);
			if (station == null) {
				violations.add(Violation.of("station", "ticket.station.unknown", finding.station().value()));
			}
		}
		String itemCode = stripped(finding.itemCode());
		if (itemCode == null) {
			violations.add(Violation.of("itemCode", "validation.required"));
		}
		else if (itemCode.length() > MAX_ITEM_CODE || !ITEM_CODE.matcher(itemCode).matches()) {
			violations.add(Violation.of("itemCode", "ticket.itemCode.invalid", MAX_ITEM_CODE));
		}
		String itemText = stripped(finding.itemText());
		if (itemText == null) {
			violations.add(Violation.of("itemText", "validation.required"));
		}
		ProblemTickets.text(itemText, "itemText", MAX_ITEM_TEXT, violations);
		String note = stripped(finding.note());
		ProblemTickets.text(note, "note", ProblemTickets.MAX_DESCRIPTION, violations);
		String reference = stripped(finding.reference());
		ProblemTickets.text(reference, "reference", MAX_REFERENCE, violations);
		Instant now = problemTickets.now();
		Severity severity = (finding.severity() != null) ? finding.severity() : Severity.GENERAL;
		Instant due = now.plus(settings.firstDeadline(ProblemType.FAILED_ITEM, severity));
		if (finding.rectifyBy() != null) {
			LocalDate today = LocalDate.ofInstant(now, YizhanTime.ZONE);
			if (!finding.rectifyBy().isAfter(today)
					|| finding.rectifyBy().isAfter(today.plusDays(LONGEST_OVERRIDE_DAYS))) {
				violations.add(Violation.of("rectifyBy", "ticket.rectifyBy.range", today.plusDays(1),
						today.plusDays(LONGEST_OVERRIDE_DAYS)));
			}
			else {
				// The whole of the last day counts: due at its end, midnight in Shanghai.
				due = finding.rectifyBy().plusDays(1).atStartOfDay(YizhanTime.ZONE).toInstant();
			}
		}
		EvidencePhotos.Prepared before = null;
		if (finding.beforePhoto() != null && finding.beforePhoto().length > 0) {
			try {
				before = photos.prepare(finding.beforePhoto(), "beforePhoto");
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		requireInService(station);
		String beforeKey = (before != null) ? photos.store(before, tickets::isPhotoInUse) : null;
		Long opener = Actor.current().map(Actor::accountId).orElse(null);
		ProblemTicket opened = open(station, ProblemType.FAILED_ITEM, note, due, now,
				new Opening(TicketSource.INSPECTION, severity, opener, null, itemCode, itemText, reference, beforeKey));
		return opened.number();
	}

	/**
	 * Opens a case for a station's equipment that reports itself out of order (a door
	 * device silent for longer than its heartbeat interval), with nobody signed in: a
	 * scheduled job of the module that watches the equipment calls it. Routed to the
	 * first holder of the station's chain (its station master) and escalated like every
	 * case, due by its severity. It joins the caller's transaction, so that the device is
	 * marked silent and its case opened together or not at all.
	 * @param station the station
	 * @param problem what is wrong, e.g. {@link ProblemType#BROKEN_FACILITY}; not
	 * {@code FAILED_ITEM}
	 * @param severity how serious, {@code null} for {@link Severity#GENERAL}
	 * @param description what the equipment reported, at most 500 characters
	 * @return the case's number
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException when the station is a draft or delisted
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public TicketNumber openFromDevice(StationId station, ProblemType problem, Severity severity, String description) {
		List<Violation> violations = new ArrayList<>();
		StationFacts facts = (station == null) ? null : tickets.findStation(station).orElse(null);
		if (facts == null) {
			violations.add(Violation.of("station", "validation.required"));
		}
		if (problem == null || problem == ProblemType.FAILED_ITEM) {
			violations.add(Violation.of("problem", "validation.required"));
		}
		String text = stripped(description);
		if (text == null) {
			violations.add(Violation.of("description", "validation.required"));
		}
		ProblemTickets.text(text, "description", ProblemTickets.MAX_DESCRIPTION, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		requireInService(facts);
		Severity given = (severity != null) ? severity : Severity.GENERAL;
		Instant now = problemTickets.now();
		Instant due = now.plus(settings.firstDeadline(problem, given));
		return open(facts, problem, text, due, now,
				new Opening(TicketSource.DEVICE, given, null, null, null, null, null, null))
			.number();
	}

	/**
	 * The inspection cases of each reference given (as
	 * {@link InspectionFinding#reference} named them), tallied by where they stand now on
	 * this module's clock; references without a case are absent. For the inspection
	 * module's progress and reports, which check who may read them: this reads no names
	 * and no photos.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, RectificationTally> tallyByReference(java.util.Collection<String> references) {
		if (references.isEmpty()) {
			return java.util.Map.of();
		}
		return tickets.tallyInspectionCases(references, problemTickets.now());
	}

	/**
	 * A case staff or a station master open, as the console's form and the API send it.
	 *
	 * @param station the station's id or its code (e.g. {@code 330106-0001})
	 * @param source {@code STAFF} (union staff, e.g. after a 12351 call) or
	 * {@code SELF_CHECK} (the station's own master)
	 * @param problem a {@link ProblemType} other than {@code FAILED_ITEM}
	 * @param severity a {@link Severity}
	 * @param description what was found or reported, at most 500 characters
	 * @param callerPhone the hotline caller's phone, optional, {@code STAFF} only; stored
	 * sealed and shown masked
	 */
	public record CaseInput(String station, String source, String problem, String severity, String description,
			String callerPhone) {
	}

	/**
	 * Opens a case for union staff ({@code STAFF}: ORG_ADMIN or INSPECTOR of the
	 * station's union or above) or a station's own master ({@code SELF_CHECK}: a
	 * STATION_MASTER bound to the station), routed and escalated like every case and due
	 * by its severity.
	 * @return the case, as staff see it
	 * @throws InvalidInputException naming each bad field
	 * @throws ForbiddenException when the caller may not open a case of that source
	 * @throws org.yizhan.station.StationNotFoundException for a station id outside the
	 * caller's scope
	 * @throws ConflictException when the station is a draft or delisted
	 */
	public ProblemTicket open(CaseInput input) {
		Actor actor = Actor.required();
		List<Violation> violations = new ArrayList<>();
		TicketSource source = null;
		if (ProblemTickets.blank(input.source())) {
			violations.add(Violation.of("source", "validation.required"));
		}
		else {
			source = RequestValues.enumValue(TicketSource.class, input.source().strip(), "source", violations);
			if (source == TicketSource.QR_REPORT || source == TicketSource.INSPECTION
					|| source == TicketSource.DEVICE) {
				violations.add(Violation.of("source", "ticket.source.notOpenable", source.labelZh(), source.labelEn()));
				source = null;
			}
		}
		ProblemType problem = null;
		if (ProblemTickets.blank(input.problem())) {
			violations.add(Violation.of("problem", "validation.required"));
		}
		else {
			problem = RequestValues.enumValue(ProblemType.class, input.problem().strip(), "problem", violations);
			if (problem == ProblemType.FAILED_ITEM) {
				violations.add(
						Violation.of("problem", "ticket.problem.inspectionOnly", problem.labelZh(), problem.labelEn()));
				problem = null;
			}
		}
		Severity severity = null;
		if (ProblemTickets.blank(input.severity())) {
			violations.add(Violation.of("severity", "validation.required"));
		}
		else {
			severity = RequestValues.enumValue(Severity.class, input.severity().strip(), "severity", violations);
		}
		String description = stripped(input.description());
		if (description == null) {
			violations.add(Violation.of("description", "validation.required"));
		}
		ProblemTickets.text(description, "description", ProblemTickets.MAX_DESCRIPTION, violations);
		String phone = stripped(input.callerPhone());
		if (phone != null) {
			if (source == TicketSource.SELF_CHECK) {
				violations.add(Violation.of("callerPhone", "ticket.callerPhone.staffOnly"));
			}
			else if (phone.length() > MAX_PHONE || !PHONE.matcher(phone).matches()) {
				violations.add(Violation.of("callerPhone", "validation.phone"));
			}
		}
		Station found = null;
		String stationValue = stripped(input.station());
		if (stationValue == null) {
			violations.add(Violation.of("station", "validation.required"));
		}
		else if (!stationValue.chars().allMatch(Character::isDigit)) {
			// A code as staff read it off the station's sign; a code outside the caller's
			// scope is as unknown as a mistyped one.
			found = registry.findByCode(stationValue).orElse(null);
			if (found == null) {
				violations.add(Violation.of("station", "ticket.station.unknownCode", stationValue));
			}
		}
		else if (stationValue.length() > 18) {
			violations.add(Violation.of("station", "validation.type"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		requireMayOpen(actor, source);
		if (found == null) {
			found = registry.getById(StationId.of(Long.parseLong(stationValue)));
		}
		StationFacts station = tickets.findStation(found.id()).orElseThrow();
		if (source == TicketSource.STAFF && !sees(actor, station.districtCode())) {
			// A station master's scope is their stations; union staff's, their subtree:
			// a station seen only through a chain naming the caller is not theirs to
			// open cases for.
			throw new ForbiddenException("ticket.forbidden.openStaff");
		}
		requireInService(station);
		Instant now = problemTickets.now();
		Instant due = now.plus(settings.firstDeadline(problem, severity));
		return open(station, problem, description, due, now, new Opening(source, severity, actor.accountId(),
				(phone != null) ? cipher.seal(phone) : null, null, null, null, null));
	}

	/** Whether the caller may open cases of the source at all. */
	public boolean mayOpen(TicketSource source) {
		Optional<Actor> actor = Actor.current();
		return actor.isPresent() && switch (source) {
			case STAFF -> actor.get().holds(Role.ORG_ADMIN) || actor.get().holds(Role.INSPECTOR);
			case SELF_CHECK -> actor.get().holds(Role.STATION_MASTER);
			case QR_REPORT, INSPECTION, DEVICE -> false;
		};
	}

	private void requireMayOpen(Actor actor, TicketSource source) {
		if (!mayOpen(source)) {
			throw new ForbiddenException(
					(source == TicketSource.STAFF) ? "ticket.forbidden.openStaff" : "ticket.forbidden.selfCheck");
		}
	}

	private ProblemTicket open(StationFacts station, ProblemType problem, String description, Instant due, Instant now,
			Opening opening) {
		Holder holder = ChainRouting.first(responsibilities.getForSystem(station.id()));
		TicketNumber number;
		Optional<Long> id;
		do {
			number = TicketNumber.random();
			id = tickets.insert(number, station.id(), problem, description, null, holder, now, due, opening);
		}
		while (id.isEmpty());
		tickets.insertStep(id.get(), now, Event.OPENED, holder, opening.openedBy(), due, null);
		events.publishEvent(new ProblemReported(id.get(), number.value(), station.id(), problem, holder.level(),
				holder.accountId(), holder.unionCode(), due, now, opening.source()));
		if (opening.openedBy() != null) {
			events.publishEvent(new Audited("ticket.open", "ticket", number.value(), station.districtCode(), null,
					"source=" + opening.source() + "; severity=" + opening.severity() + "; problem=" + problem
							+ "; dueAt=" + due + ((opening.itemCode() != null) ? "; item=" + opening.itemCode() : "")
							+ ((opening.reference() != null) ? "; reference=" + opening.reference() : "")
							+ ((opening.callerPhoneSealed() != null) ? "; callerPhone=yes" : "")));
		}
		// Read back without the caller's scope: an inspection may be uploaded by a job
		// with nobody signed in.
		return tickets.findAny(number).orElseThrow();
	}

	private void requireInService(StationFacts station) {
		if (station.status() == StationStatus.DRAFT || station.status() == StationStatus.DELISTED) {
			throw new ConflictException("station",
					(station.status() == StationStatus.DRAFT) ? "ticket.station.draft" : "ticket.station.delisted",
					station.name());
		}
	}

	/** Whether the caller may mark the case rectified now. */
	@Transactional(readOnly = true)
	public boolean mayRectify(ProblemTicket ticket) {
		return ticket.isOpen() && ticket.needsRecheck()
				&& problemTickets.mayResolve(Actor.required(), ticket, responsibilities.getForSystem(ticket.station()));
	}

	/**
	 * The station side marks an inspection's open case rectified, with what was done and
	 * an "after" photo (re-encoded without EXIF or GPS): it then waits for its re-check,
	 * and no deadline runs. Who may resolve a case may mark it.
	 * @throws TicketNotFoundException outside the caller's scope
	 * @throws ForbiddenException when the caller sees it but may not act on it
	 * @throws ConflictException when it is not an inspection's case, or not open
	 * @throws InvalidInputException without a note or the photo, or with a bad one
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ProblemTicket markRectified(String number, String note, byte[] afterPhoto) {
		// As a resolution: the right first, the photo decoded with no transaction open,
		// then everything again under the row's lock.
		readOnly.executeWithoutResult(status -> rectifiable(Actor.required(), number, false));
		EvidencePhotos.Prepared prepared = null;
		List<Violation> photoRefused = List.of();
		if (afterPhoto != null && afterPhoto.length > 0) {
			try {
				prepared = photos.prepare(afterPhoto, "photo");
			}
			catch (InvalidInputException ex) {
				photoRefused = ex.violations();
			}
		}
		EvidencePhotos.Prepared decoded = prepared;
		List<Violation> refusals = photoRefused;
		return transaction.execute(status -> markRectified(number, note, decoded, refusals));
	}

	private ProblemTicket rectifiable(Actor actor, String number, boolean lock) {
		ProblemTicket ticket = visible(actor, number, lock);
		if (!ticket.needsRecheck()) {
			throw new ConflictException("status", "ticket.rectify.notInspection", ticket.number().value());
		}
		if (ticket.isAwaitingRecheck()) {
			throw new ConflictException("status", "ticket.rectify.awaitingRecheck", ticket.number().value());
		}
		if (!ticket.isOpen()) {
			throw new ConflictException("status", "ticket.alreadyResolved", ticket.number().value());
		}
		if (!problemTickets.mayResolve(actor, ticket, responsibilities.getForSystem(ticket.station()))) {
			throw new ForbiddenException("ticket.forbidden.rectify", ticket.number().value());
		}
		return ticket;
	}

	private ProblemTicket markRectified(String number, String note, EvidencePhotos.Prepared photo,
			List<Violation> photoRefused) {
		Actor actor = Actor.required();
		ProblemTicket ticket = rectifiable(actor, number, true);
		List<Violation> violations = new ArrayList<>();
		String text = stripped(note);
		if (text == null) {
			violations.add(Violation.of("note", "validation.required"));
		}
		ProblemTickets.text(text, "note", ProblemTickets.MAX_NOTE, violations);
		violations.addAll(photoRefused);
		if (photo == null && photoRefused.isEmpty()) {
			violations.add(Violation.of("photo", "ticket.afterPhoto.required"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String key = photos.store(photo, tickets::isPhotoInUse);
		Instant now = problemTickets.now();
		if (tickets.rectify(ticket.id(), ticket.version(), actor.accountId(), now, text, key) != 1) {
			throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
		}
		tickets.insertStep(ticket.id(), now, Event.RECTIFIED, ticket.level(), assigneeId(ticket), unionCode(ticket),
				actor.accountId(), null, List.of(), text);
		events.publishEvent(new TicketRectified(ticket.id(), ticket.number().value(), ticket.station(), ticket.level(),
				actor.accountId(), now));
		events.publishEvent(new Audited("ticket.rectify", "ticket", ticket.number().value(), ticket.districtCode(),
				"status=OPEN; level=" + ticket.level() + "; dueAt=" + ticket.dueAt(), "status=RECTIFIED; photo=yes"));
		return tickets.findVisible(ticket.number(), problemTickets.scope(actor), false).orElseThrow();
	}

	/** Whether the caller may re-check the case now. */
	@Transactional(readOnly = true)
	public boolean mayRecheck(ProblemTicket ticket) {
		return ticket.isAwaitingRecheck() && mayRecheck(Actor.required(), ticket);
	}

	/**
	 * Inspectors and union admins whose subtree holds the station re-check (回头看): the
	 * same roles that inspect and supervise, never the side that rectified.
	 */
	private boolean mayRecheck(Actor actor, ProblemTicket ticket) {
		return (actor.holds(Role.INSPECTOR) || actor.holds(Role.ORG_ADMIN)) && sees(actor, ticket.districtCode());
	}

	private boolean sees(Actor actor, String districtCode) {
		return organizations.findByCode(districtCode).map(Organization::path).map(actor::sees).orElse(false);
	}

	/**
	 * Re-checks a rectified case: passed, it is resolved (its resolution shows the
	 * "after" photo and what was done); failed, it is open again at its level, due by its
	 * severity from now, with the reason in its history for the station side to read.
	 * @param passed whether the rectification was found done; required
	 * @param reason why it failed (required then), or a remark on a pass (optional); at
	 * most 1,000 characters
	 * @throws TicketNotFoundException outside the caller's scope
	 * @throws ForbiddenException for a caller who is neither an inspector nor a union
	 * admin over the station
	 * @throws ConflictException when it is not waiting for a re-check
	 * @throws InvalidInputException naming each bad field
	 */
	public ProblemTicket recheck(String number, Boolean passed, String reason) {
		Actor actor = Actor.required();
		ProblemTicket ticket = visible(actor, number, true);
		if (!mayRecheck(actor, ticket)) {
			throw new ForbiddenException("ticket.forbidden.recheck", ticket.number().value());
		}
		if (!ticket.isAwaitingRecheck()) {
			throw new ConflictException("status",
					ticket.needsRecheck() ? "ticket.recheck.notRectified" : "ticket.recheck.notInspection",
					ticket.number().value());
		}
		List<Violation> violations = new ArrayList<>();
		String text = stripped(reason);
		if (passed == null) {
			violations.add(Violation.of("passed", "validation.required"));
		}
		else if (!passed && text == null) {
			violations.add(Violation.of("reason", "ticket.recheck.reasonRequired"));
		}
		ProblemTickets.text(text, "reason", ProblemTickets.MAX_NOTE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = problemTickets.now();
		if (passed) {
			if (tickets.passRecheck(ticket.id(), ticket.version(), actor.accountId(), now,
					ticket.rectification().note()) != 1) {
				throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
			}
			tickets.insertStep(ticket.id(), now, Event.RECHECK_PASSED, ticket.level(), assigneeId(ticket),
					unionCode(ticket), actor.accountId(), null, List.of(), text);
			events.publishEvent(new TicketRechecked(ticket.id(), ticket.number().value(), ticket.station(),
					ticket.origin().reference(), true, ticket.level(), null, actor.accountId(), now));
			events.publishEvent(new TicketResolved(ticket.id(), ticket.number().value(), ticket.station(),
					ticket.problem(), ticket.level(), actor.accountId(), now, false));
		}
		else {
			Instant due = now.plus(settings.deadlineAt(ticket.problem(), ticket.origin().severity(), ticket.level()));
			if (tickets.failRecheck(ticket.id(), ticket.version(), due) != 1) {
				throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
			}
			tickets.insertStep(ticket.id(), now, Event.RECHECK_FAILED, ticket.level(), assigneeId(ticket),
					unionCode(ticket), actor.accountId(), due, List.of(), text);
			events.publishEvent(new TicketRechecked(ticket.id(), ticket.number().value(), ticket.station(),
					ticket.origin().reference(), false, ticket.level(), due, actor.accountId(), now));
		}
		events.publishEvent(new Audited("ticket.recheck", "ticket", ticket.number().value(), ticket.districtCode(),
				"status=RECTIFIED", passed ? "status=RESOLVED" : "status=OPEN; reason=" + text));
		return tickets.findVisible(ticket.number(), problemTickets.scope(actor), false).orElseThrow();
	}

	/**
	 * The worker who reported a case reopens it from its status page, by its number,
	 * within {@link PublicTicketStatus#REOPEN_WINDOW} of its resolution (on this module's
	 * clock): it is open again at the lowest level of the chain that has someone in it,
	 * due by its first deadline counted from now, and the reason is in its history.
	 * @param reason what is still wrong, optional, at most 500 characters
	 * @throws TicketNotFoundException for a number that is no case
	 * @throws ConflictException when it is not resolved, was merged, no worker reported
	 * it, the window has passed (saying when it did), the same phone has the same problem
	 * of the station open again, or the station left service
	 * @throws InvalidInputException for a bad reason
	 */
	public PublicTicketStatus reopen(String number, String reason) {
		TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
		Reopenable ticket = tickets.lockForReopening(parsed).orElseThrow(() -> new TicketNotFoundException(number));
		Instant now = problemTickets.now();
		PublicTicketStatus status = tickets.findStatus(parsed).orElseThrow();
		switch (status.reopeningAt(now)) {
			case NOT_RESOLVED -> throw new ConflictException("status", "ticket.reopen.notResolved", parsed.value());
			case MERGED -> throw new ConflictException("status", "ticket.reopen.merged", parsed.value(),
					status.mergedInto().value());
			case NOT_REPORTED_BY_A_WORKER ->
				throw new ConflictException("status", "ticket.reopen.notReported", parsed.value());
			case TOO_LATE ->
				throw new ConflictException("status", "ticket.reopen.tooLate", DATE_TIME.format(ticket.resolvedAt()),
						PublicTicketStatus.REOPEN_WINDOW.toDays(), DATE_TIME.format(status.reopenableUntil()));
			case REOPENABLE -> {
			}
		}
		List<Violation> violations = new ArrayList<>();
		String text = stripped(reason);
		ProblemTickets.text(text, "reason", ProblemTickets.MAX_DESCRIPTION, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		StationFacts station = tickets.findStation(ticket.station()).orElseThrow();
		requireInService(station);
		if (ticket.deviceHash() != null) {
			// The same phone's open report of the same problem is the case to follow: a
			// second open one is what the intake refuses too.
			tickets.lockDevice(ticket.deviceHash());
			Optional<TicketNumber> other = tickets.findOpenDuplicate(ticket.station(), ticket.problem(),
					ticket.deviceHash());
			if (other.isPresent()) {
				throw new ConflictException("status", "ticket.reopen.otherOpen", other.get().value());
			}
		}
		Holder holder = ChainRouting.first(responsibilities.getForSystem(ticket.station()));
		Instant due = now.plus(settings.firstDeadline(ticket.problem(), ticket.severity()));
		if (tickets.reopen(ticket.id(), ticket.version(), holder, due) != 1) {
			throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
		}
		tickets.insertStep(ticket.id(), now, Event.REOPENED, holder, null, due, text);
		events.publishEvent(new TicketReopened(ticket.id(), ticket.number().value(), ticket.station(), ticket.problem(),
				holder.level(), holder.accountId(), holder.unionCode(), due, now, status.reopenCount() + 1));
		// Not in the audit log, as a report is not: no account acts, and an entry would
		// keep the worker's address. The case's history records the reopening.
		return tickets.findStatus(parsed).orElseThrow();
	}

	private ProblemTicket visible(Actor actor, String number, boolean lock) {
		TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
		return tickets.findVisible(parsed, problemTickets.scope(actor), lock)
			.orElseThrow(() -> new TicketNotFoundException(number));
	}

	private static Long assigneeId(ProblemTicket ticket) {
		return (ticket.assignee() != null) ? ticket.assignee().id() : null;
	}

	private static String unionCode(ProblemTicket ticket) {
		return (ticket.union() != null) ? ticket.union().code() : null;
	}

	private static String stripped(String value) {
		return ProblemTickets.blank(value) ? null : value.strip();
	}

}
