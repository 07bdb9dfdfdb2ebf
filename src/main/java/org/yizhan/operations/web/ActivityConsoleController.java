package org.yizhan.operations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.Activities;
import org.yizhan.operations.ActivityInput;
import org.yizhan.operations.ActivityKind;
import org.yizhan.organization.Actor;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's activities: a union's admins publish one (the form answers at its own
 * address, ADR 0022) and read their union's; union staff read them; station masters,
 * liaisons and hosts see the activities at their stations with the form that records each
 * station's attendance.
 */
@Controller
class ActivityConsoleController {

	private final Activities activities;

	private final ConsoleMessages messages;

	ActivityConsoleController(Activities activities, ConsoleMessages messages) {
		this.activities = activities;
		this.messages = messages;
	}

	@GetMapping("/console/activities")
	String list(Model model) {
		return page(new ActivityInput(null, null, null, null, null, null, List.of()), "", Map.of(), model);
	}

	@PostMapping("/console/activities")
	String publish(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) String stations, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> codes = stations == null ? List.of()
				: Arrays.stream(stations.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).toList();
		ActivityInput input = new ActivityInput(null, kind, title, description, startsOn, endsOn, codes);
		try {
			activities.publish(input);
			redirect.addFlashAttribute("notice", "activity.published");
			return "redirect:/console/activities";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(input, stations, messages.byField(ex.violations()), model);
		}
	}

	@PostMapping("/console/activities/{id}/attendance")
	String attendance(@PathVariable String id, @RequestParam(required = false) String station,
			@RequestParam(required = false) String attendance, RedirectAttributes redirect) {
		try {
			activities.recordAttendance(ActivityApiController.activity(id), VisitApiController.station(station),
					number(attendance));
			redirect.addFlashAttribute("notice", "activity.attendance.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		return "redirect:/console/activities";
	}

	private String page(ActivityInput input, String stations, Map<String, List<String>> errors, Model model) {
		Actor actor = Actor.required();
		model.addAttribute("mayPublish", activities.mayPublish(actor));
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("input", input);
		model.addAttribute("stationCodes", stations);
		model.addAttribute("errors", errors);
		model.addAttribute("today", activities.today());
		model.addAttribute("activities",
				actor.isUnionStaff() ? activities.listForUnion(null) : activities.listAtOwnStations());
		model.addAttribute("mayCount", !actor.isUnionStaff() || activities.mayPublish(actor));
		return "operations/console/activities";
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(
					Violation.of("attendance", "activity.attendance.range", Activities.MAX_ATTENDANCE));
		}
	}

}
