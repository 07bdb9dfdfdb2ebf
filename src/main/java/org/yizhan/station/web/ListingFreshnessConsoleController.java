package org.yizhan.station.web;

import java.time.Clock;
import java.util.List;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.Freshness;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The station page's freshness section (loaded with htmx): when the station was last
 * confirmed, whether workers' reports hold it as 待核实, and for its host, master or union
 * the one click that confirms it open with its hours.
 */
@Controller
class ListingFreshnessConsoleController {

	private final StationRegistry registry;

	private final ListingFreshness freshness;

	private final ConsoleMessages messages;

	private final Clock clock;

	ListingFreshnessConsoleController(StationRegistry registry, ListingFreshness freshness, ConsoleMessages messages,
			Clock clock) {
		this.registry = registry;
		this.freshness = freshness;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/console/stations/{id}/freshness")
	String section(@PathVariable String id, Model model) {
		Station station = registry.getById(id(id));
		Freshness found = freshness.find(station.id()).orElseThrow();
		model.addAttribute("station", station);
		model.addAttribute("freshness", found);
		model.addAttribute("unverified", found.isUnverified(clock.instant()));
		model.addAttribute("days", found.daysSinceConfirmed(clock.instant()));
		model.addAttribute("mayConfirm", freshness.mayConfirm(station));
		return "station/console/freshness-section :: section";
	}

	@PostMapping("/console/stations/{id}/confirm-listing")
	String confirm(@PathVariable String id, RedirectAttributes redirect) {
		StationId stationId = id(id);
		try {
			freshness.confirm(stationId);
			redirect.addFlashAttribute("notice", "station.confirmed");
		}
		catch (ConflictException ex) {
			// a station no longer listed: one line on its page (a refusal of the caller
			// is a 403 page, as for every console action)
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return "redirect:/console/stations/" + stationId;
	}

	private static StationId id(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

}
