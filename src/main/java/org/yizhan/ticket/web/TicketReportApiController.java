package org.yizhan.ticket.web;

import java.net.URI;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Instant;

import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.Rectifications;
import org.yizhan.platform.web.PublicBaseUrl;
import org.yizhan.ticket.PublicTicketStatus;
import org.yizhan.ticket.TicketNotFoundException;
import org.yizhan.ticket.TooManyReportsException;
import org.yizhan.platform.web.ApiController;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * What a worker does without an account: report a problem from a station's QR page, and
 * follow it by the ticket's number.
 */
@ApiController("/api/v1")
@Tag(name = "Problem reports", description = "问题报告：扫码报告驿站问题，凭工单编号查询处理进度（无需登录）")
class TicketReportApiController {

	private final ProblemTickets tickets;

	private final Rectifications rectifications;

	private final TicketRateLimits limits;

	private final MessageSource messages;

	private final PublicBaseUrl base;

	private final Clock clock;

	TicketReportApiController(ProblemTickets tickets, Rectifications rectifications, TicketRateLimits limits,
			MessageSource messages, PublicBaseUrl base, Clock clock) {
		this.tickets = tickets;
		this.rectifications = rectifications;
		this.limits = limits;
		this.messages = messages;
		this.base = base;
		this.clock = clock;
	}

	/**
	 * A report.
	 *
	 * @param token the station's QR token
	 * @param problem CLOSED_WHEN_LISTED_OPEN, BROKEN_FACILITY, MISSING_SUPPLIES or SAFETY
	 * @param description what the reporter saw, at most 500 characters, optional
	 * @param deviceId the phone's device cookie, optional; it keeps one phone from
	 * opening the same ticket twice
	 */
	record ReportRequest(String token, String problem, String description, String deviceId) {
	}

	/** The reporter's answer: the number to keep, and where to follow it. */
	record ReportJson(String number, String status, OffsetDateTime dueAt, String statusUrl) {
	}

	record StationJson(String code, String name) {
	}

	/**
	 * A case as its reporter sees it. {@code reopening} says whether it may be reopened
	 * now ({@code REOPENABLE}, until {@code reopenableUntil}) or why not
	 * ({@code NOT_RESOLVED}, {@code MERGED}, {@code NOT_REPORTED_BY_A_WORKER},
	 * {@code TOO_LATE}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StatusJson(String number, StationJson station, String source, String problem, String status,
			OffsetDateTime createdAt, OffsetDateTime dueAt, OffsetDateTime resolvedAt, String resolutionNote,
			String mergedInto, String reopening, OffsetDateTime reopenableUntil, int reopened) {

		static StatusJson of(PublicTicketStatus ticket, Instant now) {
			return new StatusJson(ticket.number().value(), new StationJson(ticket.stationCode(), ticket.stationName()),
					ticket.source().name(), ticket.problem().name(), ticket.status().name(),
					TicketJson.time(ticket.createdAt()), TicketJson.time(ticket.dueAt()),
					TicketJson.time(ticket.resolvedAt()), ticket.resolutionNote(),
					ticket.isMerged() ? ticket.mergedInto().value() : null, ticket.reopeningAt(now).name(),
					TicketJson.time(ticket.reopenableUntil()), ticket.reopenCount());
		}

	}

	/**
	 * @param reason what is still wrong, optional
	 */
	record ReopenRequest(String reason) {
	}

	@PostMapping("/problems")
	@Operation(summary = "Report a problem of a station (public)",
			description = "201 with the ticket's number; 200 with the same number when this device's identical report "
					+ "is still open; 400 for a refused token or bad values; 409 for a station not in service; "
					+ "429 past the per-device or per-address limit.")
	ResponseEntity<ReportJson> report(@RequestBody ReportRequest request, HttpServletRequest http) {
		this.limits.requireReport(http.getRemoteAddr());
		ProblemTickets.Reported reported = this.tickets.report(new ProblemTickets.Report(request.token(),
				request.problem(), request.description(), request.deviceId()));
		PublicTicketStatus ticket = reported.ticket();
		// Where the worker reached the QR page is where they follow the ticket: the same
		// public base as the printed code, not whatever host this request named.
		String statusUrl = this.base.resolve(http) + "/p/" + ticket.number().value();
		ReportJson body = new ReportJson(ticket.number().value(), ticket.status().name(),
				TicketJson.time(ticket.dueAt()), statusUrl);
		ResponseEntity.BodyBuilder answer = reported.created()
				? ResponseEntity.created(URI.create("/api/v1/problems/" + ticket.number().value()))
				: ResponseEntity.ok();
		return answer.cacheControl(CacheControl.noStore()).body(body);
	}

	@GetMapping("/problems/{number}")
	@Operation(summary = "The status of a reported problem, by its ticket number (public)",
			description = "No staff names, no photo; the resolution note is written for the reporter.")
	ResponseEntity<StatusJson> status(@PathVariable String number, HttpServletRequest http) {
		this.limits.requireLookup(http.getRemoteAddr());
		PublicTicketStatus ticket = this.tickets.findStatus(number)
			.orElseThrow(() -> new TicketNotFoundException(number));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(StatusJson.of(ticket, this.clock.instant()));
	}

	@PostMapping("/problems/{number}/reopen")
	@Operation(summary = "Reopen a resolved problem within 7 days of its resolution (public)",
			description = "The worker who reported it (by QR code, or by the hotline to union staff), by its number. "
					+ "200 with its status, open again at the bottom of the station's chain with a new deadline; "
					+ "404 for an unknown number; 409 naming why not (not resolved, merged, not a worker's report, "
					+ "resolved more than 7 days ago, the same phone's same report open again); 429 past the "
					+ "per-address limit.")
	ResponseEntity<StatusJson> reopen(@PathVariable String number, @RequestBody(required = false) ReopenRequest request,
			HttpServletRequest http) {
		this.limits.requireReopen(http.getRemoteAddr());
		PublicTicketStatus ticket = this.rectifications.reopen(number, (request != null) ? request.reason() : null);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(StatusJson.of(ticket, this.clock.instant()));
	}

	/** 429 with when to try again, in the caller's language. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(TooManyReportsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, this.messages
			.getMessage(ex.messageCode(), new Object[] { ex.retryAfterMinutes() }, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://yizhan.org/problems/too-many-requests"));
		problem.setTitle(this.messages.getMessage("problem.too-many-requests", null, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()))
			.body(problem);
	}

}
