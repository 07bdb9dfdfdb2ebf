package org.yizhan.operations.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.operations.DoorDevices;
import org.yizhan.operations.EntryCode;
import org.yizhan.operations.NewDoorDevice;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Door devices for staff (a station's devices, registering one with its secret shown
 * once, retiring one) and a worker's entry codes by the station's QR code.
 */
@ApiController
@Tag(name = "Door devices")
class DoorApiController {

	private final DoorDevices doors;

	private final CheckInLimits limits;

	DoorApiController(DoorDevices doors, CheckInLimits limits) {
		this.doors = doors;
		this.limits = limits;
	}

	record DeviceRequest(String name, Integer heartbeatSeconds) {
	}

	record CodeRequest(String token) {
	}

	@GetMapping("/api/v1/stations/{id}/door-devices")
	@Operation(summary = "A station's door devices in service (never their secrets)")
	List<DoorJson> list(@PathVariable String id) {
		return doors.listForStation(VisitApiController.station(id)).stream().map(DoorJson::of).toList();
	}

	@PostMapping("/api/v1/stations/{id}/door-devices")
	@Operation(summary = "Register a door device; its secret is answered this once",
			description = "name (1–60, unique at the station), heartbeatSeconds (30–86,400). For the station's master "
					+ "and the union admins over it. The secret is kept sealed and never shown again.")
	ResponseEntity<DoorJson.Registered> register(@PathVariable String id,
			@RequestBody(required = false) DeviceRequest request) {
		DeviceRequest given = request == null ? new DeviceRequest(null, null) : request;
		NewDoorDevice created = doors.register(VisitApiController.station(id), given.name(), given.heartbeatSeconds());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new DoorJson.Registered(DoorJson.of(created.device()), created.secret()));
	}

	@PostMapping("/api/v1/door-devices/{deviceId}/retire")
	@Operation(summary = "Take a door device out of service; its requests are refused from then on")
	DoorJson retire(@PathVariable String deviceId) {
		return DoorJson.of(doors.retire(device(deviceId)));
	}

	@PostMapping(OperationsWebConfiguration.ENTRY_CODES)
	@Operation(summary = "Entry codes for a worker's phone at a smart station, by its QR code's token",
			description = "One code per door device online at the station, good for 120 s, checked by the door "
					+ "without a network (format in docs/api.md). No account; limited per address.")
	List<EntryCode> entryCodes(@RequestBody(required = false) CodeRequest request, HttpServletRequest http) {
		limits.require(http.getRemoteAddr());
		return doors.issueEntryCodes(request == null ? null : request.token());
	}

	static long device(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("door.unknown", value);
		}
	}

}
