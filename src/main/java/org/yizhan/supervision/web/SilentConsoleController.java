package org.yizhan.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.supervision.SilentCaseQuery;
import org.yizhan.supervision.SilentStations;
import org.yizhan.supervision.SilentCase;
import org.yizhan.supervision.SilentCasePage;
import org.yizhan.supervision.SilentCaseDecision;
import org.yizhan.supervision.SilentCaseStatus;
import org.yizhan.supervision.SilentStationSettings;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's silent stations: the cases of the caller's stations with their silent
 * months and last counted rating, the three decisions (each asks for confirmation), and
 * the section of a station's page that shows its case.
 */
@Controller
class SilentConsoleController {

	static final int PAGE_SIZE = 50;

	/** The status filter's value for every case, closed ones included. */
	static final String ALL = "ALL";

	private final SilentStations silentStations;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final SilentStationSettings settings;

	private final ConsoleMessages messages;

	private final Clock clock;

	SilentConsoleController(SilentStations silentStations, StationRegistry registry, OrganizationTree organizations,
			SilentStationSettings settings, ConsoleMessages messages, Clock clock) {
		this.silentStations = silentStations;
		this.registry = registry;
		this.organizations = organizations;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	/** The filters as they come from the query string; unknown values fall back. */
	record Filters(String org, String status, String q) {

		SilentCaseQuery toQuery() {
			String organization = (org == null || org.isBlank()) ? null : org.strip();
			return new SilentCaseQuery(organization, statuses(), q);
		}

		Set<SilentCaseStatus> statuses() {
			if (ALL.equals(status)) {
				return EnumSet.allOf(SilentCaseStatus.class);
			}
			return Arrays.stream(SilentCaseStatus.values())
				.filter(value -> value.name().equals(status))
				.findFirst()
				.map(EnumSet::of)
				.orElse(EnumSet.of(SilentCaseStatus.OPEN));
		}

		/** Where a decision comes back to: the list as it was filtered. */
		String back() {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/silent-stations");
			if (org != null && !org.isBlank()) {
				uri.queryParam("org", org.strip());
			}
			if (status != null && !status.isBlank()) {
				uri.queryParam("status", status.strip());
			}
			if (q != null && !q.isBlank()) {
				uri.queryParam("q", q.strip());
			}
			return uri.encode().build().toUriString();
		}

	}

	/**
	 * A case as the page shows it: the months spelt out and what the viewer may decide.
	 */
	record CaseView(SilentCase c, List<String> months, boolean mayDecide, boolean mayDowngrade) {
	}

	@GetMapping("/console/silent-stations")
	String list(Filters filters, @RequestParam(defaultValue = "0") int page, Model model) {
		SilentCasePage result = silentStations.search(filters.toQuery(), Math.max(0, page), PAGE_SIZE);
		model.addAttribute("filters", filters);
		model.addAttribute("result", result);
		model.addAttribute("cases", result.content().stream().map(this::view).toList());
		model.addAttribute("statuses", SilentCaseStatus.values());
		model.addAttribute("organizations", organizationsInUse());
		model.addAttribute("monthsRequired", settings.months());
		model.addAttribute("minUntil", LocalDate.now(clock).plusDays(1));
		model.addAttribute("maxUntil", LocalDate.now(clock).plus(settings.longestExemption()));
		model.addAttribute("maxReason", SilentStations.MAX_REASON);
		return "supervision/console/silent-stations";
	}

	@GetMapping("/console/stations/{id}/silent")
	String stationSection(@PathVariable String id, Model model) {
		Optional<SilentCase> latest = silentStations.findLatestFor(stationId(id));
		model.addAttribute("silentCase", latest.map(this::view).orElse(null));
		return "supervision/console/silent-section :: section";
	}

	@PostMapping("/console/silent-stations/{id}/downgrade")
	String downgrade(@PathVariable String id, Filters filters, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return decide(filters, redirect, "silent.downgraded",
				() -> silentStations.downgrade(caseId(id), version, reason));
	}

	@PostMapping("/console/silent-stations/{id}/delist")
	String delist(@PathVariable String id, Filters filters, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(filters, redirect, "silent.delisted", () -> silentStations.delist(caseId(id), version, note));
	}

	@PostMapping("/console/silent-stations/{id}/exempt")
	String exempt(@PathVariable String id, Filters filters, @RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate exemptUntil,
			RedirectAttributes redirect) {
		return decide(filters, redirect, "silent.exempted",
				() -> silentStations.exempt(caseId(id), reason, exemptUntil));
	}

	/**
	 * Runs a decision and comes back to the list with a notice, or with the reasons it
	 * was refused; a case out of scope or a caller without the role get the error page.
	 */
	private String decide(Filters filters, RedirectAttributes redirect, String notice, Supplier<SilentCase> decision) {
		try {
			SilentCase decided = decision.get();
			redirect.addFlashAttribute("notice", notice);
			redirect.addFlashAttribute("decidedCase", decided.id());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text("problem.staleVersion")));
		}
		return "redirect:" + filters.back();
	}

	private CaseView view(SilentCase c) {
		boolean admin = Actor.current().map(actor -> actor.holds(Role.ORG_ADMIN)).orElse(false);
		Set<SilentCaseDecision> offers = c.offers();
		return new CaseView(c, c.silentMonths().stream().map(YearMonth::toString).toList(), admin && !offers.isEmpty(),
				admin && offers.contains(SilentCaseDecision.DOWNGRADE));
	}

	/** The unions offered in the filter: those with stations in the caller's scope. */
	private List<Organization> organizationsInUse() {
		return organizations.listCovering(registry.listDistrictsInUse());
	}

	private static long caseId(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("silent.notFound", value);
		}
	}

	private static StationId stationId(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw org.yizhan.station.StationNotFoundException.byId(value);
		}
	}

}
