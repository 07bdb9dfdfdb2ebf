package org.yizhan.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.ChainRouting;
import org.yizhan.station.ChainRouting.Holder;
import org.yizhan.ticket.ProblemTicket.Event;
import org.yizhan.ticket.TicketRepository.RecentReports;
import org.yizhan.ticket.TicketRepository.StationFacts;
import org.yizhan.station.EvidencePhotos;
import org.yizhan.station.ResponsibilityChain;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.station.StationTokens;

/**
 * Problem tickets: a worker reports a problem of a station from its QR page, without an
 * account; the ticket goes to the station's responsibility chain, climbs it when a
 * deadline passes (see {@code rating.ticket.TicketEscalation}) and is resolved by its
 * holder, someone above it in the chain or a union admin over the station, with a note
 * the reporter reads on the ticket's status page; a second report of the same problem
 * from another phone is merged into the first. Each command is one transaction that
 * publishes what happened ({@link ProblemReported}, {@link TicketResolved},
 * {@link TicketMerged}) and, for what staff do, an {@link Audited} entry with it. Reads
 * for staff are scoped in their SQL: a ticket outside the caller's scope does not exist
 * for it.
 */
@Service
@Transactional
public class ProblemTickets {

	public static final int MAX_DESCRIPTION = 500;

	public static final int MAX_NOTE = 1000;

	public static final int MAX_DEVICE_ID = 128;

	/**
	 * How close in time two open tickets of a station about the same problem are to be
	 * listed as likely duplicates.
	 */
	public static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	private final TicketRepository tickets;

	private final TicketSettings settings;

	private final DeviceHashes devices;

	private final StationTokens tokens;

	private final StationRegistry registry;

	private final StationResponsibilities responsibilities;

	private final OrganizationTree organizations;

