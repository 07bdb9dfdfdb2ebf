package org.yizhan.operations.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.operations.UnionVisits;
import org.yizhan.operations.Visits;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Visits for staff: a station's days and hours, its tally, and a union's figures.
 */
@ApiController
@Tag(name = "Visits")
class VisitApiController {

	private final Visits visits;

	VisitApiController(Visits visits) {
		this.visits = visits;
	}

	record TallyRequest(Integer visits) {
	}

	@GetMapping("/api/v1/stations/{id}/visits")
	@Operation(summary = "A station's visits per day (check-ins, tally, merged) and one day's check-ins by hour",
			description = "from/to: ISO dates, at most 366 days (default the last 14); hoursOf: the day of the "
					+ "hours (default to). A day's visits are the larger of its check-ins and its tally.")
	VisitJson.Station station(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String hoursOf) {
		return VisitJson.Station
			.of(visits.listForStation(station(id), date("from", from), date("to", to), date("hoursOf", hoursOf)));
	}

	@PutMapping("/api/v1/stations/{id}/visits/{day}/tally")
	@Operation(summary = "Record the station's tally of a day: 0–5,000, today or up to 31 days back",
			description = "For the station's master, liaison and host and the union admins over it; replaces the "
					+ "day's earlier tally, audited with it.")
	VisitJson.Day tally(@PathVariable String id, @PathVariable String day,
			@RequestBody(required = false) TallyRequest request) {
		LocalDate date = date("day", day);
		if (date == null) {
			throw new InvalidInputException(Violation.of("day", "validation.required"));
		}
		return VisitJson.Day.of(visits.recordTally(station(id), date, request == null ? null : request.visits()));
	}

	@GetMapping("/api/v1/visits")
	@Operation(summary = "A union's visits: totals, per day, per union below, busiest stations",
			description = "union: its code (default the caller's); from/to: ISO dates, at most 366 days (default "
					+ "the last 30). For a union's own staff.")
	UnionVisits union(@RequestParam(required = false) String union, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return visits.figuresForUnion(union, date("from", from), date("to", to));
	}

	static StationId station(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

	/** An ISO date from a request, {@code null} when not given. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(Violation.of(field, "visit.date.invalid"));
		}
	}

}
