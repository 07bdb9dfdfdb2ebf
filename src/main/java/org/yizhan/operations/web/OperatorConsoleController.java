package org.yizhan.operations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.OperatorContractInput;
import org.yizhan.operations.OperatorDuty;
import org.yizhan.operations.Operators;
import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A station's operators' contracts on the console: the list, which one is in force today,
 * and for a union admin over the station the form that records a new one, its contact
 * chosen among the accounts that may answer for the station's cases.
 */
@Controller
class OperatorConsoleController {

	private final Operators operators;

	private final StationRegistry registry;

	private final ConsoleMessages messages;

	OperatorConsoleController(Operators operators, StationRegistry registry, ConsoleMessages messages) {
		this.operators = operators;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/console/stations/{id}/operators")
	String station(@PathVariable String id, Model model) {
		return page(VisitApiController.station(id), null, null, null, null, List.of(), Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/operators")
	String sign(@PathVariable String id, @RequestParam(required = false) String operator,
			@RequestParam(required = false) String contact, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) List<String> duties,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StationId station = VisitApiController.station(id);
		List<String> chosen = duties == null ? List.of() : duties;
		try {
			operators.sign(station, new OperatorContractInput(operator, contact(contact),
					VisitApiController.date("startsOn", startsOn), VisitApiController.date("endsOn", endsOn), chosen));
			redirect.addFlashAttribute("notice", "operator.signed");
			return "redirect:/console/stations/" + station.value() + "/operators";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(station, operator, contact, startsOn, endsOn, chosen, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(station, operator, contact, startsOn, endsOn, chosen,
					Map.of("startsOn", List.of(messages.text(ex))), model);
		}
	}

	private String page(StationId station, String operator, String contact, String startsOn, String endsOn,
			List<String> duties, Map<String, List<String>> errors, Model model) {
		Station found = registry.getById(station);
		Actor actor = Actor.required();
		model.addAttribute("stationId", station.value());
		model.addAttribute("stationName", found.details().name());
		model.addAttribute("stationCode", found.code().toString());
		model.addAttribute("contracts", operators.listFor(station));
		model.addAttribute("today", operators.today());
		boolean mayManage = operators.mayManage(actor);
		model.addAttribute("mayManage", mayManage);
		model.addAttribute("candidates", mayManage ? operators.listContactCandidates(station) : List.of());
		model.addAttribute("allDuties", Arrays.asList(OperatorDuty.values()));
		model.addAttribute("operator", operator);
		model.addAttribute("contact", contact);
		model.addAttribute("startsOn", startsOn);
		model.addAttribute("endsOn", endsOn);
		model.addAttribute("duties", duties);
		model.addAttribute("errors", errors);
		return "operations/console/station-operators";
	}

	private static Long contact(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("contact", "operator.contact.unknown", value));
		}
	}

}
