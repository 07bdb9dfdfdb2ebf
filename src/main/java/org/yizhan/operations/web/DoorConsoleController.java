package org.yizhan.operations.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.DoorDevice;
import org.yizhan.operations.DoorDevices;
import org.yizhan.operations.DoorSignature;
import org.yizhan.operations.NewDoorDevice;
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
 * The console's door devices: every device at the stations the caller sees, silent ones
 * first, and a station's devices with the form that registers one. A registered device's
 * secret is shown on the answer to that form, once (ADR 0022: the form answers at its own
 * address), and never again.
 */
@Controller
class DoorConsoleController {

	private final DoorDevices doors;

	private final StationRegistry registry;

	private final ConsoleMessages messages;

	DoorConsoleController(DoorDevices doors, StationRegistry registry, ConsoleMessages messages) {
		this.doors = doors;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/console/doors")
	String overview(Model model) {
		model.addAttribute("devices", doors.listVisible());
		return "operations/console/doors";
	}

	@GetMapping("/console/stations/{id}/doors")
	String station(@PathVariable String id, Model model) {
		return page(VisitApiController.station(id), null, null, null, Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/doors")
	String register(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String heartbeatSeconds, Model model, HttpServletResponse response) {
		StationId station = VisitApiController.station(id);
		try {
			NewDoorDevice created = doors.register(station, name, number(heartbeatSeconds));
			return page(station, created, null, null, Map.of(), model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(station, null, name, heartbeatSeconds, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(station, null, name, heartbeatSeconds, Map.of("name", List.of(messages.text(ex))), model);
		}
	}

	@PostMapping("/console/doors/{deviceId}/retire")
	String retire(@PathVariable String deviceId, RedirectAttributes redirect) {
		DoorDevice retired = doors.retire(DoorApiController.device(deviceId));
		redirect.addFlashAttribute("notice", "door.retired");
		return "redirect:/console/stations/" + retired.stationId() + "/doors";
	}

	private String page(StationId stationId, NewDoorDevice created, String name, String heartbeat,
			Map<String, List<String>> errors, Model model) {
		Station station = registry.getById(stationId);
		model.addAttribute("station", station);
		model.addAttribute("devices", doors.listForStation(stationId));
		model.addAttribute("mayManage", doors.mayManage(Actor.required()));
		model.addAttribute("created", created);
		model.addAttribute("name", name);
		model.addAttribute("heartbeatSeconds", heartbeat == null ? "60" : heartbeat);
		model.addAttribute("errors", errors);
		model.addAttribute("headers", List.of(DoorSignature.DEVICE_HEADER, DoorSignature.TIMESTAMP_HEADER,
				DoorSignature.NONCE_HEADER, DoorSignature.SIGNATURE_HEADER));
		return "operations/console/station-doors";
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("heartbeatSeconds", "door.heartbeat.range",
					DoorDevices.MIN_HEARTBEAT_SECONDS, DoorDevices.MAX_HEARTBEAT_SECONDS));
		}
	}

}
