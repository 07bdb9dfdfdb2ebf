package org.yizhan.partner.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.partner.PartnerProgramme;
import org.yizhan.partner.PartnerProgrammes;
import org.yizhan.partner.Partners;
import org.yizhan.partner.ProgrammeStation;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's partners page: the partners the account reaches, the programmes they take
 * part in with their brand, and each programme's stations with who runs them; a union
 * admin hands a station's running over to its union from here (the form posts to the
 * page's own address, ADR 0022).
 */
@Controller
class PartnerConsoleController {

	private final Partners partners;

	private final PartnerProgrammes programmes;

	private final ConsoleMessages messages;

	PartnerConsoleController(Partners partners, PartnerProgrammes programmes, ConsoleMessages messages) {
		this.partners = partners;
		this.programmes = programmes;
		this.messages = messages;
	}

	@GetMapping("/console/partners")
	String page(Model model) {
		model.addAttribute("partners", this.partners.list());
		Map<PartnerProgramme, List<ProgrammeStation>> stations = new LinkedHashMap<>();
		for (PartnerProgramme programme : this.programmes.list()) {
			stations.put(programme, this.programmes.stations(programme.id()));
		}
		model.addAttribute("programmes", stations);
		model.addAttribute("mayHandOver", Actor.required().holds(Role.ORG_ADMIN));
		return "partner/console/partners";
	}

	@PostMapping("/console/partners")
	String handOver(@RequestParam long programme, @RequestParam long station, RedirectAttributes redirect) {
		try {
			this.programmes.handOver(programme, station);
			redirect.addFlashAttribute("notice", "partner.handOver.done");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/partners";
	}

}
