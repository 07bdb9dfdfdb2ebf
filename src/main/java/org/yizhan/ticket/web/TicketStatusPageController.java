package org.yizhan.ticket.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.Rectifications;
import org.yizhan.ticket.TicketNotFoundException;
import org.yizhan.ticket.PublicTicketStatus;
import org.yizhan.ticket.TooManyReportsException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporter's page of a ticket, {@code /p/{number}}: small and public, for a phone on
 * a weak line, showing where the problem stands and, once resolved, the note staff wrote
 * for the reporter. No staff names, no photo, not the reporter's own description. Within
 * seven days of its resolution the reporter reopens it here (a plain form, no script);
 * after that the page says why it cannot be reopened.
 */
@Controller
class TicketStatusPageController {

	private final ProblemTickets tickets;

	private final Rectifications rectifications;

	private final TicketRateLimits limits;

	private final ConsoleMessages messages;

	private final Clock clock;

	TicketStatusPageController(ProblemTickets tickets, Rectifications rectifications, TicketRateLimits limits,
			ConsoleMessages messages, Clock clock) {
		this.tickets = tickets;
		this.rectifications = rectifications;
		this.limits = limits;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The reporter reopens the case, and the same page answers at once with it open again
	 * or with why not: no redirect, since a flash message would need a session, which no
	 * anonymous page writes.
	 */
	@PostMapping("/p/{number}/reopen")
	String reopen(@PathVariable String number, @RequestParam(required = false) String reason,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			this.limits.requireReopen(request.getRemoteAddr());
			this.rectifications.reopen(number, reason);
			model.addAttribute("notice", "ticket.status.reopened");
		}
		catch (TooManyReportsException ex) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			model.addAttribute("problems", List.of(this.messages.text("ticket.status.busy", ex.retryAfterMinutes())));
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("problems", List.of(this.messages.text(ex)));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("problems", this.messages.lines(ex.violations()));
			model.addAttribute("reason", reason);
		}
		catch (TicketNotFoundException ex) {
			// The page below says so, with the box to type the number again.
		}
		return show(number, request, response, model);
	}

	@GetMapping("/p/{number}")
	String status(@PathVariable String number, HttpServletRequest request, HttpServletResponse response, Model model) {
		return show(number, request, response, model);
	}

	/**
	 * The same page for a number typed into the box of the not-found page: the reporter
	 * who mistyped it retypes it there rather than editing an address on a phone.
	 */
	@GetMapping("/p")
	String typed(@RequestParam(required = false) String number, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return show((number == null) ? "" : number, request, response, model);
	}

	private String show(String number, HttpServletRequest request, HttpServletResponse response, Model model) {
		// The number is the reporter's key: the page is kept out of caches and search
		// engines, and the referrer policy keeps it out of other sites' logs.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		try {
			this.limits.requireLookup(request.getRemoteAddr());
		}
		catch (TooManyReportsException ex) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			model.addAttribute("retryMinutes", ex.retryAfterMinutes());
			return "ticket/ticket-not-found";
		}
		Optional<PublicTicketStatus> ticket = this.tickets.findStatus(number);
		if (ticket.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("typed", number.length() > 32 ? number.substring(0, 32) : number);
			return "ticket/ticket-not-found";
		}
		model.addAttribute("ticket", ticket.get());
		model.addAttribute("reopening", ticket.get().reopeningAt(this.clock.instant()).name());
		return "ticket/ticket-status";
	}

}
