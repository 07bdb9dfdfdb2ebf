package org.yizhan.operations.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.operations.DoorDevices;
import org.yizhan.operations.DoorDevices.EntryInput;
import org.yizhan.operations.DoorDevices.SignedRequest;
import org.yizhan.operations.DoorEntryReceipt;
import org.yizhan.operations.DoorRefusal;
import org.yizhan.operations.DoorSignature;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.StatusProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * What door devices post, without an account: each request signed with the device's
 * secret ({@link DoorSignature}). Refusals before anything is counted: 401 for an
 * unsigned request, an unknown device, a timestamp more than five minutes off or a bad
 * signature, 409 for a replayed nonce; each with a localised {@code detail}.
 */
@ApiController
@Tag(name = "Door devices")
class DoorDeviceApiController {

	private final DoorDevices doors;

	private final JsonMapper json;

	DoorDeviceApiController(DoorDevices doors, JsonMapper json) {
		this.doors = doors;
		this.json = json;
	}

	record EntryBody(String method, String card) {
	}

	record EntryJson(boolean counted, Instant enteredAt) {
	}

	@PostMapping(OperationsWebConfiguration.DOOR_ENTRIES)
	@Operation(summary = "A door entry through a smart station's device (signed)",
			description = "Body {\"method\":\"ID_CARD|QR|FACE\",\"card\":\"<ID number, ID_CARD only>\"}; headers "
					+ "X-Door-Device, X-Door-Timestamp (Unix seconds, ±5 min), X-Door-Nonce (16–64 of A-Za-z0-9_-), "
					+ "X-Door-Signature (hex HMAC-SHA256, see docs/api.md). 201 counted, 200 the same card already "
					+ "counted within 2 hours; the card's number is only ever kept as a keyed hash.")
	ResponseEntity<EntryJson> entry(@RequestBody(required = false) byte[] body, HttpServletRequest http) {
		EntryInput input;
		try {
			EntryBody parsed = (body == null || body.length == 0) ? null : json.readValue(body, EntryBody.class);
			input = (parsed == null) ? new EntryInput(null, null, false)
					: new EntryInput(parsed.method(), parsed.card(), true);
		}
		catch (JacksonException ex) {
			input = new EntryInput(null, null, false);
		}
		DoorEntryReceipt receipt;
		try {
			receipt = doors.recordEntry(signed(http, body), input);
		}
		catch (DoorRefusal refusal) {
			throw problem(refusal);
		}
		return ResponseEntity.status(receipt.counted() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new EntryJson(receipt.counted(), receipt.enteredAt()));
	}

	@PostMapping(OperationsWebConfiguration.DOOR_HEARTBEATS)
	@Operation(summary = "A door device's heartbeat (signed, any or no body)",
			description = "Sent at least once per the device's heartbeat interval; a device silent for longer is "
					+ "marked silent and its station master gets a case. 204.")
	ResponseEntity<Void> heartbeat(@RequestBody(required = false) byte[] body, HttpServletRequest http) {
		try {
			doors.heartbeat(signed(http, body));
		}
		catch (DoorRefusal refusal) {
			throw problem(refusal);
		}
		return ResponseEntity.noContent().build();
	}

	private static StatusProblemException problem(DoorRefusal refusal) {
		HttpStatus status = (refusal.reason() == DoorRefusal.Reason.REPLAYED) ? HttpStatus.CONFLICT
				: HttpStatus.UNAUTHORIZED;
		return new StatusProblemException(status,
				"door-" + refusal.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				refusal.explanation().code(), refusal.explanation().args());
	}

	private static SignedRequest signed(HttpServletRequest http, byte[] body) {
		return new SignedRequest(http.getHeader(DoorSignature.DEVICE_HEADER),
				http.getHeader(DoorSignature.TIMESTAMP_HEADER), http.getHeader(DoorSignature.NONCE_HEADER),
				http.getHeader(DoorSignature.SIGNATURE_HEADER), http.getMethod(), http.getRequestURI(),
				body == null ? new byte[0] : body);
	}

}
