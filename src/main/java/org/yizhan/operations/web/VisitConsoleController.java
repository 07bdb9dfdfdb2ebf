package org.yizhan.operations.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.Visits;
import org.yizhan.organization.Actor;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.StationId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's visits: a union's figures for its staff, a station master's or host's own
 * stations for the others, and one station's days and hours with the form that records
 * its tally, made for a phone (the station master records the day's tally at the
 * station).
 */
@Controller
class VisitConsoleController {

	private final Visits visits;

	private final ConsoleMessages messages;

	VisitConsoleController(Visits visits, ConsoleMessages messages) {
		this.visits = visits;
		this.messages = messages;
	}

	@GetMapping("/console/visits")
	String overview(@RequestParam(required = false) String union, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		Actor actor = Actor.required();
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		try {
			if (actor.isUnionStaff()) {
				model.addAttribute("union", union == null || union.isBlank() ? actor.organizationCode() : union);
				model.addAttribute("figures", visits.figuresForUnion(union, VisitApiController.date("from", from),
						VisitApiController.date("to", to)));
			}
			else {
				model.addAttribute("stations", visits.listOwnStations(VisitApiController.date("from", from),
						VisitApiController.date("to", to)));
			}
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", messages.lines(ex.violations()));
		}
		return "operations/console/visits";
	}

	@GetMapping("/console/stations/{id}/visits")
	String station(@PathVariable String id, @RequestParam(required = false) String hoursOf, Model model,
			HttpServletResponse response) {
		LocalDate hours;
		try {
			hours = VisitApiController.date("hoursOf", hoursOf);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", messages.lines(ex.violations()));
			hours = null;
		}
		return page(VisitApiController.station(id), hours, visits.today().toString(), null, Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/visits/tally")
	String tally(@PathVariable String id, @RequestParam(required = false) String day,
			@RequestParam(required = false) String visits, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StationId station = VisitApiController.station(id);
		try {
			LocalDate date = VisitApiController.date("day", day);
			if (date == null) {
				throw new InvalidInputException(Violation.of("day", "validation.required"));
			}
			this.visits.recordTally(station, date, number(visits));
			redirect.addFlashAttribute("notice", "visit.tally.saved");
			return "redirect:/console/stations/" + station.value() + "/visits";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(station, null, day, visits, messages.byField(ex.violations()), model);
		}
	}

	private String page(StationId station, LocalDate hoursOf, String day, String tally,
			Map<String, List<String>> errors, Model model) {
		model.addAttribute("visits", visits.listForStation(station, null, null, hoursOf));
		model.addAttribute("day", day);
		model.addAttribute("tally", tally);
		model.addAttribute("errors", errors);
		model.addAttribute("maxTally", Visits.MAX_TALLY);
		return "operations/console/station-visits";
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("visits", "visit.tally.range", Visits.MAX_TALLY));
		}
	}

}
