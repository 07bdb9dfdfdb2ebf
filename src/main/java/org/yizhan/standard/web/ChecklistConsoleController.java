package org.yizhan.standard.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.Explanation;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.standard.Checklist;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.standard.ItemInput;
import org.yizhan.standard.StationJudgements;
import org.yizhan.standard.StationMeasure;
import org.yizhan.station.Amenity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's checklist pages: the standards and where each is in force, one checklist
 * with its versions and the form that adds an item (a new version), and the report of
 * listed stations that do not meet the standard in force.
 */
@Controller
class ChecklistConsoleController {

	private final Checklists checklists;

	private final StationJudgements judgements;

	private final OrganizationTree organizations;

	private final ConsoleMessages messages;

	ChecklistConsoleController(Checklists checklists, StationJudgements judgements, OrganizationTree organizations,
			ConsoleMessages messages) {
		this.checklists = checklists;
		this.judgements = judgements;
		this.organizations = organizations;
		this.messages = messages;
	}

	/** The add-item form as it comes from the page. */
	record ItemForm(String code, String textZh, String textEn, String evidence, String amenity, String minimum,
			String unit, String measure, Boolean required, Integer version) {

		static ItemForm empty() {
			return new ItemForm(null, null, null, Evidence.YES_NO.name(), null, null, null, null, true, null);
		}

	}

	@GetMapping("/console/checklists")
	String list(@RequestParam(required = false) String union, Model model) {
		Actor actor = Actor.required();
		String code = union == null || union.isBlank() ? actor.organizationCode() : union.strip();
		model.addAttribute("checklists", checklists.listChecklists());
		model.addAttribute("assignments", checklists.listAssignments());
		model.addAttribute("union", code);
		Organization asked = organizations.findByCode(code).orElse(null);
		model.addAttribute("unionName", asked == null ? null : asked.name());
		if (asked == null) {
			model.addAttribute("problems", List.of(messages.text("standard.unknownUnion", code)));
		}
		model.addAttribute("inForce", asked == null ? null : checklists.findInForce(code).orElse(null));
		return "standard/console/checklists";
	}

	@GetMapping("/console/checklists/{id}")
	String show(@PathVariable String id, Model model) {
		return page(checklists.getById(ChecklistApiController.id(id)), ItemForm.empty(), Map.of(), model);
	}

	/**
	 * Adds an item from the checklist's page, sent to the page's own address: a refused
	 * item comes back there with its mistakes, and a reload shows the page (ADR 0022).
	 */
	@PostMapping("/console/checklists/{id}")
	String addItem(@PathVariable String id, @ModelAttribute ItemForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		long checklistId = ChecklistApiController.id(id);
		try {
			BigDecimal minimum = parseMinimum(form.minimum());
			checklists.addItem(checklistId, form.version(), new ItemInput(form.code(), form.textZh(), form.textEn(),
					form.evidence(), form.amenity(), minimum, form.unit(), form.measure(), form.required() != null));
			redirect.addFlashAttribute("notice", "standard.itemAdded");
			return "redirect:/console/checklists/" + checklistId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return page(checklists.getById(checklistId), form, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
			return "redirect:/console/checklists/" + checklistId;
		}
	}

	/**
	 * Sets the checklist as the standard a union's subtree uses; a refusal (the rule of
	 * add, not weaken, an unknown union) comes back to the checklist's page.
	 */
	@PostMapping("/console/checklists/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(required = false) String union, RedirectAttributes redirect) {
		long checklistId = ChecklistApiController.id(id);
		String code = union == null ? "" : union.strip();
		try {
			if (code.isEmpty()) {
				throw new InvalidInputException(Violation.of("union", "validation.required"));
			}
			checklists.assign(code, checklistId);
			redirect.addFlashAttribute("notice", "standard.assigned");
			return "redirect:/console/checklists?union=" + code;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		catch (ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text((Explanation.Explained) ex)));
		}
		return "redirect:/console/checklists/" + checklistId;
	}

	@GetMapping("/console/checklists/shortfalls")
	String shortfalls(@RequestParam(required = false) String union, Model model, HttpServletResponse response) {
		Actor actor = Actor.required();
		String code = union == null || union.isBlank() ? actor.organizationCode() : union.strip();
		model.addAttribute("union", code);
		try {
			model.addAttribute("shortfalls", judgements.listShortfalls(code));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("shortfalls", List.of());
			model.addAttribute("problems", messages.lines(ex.violations()));
		}
		return "standard/console/shortfalls";
	}

	private String page(Checklist checklist, ItemForm form, Map<String, List<String>> errors, Model model) {
		Actor actor = Actor.required();
		String ownerPath = organizations.findByCode(checklist.ownerCode())
			.map(Organization::path)
			.orElse(checklist.ownerCode());
		model.addAttribute("checklist", checklist);
		model.addAttribute("base", checklist.extendsId() == null ? null : checklists.getById(checklist.extendsId()));
		model.addAttribute("mayEdit", actor.holds(Role.ORG_ADMIN) && actor.sees(ownerPath));
		model.addAttribute("mayAssign", actor.holds(Role.ORG_ADMIN));
		model.addAttribute("actorUnion", actor.organizationCode());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("evidences", Evidence.values());
		model.addAttribute("amenities", Amenity.values());
		model.addAttribute("measures", StationMeasure.values());
		return "standard/console/checklist";
	}

	private static BigDecimal parseMinimum(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("minimum", "validation.type"));
		}
	}

}
