package org.yizhan.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import java.net.URI;

import org.yizhan.platform.web.RequestValues;
import org.yizhan.ticket.ProblemTicket;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.Rectifications;
import org.yizhan.ticket.TicketPage;
import org.yizhan.ticket.TicketQuery;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Problem tickets for staff over JSON: list, read, open (union staff, a station's
 * self-check), resolve, mark an inspection's finding rectified, re-check it, the photos.
 * Scoped like the console: station masters and liaisons see their stations' tickets,
 * union roles those of their subtree, and everyone the tickets they hold or whose chain
 * names them.
 */
@ApiController("/api/v1")
@Tag(name = "Problem tickets", description = "问题工单：查询、办结（责任链处理人、上级或辖区工会管理员）")
class TicketApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final ProblemTickets tickets;

	private final Rectifications rectifications;

	private final OrganizationTree organizations;

	private final Clock clock;

	TicketApiController(ProblemTickets tickets, Rectifications rectifications, OrganizationTree organizations,
			Clock clock) {
		this.tickets = tickets;
		this.rectifications = rectifications;
		this.organizations = organizations;
		this.clock = clock;
	}

	record PageJson(List<TicketJson> content, int page, int size, long totalElements, int totalPages) {
	}

	record ResolveRequest(String note) {
	}

	/**
	 * A case union staff or a station master open.
	 *
	 * @param station the station's id or code
	 * @param source STAFF or SELF_CHECK
	 * @param problem CLOSED_WHEN_LISTED_OPEN, BROKEN_FACILITY, MISSING_SUPPLIES, SAFETY
	 * or OTHER
	 * @param severity URGENT, SERIOUS or GENERAL
	 * @param description what was found or reported
	 * @param callerPhone the hotline caller's phone, optional, STAFF only
	 */
	record OpenRequest(String station, String source, String problem, String severity, String description,
			String callerPhone) {
	}

	/**
	 * @param passed whether the rectification was found done
	 * @param reason why not (required then), or a remark
	 */
	record RecheckRequest(Boolean passed, String reason) {
	}

	@GetMapping("/tickets")
	@Operation(summary = "List tickets", description = "Most urgent first: open ones by deadline, then resolved ones.")
	PageJson list(@Parameter(description = "mine (held by me) or scope (default)") //
	@RequestParam(required = false) String view, //
			@Parameter(description = "open (default), overdue, resolved or all") //
			@RequestParam(required = false) String state, //
			@Parameter(description = "a union code: tickets of stations in its subtree") //
			@RequestParam(required = false) String org, //
			@RequestParam(required = false) String problem, //
			@Parameter(description = "a station id") //
			@RequestParam(required = false) String station, //
			@Parameter(description = "QR_REPORT, SELF_CHECK, STAFF, INSPECTION or DEVICE") //
			@RequestParam(required = false) String source, //
			@RequestParam(defaultValue = "0") int page, //
			@RequestParam(defaultValue = "50") int size) {
		List<Violation> violations = new ArrayList<>();
		TicketQuery query = new TicketFilters(view, state, org, problem, station, source).toQuery(this.organizations,
				TicketQuery.View.SCOPE, violations);
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		TicketPage result = this.tickets.list(query, page, size);
		Instant now = this.clock.instant();
		return new PageJson(result.content().stream().map(ticket -> TicketJson.of(ticket, now, false)).toList(),
				result.page(), result.size(), result.totalElements(), result.totalPages());
	}

	@GetMapping("/tickets/{number}")
	@Operation(summary = "A ticket with its history")
	TicketJson get(@PathVariable String number) {
		return TicketJson.of(this.tickets.get(number), this.clock.instant(), true);
	}

	@PostMapping(path = "/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a ticket: union staff (STAFF, e.g. a 12351 hotline call) or a station's self-check",
			description = "STAFF: ORG_ADMIN or INSPECTOR over the station, with the caller's phone optional (sealed, "
					+ "answered masked). SELF_CHECK: a STATION_MASTER bound to the station. Due by its severity "
					+ "(URGENT 1 day, SERIOUS 7, GENERAL 30 by default), routed and escalated along the station's "
					+ "responsibility chain. 201 with the ticket; 400 naming each bad field; 403 for a caller who "
					+ "may not open a ticket of that source; 404 for a station id outside the caller's scope; 409 "
					+ "for a draft or delisted station.")
	ResponseEntity<TicketJson> open(@RequestBody OpenRequest request) {
		ProblemTicket opened = this.rectifications.open(new Rectifications.CaseInput(request.station(),
				request.source(), request.problem(), request.severity(), request.description(), request.callerPhone()));
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + opened.number().value()))
			.body(TicketJson.of(opened, this.clock.instant(), true));
	}

	@PostMapping(path = "/tickets/{number}/rectify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Mark an inspection's finding rectified, with an after photo",
			description = "Multipart: note (what was done) and photo (JPEG, PNG or WebP ≤ 5 MB, re-encoded without "
					+ "EXIF or GPS), both required. Whoever may resolve a ticket may; the ticket then waits for its "
					+ "re-check (status RECTIFIED). 409 for a ticket that is not an inspection's, or not open.")
	TicketJson rectify(@PathVariable String number, @RequestParam(required = false) String note,
			@RequestPart(name = "photo", required = false) MultipartFile photo) {
		return TicketJson.of(this.rectifications.markRectified(number, note, bytes(photo)), this.clock.instant(), true);
	}

	@PostMapping(path = "/tickets/{number}/recheck", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Re-check a rectified inspection finding (回头看)",
			description = "INSPECTOR or ORG_ADMIN over the station. passed=true closes it (RESOLVED); passed=false "
					+ "sends it back (OPEN, a new deadline by its severity) with the reason, which is then required. "
					+ "409 when it is not waiting for a re-check.")
	TicketJson recheck(@PathVariable String number, @RequestBody RecheckRequest request) {
		return TicketJson.of(this.rectifications.recheck(number, request.passed(), request.reason()),
				this.clock.instant(), true);
	}

	@PostMapping(path = "/tickets/{number}/resolve", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Resolve a ticket with a note for the reporter and a photo",
			description = "Multipart: note, and photo (JPEG, PNG or WebP ≤ 5 MB, re-encoded without EXIF or GPS); "
					+ "the photo is required for the problem types configured to need one.")
	TicketJson resolve(@PathVariable String number, @RequestParam(required = false) String note,
			@RequestPart(name = "photo", required = false) MultipartFile photo) {
		return TicketJson.of(this.tickets.resolve(number, note, bytes(photo)), this.clock.instant(), true);
	}

	@PostMapping(path = "/tickets/{number}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Resolve a ticket with a note for the reporter (no photo)")
	TicketJson resolveWithoutPhoto(@PathVariable String number, @RequestBody ResolveRequest request) {
		return TicketJson.of(this.tickets.resolve(number, request.note(), null), this.clock.instant(), true);
	}

	@PostMapping("/tickets/{number}/merge-into/{other}")
	@Operation(summary = "Merge a ticket into another open ticket of the same station",
			description = "For a second report of the same problem from another phone: the ticket is closed as "
					+ "RESOLVED with mergedInto naming the other, whose reports count grows by its count; its "
					+ "reporter's status page points to the other. Who may resolve the ticket may merge it. "
					+ "404 when the caller does not see either; 403 when it may not close it; 409 (with the "
					+ "reason) when either is closed, both are the same ticket, or they are of different stations. "
					+ "Answers the surviving ticket.")
	TicketJson merge(@PathVariable String number, @PathVariable String other) {
		return TicketJson.of(this.tickets.merge(number, other), this.clock.instant(), true);
	}

	@GetMapping("/tickets/{number}/photo")
	@Operation(summary = "A photo of the ticket as JPEG, or its thumbnail",
			description = "kind: resolution (default), before (an inspection's) or after (a rectification's).")
	ResponseEntity<byte[]> photo(@PathVariable String number, @RequestParam(defaultValue = "false") boolean thumbnail,
			@RequestParam(defaultValue = "resolution") String kind) {
		return PhotoResponses.forSignedIn(this.tickets.readPhoto(number, photoKind(kind), thumbnail)
			.orElseThrow(() -> new NotFoundException("ticket.noPhoto", number)));
	}

	static ProblemTickets.PhotoKind photoKind(String kind) {
		List<Violation> violations = new ArrayList<>();
		ProblemTickets.PhotoKind parsed = RequestValues.enumValue(ProblemTickets.PhotoKind.class, kind.strip(), "kind",
				violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return parsed;
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
