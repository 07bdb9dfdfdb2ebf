package org.yizhan.ticket.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.PublicTicketStatus;
import org.yizhan.ticket.TooManyReportsException;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporter's page of a ticket, {@code /p/{number}}: small and public, for a phone on
 * a weak line, showing where the problem stands and, once resolved, the note staff wrote
 * for the reporter. No staff names, no photo, not the reporter's own description.
 */
@Controller
class TicketStatusPageController {

	private final ProblemTickets tickets;

	private final TicketRateLimits limits;

	TicketStatusPageController(ProblemTickets tickets, TicketRateLimits limits) {
		this.tickets = tickets;
		this.limits = limits;
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
		return "ticket/ticket-status";
	}

}
