package org.yizhan.operations.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.operations.CheckIn;
import org.yizhan.operations.Visits;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * A worker's check-in through the API (an app that scanned the station's code), without
 * an account: 201 when it counted, 200 with the earlier check-in when this phone already
 * checked in at the station within the period.
 */
@ApiController(OperationsWebConfiguration.CHECK_INS)
@Tag(name = "Visits")
class CheckInApiController {

	private final Visits visits;

	private final CheckInLimits limits;

	CheckInApiController(Visits visits, CheckInLimits limits) {
		this.visits = visits;
		this.limits = limits;
	}

	record CheckInRequest(String token, String deviceId) {
	}

	record CheckInJson(boolean counted, String stationCode, String stationName, Instant checkedInAt, Instant nextFrom) {

		static CheckInJson of(CheckIn checkIn) {
			return new CheckInJson(checkIn.counted(), checkIn.stationCode(), checkIn.stationName(),
					checkIn.checkedInAt(), checkIn.nextFrom());
		}

	}

	@PostMapping
	@Operation(summary = "Check in at a station by its QR code's token",
			description = "One visit per device id, station and 2 hours; a second check-in inside them is answered "
					+ "200 with counted=false and the first one's time. 409 at a station that is not listed; "
					+ "400 naming token or deviceId.")
	ResponseEntity<CheckInJson> checkIn(@RequestBody(required = false) CheckInRequest request,
			HttpServletRequest http) {
		limits.require(http.getRemoteAddr());
		CheckInRequest given = request == null ? new CheckInRequest(null, null) : request;
		CheckIn checkIn = visits.checkIn(given.token(), given.deviceId());
		return ResponseEntity.status(checkIn.counted() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(CheckInJson.of(checkIn));
	}

}
