package org.yizhan.organization.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.access.Callers;
import org.yizhan.organization.administration.HistoryEntry;
import org.yizhan.organization.administration.OrganizationAdministration;
import org.yizhan.organization.administration.OrganizationDetails;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's union tree: browse from one's own union down, see an organisation's
 * history, and (as an admin) rename, add industry unions and streets, merge districts.
 */
@Controller
class OrganizationConsoleController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final OrganizationAdministration administration;

	private final ConsoleMessages messages;

	OrganizationConsoleController(OrganizationAdministration administration, ConsoleMessages messages) {
		this.administration = administration;
		this.messages = messages;
	}

	/** A history entry with its time in Shanghai. */
	record HistoryRow(HistoryEntry entry, String time) {
	}

	@GetMapping("/console/organizations")
	String home() {
		String own = Callers.current().map(actor -> actor.organizationCode()).orElse(OrganizationTree.NATIONAL_CODE);
		return "redirect:/console/organizations/" + own;
	}

	@GetMapping("/console/organizations/{code}")
	String show(@PathVariable String code, Model model) {
		OrganizationDetails details = administration.get(code);
		model.addAttribute("details", details);
		model.addAttribute("organization", details.organization());
		model.addAttribute("children", administration.listChildren(details.organization().code()));
		model.addAttribute("history",
				details.history()
					.stream()
					.map(entry -> new HistoryRow(entry,
							LocalDateTime.ofInstant(entry.occurredAt(), YizhanTime.ZONE).format(TIME)))
					.toList());
		return "organization/console/organization";
	}

	@PostMapping("/console/organizations/{code}/rename")
	String rename(@PathVariable String code, @RequestParam(required = false) String name, RedirectAttributes redirect) {
		return act(code, redirect, "organization.renamed", () -> administration.rename(code, name));
	}

	@PostMapping("/console/organizations/{code}/industry-unions")
	String addIndustryUnion(@PathVariable String code, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		return act(code, redirect, "organization.industryAdded", () -> administration.addIndustryUnion(code, name));
	}

	@PostMapping("/console/organizations/{code}/streets/load")
	String loadStreets(@PathVariable String code, RedirectAttributes redirect) {
		try {
			int added = administration.loadStreets(code);
			redirect.addFlashAttribute("noticeText", messages.text("organization.streetsLoaded", added));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problems", problems(ex));
		}
		return "redirect:/console/organizations/" + code;
	}

	@PostMapping("/console/organizations/{code}/streets")
	String addStreet(@PathVariable String code, @RequestParam(required = false) String streetCode,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return act(code, redirect, "organization.streetAdded", () -> administration.addStreet(code, streetCode, name));
	}

	@PostMapping("/console/organizations/{code}/merge")
	String merge(@PathVariable String code, @RequestParam(required = false) String target,
			RedirectAttributes redirect) {
		return act(code, redirect, "organization.mergedNotice", () -> administration.merge(code, target));
	}

	private String act(String code, RedirectAttributes redirect, String notice, Supplier<?> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problems", problems(ex));
		}
		return "redirect:/console/organizations/" + code;
	}

	private List<String> problems(RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return messages.lines(invalid.violations());
		}
		ConflictException conflict = (ConflictException) ex;
		return List.of(messages.text(conflict));
	}

}
