package org.yizhan.operations.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.geo.GeoPoint;
import org.yizhan.operations.Activities;
import org.yizhan.operations.Activity;
import org.yizhan.operations.ActivityInput;
import org.yizhan.operations.NearbyActivity;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Activities: a union's list and publishing for its admins, a station's attendance for
 * its staff, and the public list of what is coming up near a worker.
 */
@ApiController
@Tag(name = "Activities")
class ActivityApiController {

	private final Activities activities;

	ActivityApiController(Activities activities) {
		this.activities = activities;
	}

	record AttendanceRequest(Integer attendance) {
	}

	@GetMapping("/api/v1/activities")
	@Operation(summary = "A union's activities and those of the unions below, latest first (its staff)")
	List<Activity> list(@RequestParam(required = false) String union) {
		return activities.listForUnion(union);
	}

	@PostMapping("/api/v1/activities")
	@Operation(summary = "Publish an activity at one or many stations of the union's subtree (union admins)",
			description = "union (default the caller's), kind (COOLING, WARMTH, HEALTH_CHECK, LEGAL_ADVICE, "
					+ "UNION_JOINING), title (1–60), description (≤ 500), startsOn (today or later), endsOn (≤ 366 "
					+ "days on), stations (codes or ids, 1–500).")
	ResponseEntity<Activity> publish(@RequestBody(required = false) ActivityInput input) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(activities
				.publish(input == null ? new ActivityInput(null, null, null, null, null, null, null) : input));
	}

	@PutMapping("/api/v1/activities/{id}/stations/{stationId}/attendance")
	@Operation(summary = "Record how many workers took part at a station (0–5,000), from the first day on",
			description = "For the station's master, liaison and host and the union admins over it; replaces the "
					+ "earlier count, audited with it.")
	Activity.Place attendance(@PathVariable String id, @PathVariable String stationId,
			@RequestBody(required = false) AttendanceRequest request) {
		return activities.recordAttendance(activity(id), VisitApiController.station(stationId),
				request == null ? null : request.attendance());
	}

	@GetMapping(OperationsWebConfiguration.NEARBY_ACTIVITIES)
	@Operation(summary = "Activities coming up at listed stations near a worker (public)",
			description = "lat, lon: WGS-84 degrees; radius: metres, 100–20,000 (default 5,000). Soonest first, then "
					+ "nearest; at most 100.")
	List<NearbyActivity> nearby(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
			@RequestParam(required = false) String radius) {
		List<Violation> violations = new ArrayList<>();
		Double latitude = decimal(lat, "lat", -90, 90, true, violations);
		Double longitude = decimal(lon, "lon", -180, 180, true, violations);
		Double meters = decimal(radius, "radius", 100, Activities.MAX_RADIUS_METERS, false, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return activities.listNear(GeoPoint.of(latitude, longitude), meters == null ? 5000 : meters.intValue());
	}

	static long activity(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("activity.unknown", value);
		}
	}

	private static Double decimal(String value, String field, double min, double max, boolean required,
			List<Violation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		try {
			double number = Double.parseDouble(value.strip());
			if (Double.isNaN(number) || number < min || number > max) {
				violations.add(Violation.of(field, "activity.range", min, max));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "validation.type"));
			return null;
		}
	}

}
