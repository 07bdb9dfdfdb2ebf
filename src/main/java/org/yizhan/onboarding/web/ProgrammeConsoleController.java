package org.yizhan.onboarding.web;

import java.util.List;

import org.yizhan.onboarding.Programmes;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programmes page: the list with each one's progress, and the form to set one. */
@Controller
class ProgrammeConsoleController {

	private final Programmes programmes;

	private final ConsoleMessages messages;

	ProgrammeConsoleController(Programmes programmes, ConsoleMessages messages) {
		this.programmes = programmes;
		this.messages = messages;
	}

	@GetMapping("/console/programmes")
	String list(Model model) {
		model.addAttribute("progresses",
				this.programmes.list().stream().map(p -> this.programmes.progress(p.id())).toList());
		model.addAttribute("mayCreate", Actor.required().holds(Role.ORG_ADMIN));
		model.addAttribute("ownUnion", Actor.required().organizationCode());
		return "onboarding/console/programmes";
	}

	@PostMapping("/console/programmes")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String union,
			@RequestParam(required = false) Integer targetCount, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, RedirectAttributes redirect) {
		try {
			this.programmes.create(new Programmes.ProgrammeInput(name, union, targetCount, startsOn, endsOn));
			redirect.addFlashAttribute("notice", "onboarding.programme.created");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		return "redirect:/console/programmes";
	}

	@GetMapping("/console/programmes/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("progresses", List.of(this.programmes.progress(id)));
		model.addAttribute("mayCreate", false);
		return "onboarding/console/programmes";
	}

}