	private final EvidencePhotos photos;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	ProblemTickets(TicketRepository tickets, TicketSettings settings, DeviceHashes devices, StationTokens tokens,
			StationRegistry registry, StationResponsibilities responsibilities, OrganizationTree organizations,
			EvidencePhotos photos, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.tickets = tickets;
		this.settings = settings;
		this.devices = devices;
		this.tokens = tokens;
		this.registry = registry;
		this.responsibilities = responsibilities;
		this.organizations = organizations;
		this.photos = photos;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A report as the rating page sends it.
	 *
	 * @param token the station's QR token
	 * @param problem a {@link ProblemType} name
	 * @param description the reporter's own words, optional
	 * @param deviceId the phone's device cookie, optional
	 */
	public record Report(String token, String problem, String description, String deviceId) {
	}

	/**
	 * The answer to a report.
	 *
	 * @param ticket the ticket as its reporter sees it
	 * @param created {@code false} when the same phone had already reported the same
	 * problem of the station and that ticket is still open: no second ticket is opened
	 */
	public record Reported(PublicTicketStatus ticket, boolean created) {
	}

	/**
	 * Opens a ticket for a reported problem, routed to the lowest level of the station's
	 * chain that has someone in it, due by the problem type's deadline. A listed or a
	 * suspended station takes reports (a worker finding a suspended station shut, or
	 * unsafe, still tells its union something); a draft or a delisted one does not.
	 * @throws InvalidInputException for a refused token or bad values, each named
	 * @throws ConflictException when the station is not in service
	 * @throws TooManyReportsException when the phone has reported too often
	 */
	public Reported report(Report report) {
		List<Violation> violations = new ArrayList<>();
		StationId stationId = station(report.token(), violations);
		ProblemType problem = null;
		if (blank(report.problem())) {
			violations.add(Violation.of("problem", "validation.required"));
		}
		else {
			problem = RequestValues.enumValue(ProblemType.class, report.problem(), "problem", violations);
			if (problem != null && !problem.reportable()) {
				violations
					.add(Violation.of("problem", "ticket.problem.notReportable", problem.labelZh(), problem.labelEn()));
				problem = null;
			}
		}
		String description = blank(report.description()) ? null : report.description().strip();
		text(description, "description", MAX_DESCRIPTION, violations);
		String deviceId = blank(report.deviceId()) ? null : report.deviceId().strip();
		if (deviceId != null
				&& (deviceId.length() > MAX_DEVICE_ID || !deviceId.chars().allMatch(c -> c > 32 && c < 127))) {
			violations.add(Violation.of("deviceId", "ticket.deviceId.invalid", MAX_DEVICE_ID));
		}
		StationFacts station = (stationId != null) ? tickets.findStation(stationId).orElse(null) : null;
		if (stationId != null && station == null) {
			violations.add(Violation.of("token", "ticket.token.unknownStation"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (station.status() == StationStatus.DRAFT || station.status() == StationStatus.DELISTED) {
			throw new ConflictException("token",
					(station.status() == StationStatus.DRAFT) ? "ticket.station.draft" : "ticket.station.delisted",
					station.name());
		}
		Instant now = now();
		byte[] device = (deviceId != null) ? devices.hash(deviceId) : null;
		if (device != null) {
			tickets.lockDevice(device);
			Optional<TicketNumber> duplicate = tickets.findOpenDuplicate(station.id(), problem, device);
			if (duplicate.isPresent()) {
				return new Reported(tickets.findStatus(duplicate.get()).orElseThrow(), false);
			}
			requireWithinLimit(device, now, Duration.ofHours(1), settings.limits().perDevicePerHour());
			requireWithinLimit(device, now, Duration.ofDays(1), settings.limits().perDevicePerDay());
		}
		Holder holder = ChainRouting.first(responsibilities.getForSystem(station.id()));
		Instant due = now.plus(settings.firstDeadline(problem));
		TicketNumber number;
		Optional<Long> id;
		do {
			number = TicketNumber.random();
			id = tickets.insert(number, station.id(), problem, description, device, holder, now, due);
		}
		while (id.isEmpty());
		tickets.insertStep(id.get(), now, Event.OPENED, holder, null, due, null);
		events.publishEvent(new ProblemReported(id.get(), number.value(), station.id(), problem, holder.level(),
				holder.accountId(), holder.unionCode(), due, now, TicketSource.QR_REPORT));
		// Not in the audit log: no account acts, and an entry would keep the worker's
		// client address for 180 days. The ticket's history records its opening; what
		// staff and the job do with it is audited.
		return new Reported(tickets.findStatus(number).orElseThrow(), true);
	}

	/**
	 * A worker's report that reached another module first (the finder's 纠错 on a station's
	 * public page, which keeps its own record of each phone's report): opened as a case
	 * of the station's chain like a QR report, or joined to the station's open case of
	 * the same problem, so that many phones make one case, not one each. Runs in the
	 * caller's transaction; reports of one station and problem run one at a time.
	 * @param description what the case says the workers reported, optional
	 * @throws InvalidInputException for a problem a worker may not report or a bad
	 * description
	 * @throws ConflictException when the station is not in service
	 */
	public Reported reportFromListing(StationId stationId, ProblemType problem, String description) {
		List<Violation> violations = new ArrayList<>();
		if (problem == null || !problem.reportable()) {
			violations.add(Violation.of("problem", "validation.required"));
		}
		String text = blank(description) ? null : description.strip();
		text(text, "description", MAX_DESCRIPTION, violations);
		StationFacts station = tickets.findStation(stationId).orElse(null);
		if (station == null) {
			violations.add(Violation.of("station", "ticket.token.unknownStation"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (station.status() == StationStatus.DRAFT || station.status() == StationStatus.DELISTED) {
			throw new ConflictException("station",
					(station.status() == StationStatus.DRAFT) ? "ticket.station.draft" : "ticket.station.delisted",
					station.name());
		}
		tickets.lockStationProblem(stationId, problem);
		Optional<TicketNumber> open = tickets.findOpenCase(stationId, problem);
		if (open.isPresent()) {
			return new Reported(tickets.findStatus(open.get()).orElseThrow(), false);
		}
		Instant now = now();
		Holder holder = ChainRouting.first(responsibilities.getForSystem(stationId));
		Instant due = now.plus(settings.firstDeadline(problem));
		TicketNumber number;
		Optional<Long> id;
		do {
			number = TicketNumber.random();
			id = tickets.insert(number, stationId, problem, text, null, holder, now, due);
		}
		while (id.isEmpty());
		tickets.insertStep(id.get(), now, Event.OPENED, holder, null, due, null);
		events.publishEvent(new ProblemReported(id.get(), number.value(), stationId, problem, holder.level(),
				holder.accountId(), holder.unionCode(), due, now, TicketSource.QR_REPORT));
		return new Reported(tickets.findStatus(number).orElseThrow(), true);
	}

	/** A ticket by its number, as its reporter sees it: no account needed. */
	@Transactional(readOnly = true)
	public Optional<PublicTicketStatus> findStatus(String number) {
		return TicketNumber.parse(number).flatMap(tickets::findStatus);
	}

	/** The tickets the caller sees that match the query, most urgent first. */
	@Transactional(readOnly = true)
	public TicketPage list(TicketQuery query, int page, int size) {
		return tickets.search(query, scope(), now(), page, size);
	}

	/**
	 * A ticket the caller sees, with its history.
	 * @throws TicketNotFoundException outside the caller's scope
	 */
	@Transactional(readOnly = true)
	public ProblemTicket get(String number) {
		TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
		return tickets.findVisible(parsed, scope(), false).orElseThrow(() -> new TicketNotFoundException(number));
	}

	/** Whether the caller may resolve the ticket (it sees it: it came from here). */
	@Transactional(readOnly = true)
	public boolean mayResolve(ProblemTicket ticket) {
		return ticket.isOpen() && !ticket.needsRecheck()
				&& mayResolve(actor(), ticket, responsibilities.getForSystem(ticket.station()));
	}

	/**
	 * The open tickets the caller sees of the same station and problem, reported within
	 * {@link #DUPLICATE_WINDOW} of this one: likely the same problem reported from
	 * another phone (one phone's own repeat never opens a second ticket).
	 */
	@Transactional(readOnly = true)
	public List<TicketRepository.Related> listLikelyDuplicates(ProblemTicket ticket) {
		return tickets.listLikelyDuplicates(ticket, scope(), DUPLICATE_WINDOW);
	}

	/** The tickets merged into this one, oldest first. */
	@Transactional(readOnly = true)
	public List<TicketRepository.Related> listMergedInto(ProblemTicket ticket) {
		return tickets.listMergedInto(ticket.id());
	}

	/**
	 * Merges an open ticket into another open ticket of the same station, as a duplicate
	 * report of the same problem: the merged ticket is closed as RESOLVED with a pointer
	 * to the surviving one (which its reporter's status page follows), and the surviving
	 * ticket counts its reports. Whoever may resolve the merged ticket may merge it: it
	 * is closed by this. The problem types may differ (a reporter's choice of type is
	 * rough; the holder judges), the station may not. One transaction, both rows locked
	 * in id order; published as {@link TicketMerged} and audited.
	 * @return the surviving ticket
	 * @throws TicketNotFoundException when the caller does not see either ticket
	 * @throws ForbiddenException when the caller sees it but may not close it
	 * @throws ConflictException when either ticket is closed, they are the same ticket,
	 * or of different stations
	 */
	public ProblemTicket merge(String number, String into) {
		Actor actor = actor();
		TicketScope scope = scope(actor);
		TicketNumber mergedNumber = TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
		TicketNumber intoNumber = TicketNumber.parse(into).orElseThrow(() -> new TicketNotFoundException(into));
		ProblemTicket seenMerged = tickets.findVisible(mergedNumber, scope, false)
			.orElseThrow(() -> new TicketNotFoundException(number));
		ProblemTicket seenInto = tickets.findVisible(intoNumber, scope, false)
			.orElseThrow(() -> new TicketNotFoundException(into));
		if (seenMerged.id() == seenInto.id()) {
			throw new ConflictException("into", "ticket.merge.self", seenMerged.number().value());
		}
		// Locked in id order, so two merges of the same pair in opposite directions wait
		// for each other instead of deadlocking; the second then finds its ticket closed.
		boolean mergedFirst = seenMerged.id() < seenInto.id();
		ProblemTicket first = lock(mergedFirst ? seenMerged : seenInto, scope);
		ProblemTicket second = lock(mergedFirst ? seenInto : seenMerged, scope);
		ProblemTicket merged = mergedFirst ? first : second;
		ProblemTicket survivor = mergedFirst ? second : first;
		if (!merged.isOpen()) {
			throw new ConflictException("status", "ticket.alreadyResolved", merged.number().value());
		}
		if (merged.needsRecheck()) {
			throw new ConflictException("status", "ticket.merge.inspection", merged.number().value());
		}
		if (!mayResolve(actor, merged, responsibilities.getForSystem(merged.station()))) {
			throw new ForbiddenException("ticket.forbidden.merge", merged.number().value());
		}
		if (!survivor.isOpen()) {
			throw new ConflictException("into", "ticket.merge.intoClosed", survivor.number().value());
		}
		if (!merged.station().equals(survivor.station())) {
			throw new ConflictException("into", "ticket.merge.otherStation", merged.number().value(),
					merged.stationName(), survivor.number().value(), survivor.stationName());
		}
		Instant now = now();
		if (tickets.merge(merged.id(), merged.version(), survivor.id(), actor.accountId(), now) != 1) {
			// The row is locked: only a bug gets here.
			throw new IllegalStateException("Ticket " + merged.number() + " changed under its lock");
		}
		tickets.insertStep(merged.id(), now, Event.MERGED, merged.level(),
				(merged.assignee() != null) ? merged.assignee().id() : null,
				(merged.union() != null) ? merged.union().code() : null, actor.accountId(), null, List.of(),
				survivor.number().value());
		events.publishEvent(new TicketMerged(merged.id(), merged.number().value(), survivor.number().value(),
				merged.station(), merged.problem(), merged.level(), actor.accountId(), now));
		events.publishEvent(new Audited("ticket.merge", "ticket", merged.number().value(), merged.districtCode(),
				"status=OPEN; reports=" + merged.reportCount() + "; into=" + survivor.number().value() + " (reports="
						+ survivor.reportCount() + ")",
				"status=RESOLVED; mergedInto=" + survivor.number().value() + " (reports="
						+ (survivor.reportCount() + merged.reportCount()) + ")"));
		return tickets.findVisible(survivor.number(), scope, false).orElseThrow();
	}

	private ProblemTicket lock(ProblemTicket ticket, TicketScope scope) {
		return tickets.findVisible(ticket.number(), scope, true)
			.orElseThrow(() -> new TicketNotFoundException(ticket.number().value()));
	}

	/** Whether resolving a ticket of this problem type needs a photo. */
	public boolean needsPhoto(ProblemType problem) {
		return settings.needsPhoto(problem);
	}

	/**
	 * Resolves an open ticket with a note for the reporter and, where the problem type
	 * needs one, a photo (re-encoded without EXIF or GPS). Its holder may, anyone named
	 * above that level in the station's chain as it is now, and a union admin whose
	 * subtree holds the station.
	 * @param photo the photo's bytes as uploaded, or {@code null}
	 * @throws TicketNotFoundException outside the caller's scope
	 * @throws ForbiddenException when the caller sees it but may not resolve it
	 * @throws ConflictException when it is resolved already
	 * @throws InvalidInputException without a note, or a needed photo, or with a bad one
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ProblemTicket resolve(String number, String note, byte[] photo) {
		// Who may resolve is checked first, then the photo is decoded with no transaction
		// open (a large upload must not hold a database connection while it decodes), and
		// the resolution itself is one transaction that checks everything again under the
		// row's lock.
		this.readOnly.executeWithoutResult(status -> resolvable(actor(), number, false));
		EvidencePhotos.Prepared prepared = null;
		List<Violation> photoRefused = List.of();
		if (photo != null && photo.length > 0) {
			try {
				prepared = photos.prepare(photo, "photo");
			}
			catch (InvalidInputException ex) {
				// Said together with whatever else is wrong with the resolution.
				photoRefused = ex.violations();
			}
		}
		EvidencePhotos.Prepared decoded = prepared;
		List<Violation> refusals = photoRefused;
		return this.transaction.execute(status -> resolve(number, note, decoded, refusals));
	}

	private ProblemTicket resolvable(Actor actor, String number, boolean lock) {
		TicketNumber parsed = TicketNumber.parse(number).orElseThrow(() -> new TicketNotFoundException(number));
		ProblemTicket ticket = tickets.findVisible(parsed, scope(actor), lock)
			.orElseThrow(() -> new TicketNotFoundException(number));
		if (ticket.needsRecheck()) {
			// An inspection's finding is closed by the re-check of its rectification,
			// never by the side that had to rectify it.
			throw new ConflictException("status", "ticket.resolve.needsRecheck", ticket.number().value());
		}
		if (!ticket.isOpen()) {
			throw new ConflictException("status", "ticket.alreadyResolved", ticket.number().value());
		}
		if (!mayResolve(actor, ticket, responsibilities.getForSystem(ticket.station()))) {
			throw new ForbiddenException("ticket.forbidden.resolve", ticket.number().value());
		}
		return ticket;
	}

	private ProblemTicket resolve(String number, String note, EvidencePhotos.Prepared photo,
			List<Violation> photoRefused) {
		Actor actor = actor();
		ProblemTicket ticket = resolvable(actor, number, true);
		List<Violation> violations = new ArrayList<>();
		String text = blank(note) ? null : note.strip();
		if (text == null) {
			violations.add(Violation.of("note", "validation.required"));
		}
		text(text, "note", MAX_NOTE, violations);
		violations.addAll(photoRefused);
		boolean hasPhoto = photo != null;
		if (!hasPhoto && photoRefused.isEmpty() && settings.needsPhoto(ticket.problem())) {
			violations.add(Violation.of("photo", "ticket.photo.required", ticket.problem().labelZh(),
					ticket.problem().labelEn()));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String photoKey = hasPhoto ? photos.store(photo, tickets::isPhotoInUse) : null;
		Instant now = now();
		if (tickets.resolve(ticket.id(), ticket.version(), actor.accountId(), now, text, photoKey) != 1) {
			// The row is locked: only a bug gets here.
			throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
		}
		tickets.insertStep(ticket.id(), now, Event.RESOLVED, ticket.level(),
				(ticket.assignee() != null) ? ticket.assignee().id() : null,
				(ticket.union() != null) ? ticket.union().code() : null, actor.accountId(), null, List.of(), text);
		events.publishEvent(new TicketResolved(ticket.id(), ticket.number().value(), ticket.station(), ticket.problem(),
				ticket.level(), actor.accountId(), now, ticket.isOverdueAt(now)));
		events.publishEvent(new Audited("ticket.resolve", "ticket", ticket.number().value(), ticket.districtCode(),
				"status=OPEN; level=" + ticket.level() + "; dueAt=" + ticket.dueAt(),
				"status=RESOLVED; photo=" + (photoKey != null ? "yes" : "no")));
		return tickets.findVisible(ticket.number(), scope(actor), false).orElseThrow();
	}

	/** The resolution photo of a ticket the caller sees, or its thumbnail. */
	@Transactional(readOnly = true)
	public Optional<byte[]> readPhoto(String number, boolean thumbnail) {
		return readPhoto(number, PhotoKind.RESOLUTION, thumbnail);
	}

	/** Which of a case's photos. */
	public enum PhotoKind {

		/**
		 * The photo its resolution shows (an inspection's: the "after" photo re-checked).
		 */
		RESOLUTION,
		/** The "before" photo an inspection took of its failed item. */
		BEFORE,
		/** The "after" photo of a rectification waiting for its re-check. */
		AFTER

	}

	/** One of the photos of a ticket the caller sees, or its thumbnail. */
	@Transactional(readOnly = true)
	public Optional<byte[]> readPhoto(String number, PhotoKind kind, boolean thumbnail) {
		ProblemTicket ticket = get(number);
		String key = switch (kind) {
			case RESOLUTION -> ticket.photoKey();
			case BEFORE -> ticket.origin().beforePhotoKey();
			case AFTER -> (ticket.rectification() != null) ? ticket.rectification().afterPhotoKey() : null;
		};
		return (key != null) ? photos.read(key, thumbnail) : Optional.empty();
	}

	/**
	 * The holder, anyone named above its level (the chain as it is now) and the union
	 * admins over the station. A station master below the holder may not: once a ticket
	 * has climbed past them, it is the level above that answers for it.
	 */
	boolean mayResolve(Actor actor, ProblemTicket ticket, ResponsibilityChain chain) {
		if (ticket.assignee() != null && ticket.assignee().id() == actor.accountId()) {
			return true;
		}
		if (ChainRouting.namedAbove(chain, ticket.level(), actor.accountId())) {
			return true;
		}
		return actor.holds(Role.ORG_ADMIN) && organizations.findByCode(ticket.districtCode())
			.map(Organization::path)
			.map(actor::sees)
			.orElse(false);
	}

	private StationId station(String token, List<Violation> violations) {
		if (blank(token)) {
			violations.add(Violation.of("token", "validation.required"));
			return null;
		}
		return tokens.stationOrRefusal(token.strip(), "token", "ticket", violations);
	}

	private void requireWithinLimit(byte[] device, Instant now, Duration window, int limit) {
		RecentReports recent = tickets.countReportsSince(device, now.minus(window));
		if (recent.count() >= limit) {
			throw new TooManyReportsException("ticket.tooManyReports",
					Duration.between(now, recent.oldest().plus(window)));
		}
	}

	/**
	 * Free text as stored: at most {@code max} characters, line breaks and tabs allowed,
	 * no other control characters (PostgreSQL refuses NUL, and the rest only hide text)
	 * and no invisible formatting characters ({@link PlainText}: a right-to-left override
	 * makes a note read otherwise than it is stored).
	 */
	static void text(String value, String field, int max, List<Violation> violations) {
		if (value == null) {
			return;
		}
		if (value.codePointCount(0, value.length()) > max) {
			violations.add(Violation.of(field, "validation.tooLong", max));
		}
		if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			violations.add(Violation.of(field, "validation.controlCharacters"));
		}
		else if (PlainText.hasInvisibleCharacters(value)) {
			violations.add(Violation.of(field, PlainText.INVISIBLE_CHARACTERS));
		}
	}

	private TicketScope scope() {
		return scope(actor());
	}

	TicketScope scope(Actor actor) {
		return new TicketScope(actor, registry.visibleStations(),
				responsibilities.listStationsNaming(actor.accountId()).stream().map(StationId::value).toList());
	}

	private static Actor actor() {
		return Actor.required();
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
