package org.yizhan.operations.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.operations.Supplies;
import org.yizhan.operations.SupplyCategory;
import org.yizhan.operations.SupplyInput;
import org.yizhan.operations.SupplyMovement;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Supplies and medicine for staff: a station's items, adding one, recording a delivery,
 * use or stock-take, the list of what needs someone, and a union's consumption.
 */
@ApiController
@Tag(name = "Supplies")
class SupplyApiController {

	private final Supplies supplies;

	SupplyApiController(Supplies supplies) {
		this.supplies = supplies;
	}

	record ItemRequest(String category, String name, String unit, Integer quantity, Integer threshold,
			String expiresOn) {
	}

	record MovementRequest(String kind, Integer quantity, String expiresOn) {
	}

	@GetMapping("/api/v1/stations/{id}/supplies")
	@Operation(summary = "A station's supplies and medicine, with what each needs")
	List<SupplyJson.Item> list(@PathVariable String id) {
		LocalDate today = supplies.today();
		return supplies.listFor(VisitApiController.station(id))
			.stream()
			.map(item -> SupplyJson.Item.of(item, today))
			.toList();
	}

	@PostMapping("/api/v1/stations/{id}/supplies")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an item to a station's stock",
			description = "category: WATER, MEDICINE (expiresOn required), TOOL, SEASONAL, OTHER; quantity and "
					+ "threshold 0–100,000; expiresOn never in the past. 409 for a name the station already keeps.")
	SupplyJson.Item add(@PathVariable String id, @RequestBody(required = false) ItemRequest request) {
		ItemRequest given = request == null ? new ItemRequest(null, null, null, null, null, null) : request;
		return SupplyJson.Item.of(
				supplies.addItem(VisitApiController.station(id),
						new SupplyInput(given.category(), given.name(), given.unit(), given.quantity(),
								given.threshold(), VisitApiController.date("expiresOn", given.expiresOn()))),
				supplies.today());
	}

	@PostMapping("/api/v1/supplies/{itemId}/movements")
	@Operation(summary = "Record a delivery (RESTOCKED, may bring a new expiresOn), what was USED, or a stock-take "
			+ "(COUNTED)", description = "409 when more is used than there is.")
	SupplyJson.Item move(@PathVariable String itemId, @RequestBody(required = false) MovementRequest request) {
		MovementRequest given = request == null ? new MovementRequest(null, null, null) : request;
		return SupplyJson.Item.of(supplies.move(item(itemId), kind(given.kind()), given.quantity(),
				VisitApiController.date("expiresOn", given.expiresOn())), supplies.today());
	}

	@GetMapping("/api/v1/supplies/warnings")
	@Operation(summary = "What needs someone at the stations the caller sees in a union: expired or expiring within "
			+ "days (default 30, at most 365), out, or under the restock threshold")
	List<SupplyJson.Warning> warnings(@RequestParam(required = false) String union,
			@RequestParam(required = false) String days) {
		LocalDate today = supplies.today();
		return supplies.listWarnings(union, days(days))
			.stream()
			.map(warning -> SupplyJson.Warning.of(warning, today))
			.toList();
	}

	@GetMapping("/api/v1/supplies/used")
	@Operation(summary = "What a union's stations used, by category, over from–to (default the last 30 days)")
	Map<SupplyCategory, Long> used(@RequestParam(required = false) String union,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return supplies.sumUsed(union, VisitApiController.date("from", from), VisitApiController.date("to", to));
	}

	static long item(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("supply.notFound", value);
		}
	}

	static SupplyMovement kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return SupplyMovement.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(Violation.of("kind", "supply.kind.unknown", value));
		}
	}

	static Integer days(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("days", "supply.days.range", Supplies.MAX_WARNING_DAYS));
		}
	}

}
