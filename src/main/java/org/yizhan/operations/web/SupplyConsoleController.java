package org.yizhan.operations.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.Supplies;
import org.yizhan.operations.SupplyCategory;
import org.yizhan.operations.SupplyInput;
import org.yizhan.operations.SupplyMovement;
import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's supplies: the list of what needs someone (expiring, out, low) and one
 * station's stock with the forms that add an item and record a delivery, use or
 * stock-take, made for the station master's phone.
 */
@Controller
class SupplyConsoleController {

	private final Supplies supplies;

	private final StationRegistry registry;

	private final ConsoleMessages messages;

	SupplyConsoleController(Supplies supplies, StationRegistry registry, ConsoleMessages messages) {
		this.supplies = supplies;
		this.registry = registry;
		this.messages = messages;
	}

	/** The add-item form as it comes from the page. */
	record ItemForm(String category, String name, String unit, String quantity, String threshold, String expiresOn) {

		static ItemForm empty() {
			return new ItemForm(SupplyCategory.WATER.name(), null, null, null, "0", null);
		}

	}

	@GetMapping("/console/supplies")
	String warnings(@RequestParam(required = false) String union, @RequestParam(required = false) String days,
			Model model, HttpServletResponse response) {
		Actor actor = Actor.required();
		model.addAttribute("union", union == null || union.isBlank() ? actor.organizationCode() : union.strip());
		model.addAttribute("days",
				days == null || days.isBlank() ? String.valueOf(Supplies.DEFAULT_WARNING_DAYS) : days.strip());
		model.addAttribute("today", supplies.today());
		try {
			model.addAttribute("warnings", supplies.listWarnings(union, SupplyApiController.days(days)));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("warnings", List.of());
			model.addAttribute("problems", messages.lines(ex.violations()));
		}
		return "operations/console/supplies";
	}

	@GetMapping("/console/stations/{id}/supplies")
	String station(@PathVariable String id, Model model) {
		return page(VisitApiController.station(id), ItemForm.empty(), Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/supplies")
	String add(@PathVariable String id, @ModelAttribute ItemForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StationId station = VisitApiController.station(id);
		try {
			supplies.addItem(station,
					new SupplyInput(form.category(), form.name(), form.unit(), number(form.quantity(), "quantity"),
							number(form.threshold(), "threshold"),
							VisitApiController.date("expiresOn", form.expiresOn())));
			redirect.addFlashAttribute("notice", "supply.added");
			return "redirect:/console/stations/" + station.value() + "/supplies";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(station, form, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(station, form, Map.of("name", List.of(messages.text(ex))), model);
		}
	}

	@PostMapping("/console/supplies/{itemId}/movements")
	String move(@PathVariable String itemId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String expiresOn,
			@RequestParam long station, RedirectAttributes redirect) {
		try {
			supplies.move(SupplyApiController.item(itemId), SupplyApiController.kind(kind),
					number(quantity, "quantity"), VisitApiController.date("expiresOn", expiresOn));
			redirect.addFlashAttribute("notice", "supply.moved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return "redirect:/console/stations/" + station + "/supplies";
	}

	private String page(StationId station, ItemForm form, Map<String, List<String>> errors, Model model) {
		var found = registry.getById(station);
		model.addAttribute("stationId", station.value());
		model.addAttribute("stationName", found.details().name());
		model.addAttribute("stationCode", found.code().toString());
		model.addAttribute("items", supplies.listFor(station));
		model.addAttribute("today", supplies.today());
		model.addAttribute("mayKeep", supplies.mayKeep(Actor.required()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", SupplyCategory.values());
		model.addAttribute("movements", SupplyMovement.values());
		return "operations/console/station-supplies";
	}

	private static Integer number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of(field, "supply.quantity.range", Supplies.MAX_QUANTITY));
		}
	}

}
