package org.yizhan.ticket.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.ticket.ProblemTickets;
import org.yizhan.ticket.Rectifications;
import org.yizhan.ticket.Severity;
import org.yizhan.ticket.TicketSource;
import org.yizhan.ticket.ProblemType;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.ticket.ProblemTicket;
import org.yizhan.ticket.TicketPage;
import org.yizhan.ticket.TicketQuery;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's problem tickets: the list (mine or in my scope; open, overdue, awaiting
 * re-check, resolved; by union, problem and source), the form union staff and station
 * masters open a case with, a ticket's page with its history and the resolve, rectify and
 * re-check forms, and the open tickets of one station, which the station's page loads
 * into its own section.
 */
@Controller
class TicketConsoleController {

	static final int PAGE_SIZE = 50;

	static final int STATION_SECTION_SIZE = 20;

	private final ProblemTickets tickets;

	private final Rectifications rectifications;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final ConsoleMessages messages;

	private final Clock clock;

	TicketConsoleController(ProblemTickets tickets, Rectifications rectifications, StationRegistry registry,
			OrganizationTree organizations, ConsoleMessages messages, Clock clock) {
		this.tickets = tickets;
		this.rectifications = rectifications;
		this.registry = registry;
		this.organizations = organizations;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/console/tickets")
	String list(TicketFilters filters, @RequestParam(defaultValue = "0") int page, Model model) {
		TicketQuery query = filters.toQuery(this.organizations, defaultView(), null);
		TicketPage result = this.tickets.list(query, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("filters", filters);
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("now", this.clock.instant());
		// Not "problems": that is the layout's slot for error messages, shown in red.
		model.addAttribute("problemTypes", ProblemType.values());
		model.addAttribute("sources", TicketSource.values());
		model.addAttribute("mayOpen", !openable().isEmpty());
		model.addAttribute("views", TicketQuery.View.values());
		model.addAttribute("states", TicketQuery.State.values());
		model.addAttribute("organizations", this.organizations.listCovering(this.registry.listDistrictsInUse()));
		model.addAttribute("orgCode", (filters.org() != null) ? filters.org().strip() : "");
		model.addAttribute("queryString", queryString(query, filters));
		return "ticket/console/tickets";
	}

	@GetMapping("/console/tickets/{number}")
	String show(@PathVariable String number, Model model) {
		ProblemTicket ticket = this.tickets.get(number);
		model.addAttribute("ticket", ticket);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("mayResolve", this.tickets.mayResolve(ticket));
		model.addAttribute("mayRectify", this.rectifications.mayRectify(ticket));
		model.addAttribute("mayRecheck", this.rectifications.mayRecheck(ticket));
		model.addAttribute("needsPhoto", this.tickets.needsPhoto(ticket.problem()));
		model.addAttribute("levels", ResponsibleLevel.values());
		model.addAttribute("duplicates", this.tickets.listLikelyDuplicates(ticket));
		model.addAttribute("mergedIn", this.tickets.listMergedInto(ticket));
		return "ticket/console/ticket";
	}

	/** Merges this ticket into a likely duplicate the page listed (asked to confirm). */
	@PostMapping("/console/tickets/{number}/merge-into/{other}")
	String merge(@PathVariable String number, @PathVariable String other, RedirectAttributes redirect) {
		ProblemTicket ticket = this.tickets.get(number);
		try {
			ProblemTicket survivor = this.tickets.merge(ticket.number().value(), other);
			redirect.addFlashAttribute("notice", "ticket.merged");
			return "redirect:/console/tickets/" + survivor.number().value();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
			return "redirect:/console/tickets/" + ticket.number().value();
		}
	}

	@PostMapping("/console/tickets/{number}/resolve")
	String resolve(@PathVariable String number, @RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		ProblemTicket ticket = this.tickets.get(number);
		String page = "redirect:/console/tickets/" + ticket.number().value();
		try {
			this.tickets.resolve(ticket.number().value(), note, TicketApiController.bytes(photo));
			redirect.addFlashAttribute("notice", "ticket.resolved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
			redirect.addFlashAttribute("note", note);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return page;
	}

	@GetMapping("/console/tickets/{number}/photo")
	ResponseEntity<byte[]> photo(@PathVariable String number, @RequestParam(defaultValue = "false") boolean thumbnail,
			@RequestParam(defaultValue = "resolution") String kind) {
		return PhotoResponses.forSignedIn(this.tickets.readPhoto(number, TicketApiController.photoKind(kind), thumbnail)
			.orElseThrow(() -> new NotFoundException("ticket.noPhoto", number)));
	}

	/**
	 * A case as the console's form sends it: the station by its code (or its id, from the
	 * station's page).
	 */
	record OpenForm(String station, String source, String problem, String severity, String description,
			String callerPhone) {
	}

	/** The form to open a case, offering the sources the caller may open. */
	@GetMapping("/console/tickets/new")
	String newCase(@RequestParam(required = false) String station, Model model) {
		List<TicketSource> sources = requireOpenable();
		String code = "";
		if (station != null && !station.isBlank()) {
			code = this.registry.getById(stationId(station)).code().value();
		}
		return openForm(new OpenForm(code, sources.get(0).name(), null, Severity.GENERAL.name(), null, null), sources,
				Map.of(), model);
	}

	@PostMapping("/console/tickets")
	String open(OpenForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<TicketSource> sources = requireOpenable();
		try {
			ProblemTicket opened = this.rectifications.open(new Rectifications.CaseInput(form.station(), form.source(),
					form.problem(), form.severity(), form.description(), form.callerPhone()));
			redirect.addFlashAttribute("notice", "ticket.opened");
			return "redirect:/console/tickets/" + opened.number().value();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return openForm(form, sources, this.messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return openForm(form, sources, Map.of("station", List.of(this.messages.text(ex))), model);
		}
	}

	private String openForm(OpenForm form, List<TicketSource> sources, Map<String, List<String>> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("sources", sources);
		model.addAttribute("problemTypes",
				Arrays.stream(ProblemType.values()).filter(type -> type != ProblemType.FAILED_ITEM).toList());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("errors", errors);
		return "ticket/console/ticket-new";
	}

	private List<TicketSource> openable() {
		return Arrays.stream(TicketSource.values()).filter(this.rectifications::mayOpen).toList();
	}

	/** The sources the caller may open; none is a 403, as the form would be no use. */
	private List<TicketSource> requireOpenable() {
		List<TicketSource> sources = openable();
		if (sources.isEmpty()) {
			throw new ForbiddenException("ticket.forbidden.openStaff");
		}
		return sources;
	}

	@PostMapping("/console/tickets/{number}/rectify")
	String rectify(@PathVariable String number, @RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		ProblemTicket ticket = this.tickets.get(number);
		try {
			this.rectifications.markRectified(ticket.number().value(), note, TicketApiController.bytes(photo));
			redirect.addFlashAttribute("notice", "ticket.rectified");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
			redirect.addFlashAttribute("rectificationNote", note);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/tickets/" + ticket.number().value();
	}

	@PostMapping("/console/tickets/{number}/recheck")
	String recheck(@PathVariable String number, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		ProblemTicket ticket = this.tickets.get(number);
		try {
			this.rectifications.recheck(ticket.number().value(), passed, reason);
			redirect.addFlashAttribute("notice",
					Boolean.TRUE.equals(passed) ? "ticket.recheck.passed" : "ticket.recheck.failed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
			redirect.addFlashAttribute("reason", reason);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/tickets/" + ticket.number().value();
	}

	/** The station page's section: its open tickets, loaded by htmx. */
	@GetMapping("/console/stations/{id}/tickets")
	String stationTickets(@PathVariable String id, Model model) {
		Station station = this.registry.getById(stationId(id));
		TicketPage open = this.tickets.list(
				new TicketQuery(TicketQuery.View.SCOPE, TicketQuery.State.OPEN, null, null, station.id()), 0,
				STATION_SECTION_SIZE);
		model.addAttribute("station", station);
		model.addAttribute("open", open);
		model.addAttribute("mayOpen", !openable().isEmpty());
		model.addAttribute("now", this.clock.instant());
		return "ticket/console/station-tickets :: tickets";
	}

	/** People who run stations start with what they hold; union staff with everything. */
	private static TicketQuery.View defaultView() {
		boolean unionRole = Actor.current().map(Actor::isUnionStaff).orElse(false);
		return unionRole ? TicketQuery.View.SCOPE : TicketQuery.View.MINE;
	}

	/** The filters as a query string without the page, for the tabs and paging links. */
	private String queryString(TicketQuery query, TicketFilters filters) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance()
			.queryParam("view", query.view().name().toLowerCase())
			.queryParam("state", query.state().name().toLowerCase());
		if (query.organizationPath() != null) {
			builder.queryParam("org", filters.org().strip());
		}
		if (query.problem() != null) {
			builder.queryParam("problem", query.problem().name());
		}
		if (query.station() != null) {
			builder.queryParam("station", query.station().value());
		}
		if (query.source() != null) {
			builder.queryParam("source", query.source().name());
		}
		return builder.encode().build().getQuery();
	}

	private static StationId stationId(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

}
