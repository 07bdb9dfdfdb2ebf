package org.yizhan.finder.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.finder.Place;
import org.yizhan.finder.PlaceSearch;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The finder's search box: a place by name (a district, a street or address, a station)
 * across every listed station, and where the map goes for it. Anonymous and rate-limited
 * like the nearby answers.
 */
@ApiController("/api/v1/places")
@Tag(name = "Finder", description = "附近驿站：最近的、正在开放的、有所需设施的驿站")
class PlaceApiController {

	/** Longer than any district, street or station name a worker types. */
	static final int MAX_TEXT = 40;

	private final PlaceSearch places;

	PlaceApiController(PlaceSearch places) {
		this.places = places;
	}

	/** One place as the finder draws it, its positions in the crs asked for. */
	record PlaceJson(String kind, String name, String district, LocationJson location, double[] bounds, int stations,
			Long stationId) {
	}

	record PlacesJson(List<PlaceJson> places) {
	}

	@GetMapping
	@Operation(summary = "Places by name: districts, streets or addresses, stations",
			description = "Districts first, then addresses that listed stations' addresses hold (one per district), then stations by name. Positions come from the listed stations; bounds are [south, west, north, east] in crs.")
	ResponseEntity<PlacesJson> find(
			@Parameter(description = "what was typed, 1–40 characters") @RequestParam(required = false) String q,
			@Parameter(description = "wgs84 (default), gcj02 or bd09") @RequestParam(required = false) String crs) {
		List<Violation> violations = new ArrayList<>();
		Crs system = RequestValues.crs(crs, "crs", violations);
		if (q == null || q.isBlank()) {
			violations.add(Violation.of("q", "validation.required"));
		}
		else if (q.strip().length() > MAX_TEXT) {
			violations.add(Violation.of("q", "validation.tooLong", MAX_TEXT));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		List<PlaceJson> found = places.find(q).stream().map(place -> json(place, system)).toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
			.body(new PlacesJson(found));
	}

	private static PlaceJson json(Place place, Crs system) {
		CrsPoint at = CrsPoint.of(place.location(), system);
		CrsPoint southWest = CrsPoint.of(place.southWest(), system);
		CrsPoint northEast = CrsPoint.of(place.northEast(), system);
		return new PlaceJson(place.kind().name(), place.name(), place.district(),
				new LocationJson(round(at.lat()), round(at.lon()), system.code()),
				new double[] { round(southWest.lat()), round(southWest.lon()), round(northEast.lat()),
						round(northEast.lon()) },
				place.stations(), place.stationId());
	}

	/** Six decimals, about 0.1 m: more is noise in every answer. */
	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

}
