package org.yizhan.finder.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.finder.IndexedStation;
import org.yizhan.finder.NearbyQuery;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationFinder;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The public finder over JSON: the nearest stations open now with what a worker needs,
 * and the stations of a map viewport. Anonymous, cacheable for a short while,
 * rate-limited per client.
 */
@ApiController("/api/v1/stations")
@Tag(name = "Finder", description = "附近驿站：最近的、正在开放的、有所需设施的驿站")
class NearbyApiController {

	static final int MAX_RADIUS_METERS = 50_000;

	static final int MAX_LIMIT = 100;

	private static final String CACHEABLE = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic().getHeaderValue();

	private final StationFinder finder;

	private final StationJsonWriter writer;

	private final Clock clock;

	NearbyApiController(StationFinder finder, StationJsonWriter writer, Clock clock) {
		this.finder = finder;
		this.writer = writer;
		this.clock = clock;
	}

	@GetMapping("/nearby")
	@Operation(summary = "The nearest listed stations, nearest first",
			description = "Coordinates in and out are in crs (wgs84, gcj02 or bd09). openNow filters on the opening hours at 'at' (default: now, Asia/Shanghai).")
	@ApiResponse(responseCode = "200", description = "The stations, nearest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = StationsJson.class)))
	@Parameters({ @Parameter(name = "lat", in = ParameterIn.QUERY, required = true, description = "latitude in crs"),
			@Parameter(name = "lon", in = ParameterIn.QUERY, required = true, description = "longitude in crs"),
			@Parameter(name = "crs", in = ParameterIn.QUERY, description = "wgs84 (default), gcj02 or bd09"),
			@Parameter(name = "radius", in = ParameterIn.QUERY, description = "metres, at most 50000",
					schema = @Schema(type = "number", defaultValue = "5000")),
			@Parameter(name = "limit", in = ParameterIn.QUERY, description = "at most 100",
					schema = @Schema(type = "integer", defaultValue = "10")),
			@Parameter(name = "openNow", in = ParameterIn.QUERY,
					schema = @Schema(type = "boolean", defaultValue = "false")),
			@Parameter(name = "amenities", in = ParameterIn.QUERY,
					description = "all of these, comma-separated, e.g. TOILET,MICROWAVE"),
			@Parameter(name = "hostType", in = ParameterIn.QUERY, description = "any of these, comma-separated"),
			@Parameter(name = "at", in = ParameterIn.QUERY,
					description = "ISO-8601 instant or local time in Asia/Shanghai, e.g. 2026-11-23T22:00") })
	void nearby(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Read straight from the request, not bound as nine @RequestParam arguments: the
		// converter lookup Spring does per bound argument (annotation equality through
		// proxies) cost more CPU than the whole search.
		String lat = request.getParameter("lat");
		String lon = request.getParameter("lon");
		String crs = request.getParameter("crs");
		String radius = orDefault(request.getParameter("radius"), "5000");
		String limit = orDefault(request.getParameter("limit"), "10");
		String openNow = orDefault(request.getParameter("openNow"), "false");
		List<String> amenities = values(request, "amenities");
		List<String> hostType = values(request, "hostType");
		String at = request.getParameter("at");
		List<Violation> violations = new ArrayList<>();
		Crs system = RequestValues.crs(crs, "crs", violations);
		Double latitude = ApiParameters.decimal(lat, "lat", -90, 90, violations);
		Double longitude = ApiParameters.decimal(lon, "lon", -180, 180, violations);
		Double radiusMeters = ApiParameters.decimal(radius, "radius", 1, MAX_RADIUS_METERS, violations);
		Double count = ApiParameters.decimal(limit, "limit", 1, MAX_LIMIT, violations);
		if (count != null && count != Math.floor(count)) {
			violations.add(Violation.of("limit", "validation.type"));
		}
		boolean onlyOpen = ApiParameters.bool(openNow, "openNow", violations);
		Set<Amenity> wanted = RequestValues.enumValues(Amenity.class, amenities, "amenities", violations);
		Set<HostType> hostTypes = RequestValues.enumValues(HostType.class, hostType, "hostType", violations);
		LocalDateTime when = ApiParameters.localTime(at, clock, violations);
		GeoPoint origin = null;
		if (latitude != null && longitude != null && violations.isEmpty()) {
			// A BD-09 point at the antimeridian converts past it: no place to search
			// from.
			origin = new CrsPoint(latitude, longitude, system).toWgs84IfInRange().orElse(null);
			if (origin == null) {
				violations.add(Violation.of("lon", "validation.outsideChina"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		List<NearbyStation> found = finder
			.nearby(new NearbyQuery(origin, radiusMeters, count.intValue(), wanted, hostTypes, onlyOpen ? when : null));
		// Written as bytes from cached parts (StationJsonWriter), the same JSON as
		// StationsJson, straight to the response with its length: the message converters'
		// content negotiation has nothing to choose here.
		// The hours in words follow the language (?lang=, which the finder always sends,
		// so
		// that the answers of the two languages are cached under their own addresses).
		Locale locale = RequestContextUtils.getLocale(request);
		StationJsonWriter.Answer answer = writer.nearby(found, system, when, locale);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHEABLE);
		response.setContentLength(answer.length());
		response.getOutputStream().write(answer.bytes(), 0, answer.length());
	}

	@GetMapping("/in-box")
	@Operation(summary = "The listed stations of a map viewport; clustered when there are many",
			description = "Corners in crs. Above 300 stations, nearby stations are grouped into clusters with a count, unless the box is street-sized (at most 0.25° across) at zoom 14 or more and holds at most 2,000 stations; clusters are never finer than 1/64 of the box.")
	ResponseEntity<Map<String, Object>> inBox(@RequestParam(required = false) String south,
			@RequestParam(required = false) String west, @RequestParam(required = false) String north,
			@RequestParam(required = false) String east, @RequestParam(required = false) String crs,
			@RequestParam(defaultValue = "14") String zoom, Locale locale) {
		List<Violation> violations = new ArrayList<>();
		Crs system = RequestValues.crs(crs, "crs", violations);
		Double s = ApiParameters.decimal(south, "south", -90, 90, violations);
		Double w = ApiParameters.decimal(west, "west", -180, 180, violations);
		Double n = ApiParameters.decimal(north, "north", -90, 90, violations);
		Double e = ApiParameters.decimal(east, "east", -180, 180, violations);
		Double z = ApiParameters.decimal(zoom, "zoom", 0, 22, violations);
		if (s != null && n != null && s > n) {
			violations.add(Violation.of("north", "validation.boxOrder"));
		}
		if (w != null && e != null && w > e) {
			violations.add(Violation.of("east", "validation.boxOrder"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		GeoPoint southWest = corner(s, w, system);
		GeoPoint northEast = corner(n, e, system);
		List<IndexedStation> inside = finder.inBox(southWest.lat(), southWest.lon(), northEast.lat(), northEast.lon());
		LocalDateTime now = LocalDateTime.now(clock);
		Map<String, Object> body = new LinkedHashMap<>();
		double span = Math.max(northEast.lat() - southWest.lat(), northEast.lon() - southWest.lon());
		if (!ViewportClusters.oneByOne(inside.size(), z, span)) {
			body.put("clusters", ViewportClusters.of(inside, z.intValue(), span, system));
			body.put("stations", List.of());
		}
		else {
			body.put("clusters", List.of());
			body.put("stations",
					inside.stream().map(station -> writer.station(station, null, system, now, locale)).toList());
		}
		body.put("total", inside.size());
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic()).body(body);
	}

	/**
	 * As {@code @RequestParam(defaultValue = ...)}: missing and empty are the default.
	 */
	private static String orDefault(String value, String fallback) {
		return value == null || value.isEmpty() ? fallback : value;
	}

	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? null : List.of(values);
	}

	/** Parsing of the finder's query parameters, each mistake named by its parameter. */
	static final class ApiParameters {

		/**
		 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} with the offset optional, that
		 * is what {@code OffsetDateTime.parse} or else {@code LocalDateTime.parse}
		 * accept.
		 */
		private static final DateTimeFormatter LOCAL_TIME_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
			.parseCaseInsensitive()
			.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
			.optionalStart()
			.parseLenient()
			.appendOffsetId()
			.parseStrict()
			.optionalEnd()
			.toFormatter(Locale.ROOT)
			.withResolverStyle(ResolverStyle.STRICT)
			.withChronology(IsoChronology.INSTANCE);

		private ApiParameters() {
		}

		static Double decimal(String value, String name, double min, double max, List<Violation> violations) {
			if (value == null || value.isBlank()) {
				violations.add(Violation.of(name, "validation.required"));
				return null;
			}
			try {
				double parsed = Double.parseDouble(value.strip());
				if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
					violations.add(Violation.of(name, "validation.range", format(min), format(max)));
					return null;
				}
				return parsed;
			}
			catch (NumberFormatException ex) {
				violations.add(Violation.of(name, "validation.type"));
				return null;
			}
		}

		private static String format(double value) {
			return value == Math.floor(value) ? Long.toString((long) value) : Double.toString(value);
		}

		static boolean bool(String value, String name, List<Violation> violations) {
			if ("true".equalsIgnoreCase(value) || "1".equals(value)) {
				return true;
			}
			if (value == null || value.isBlank() || "false".equalsIgnoreCase(value) || "0".equals(value)) {
				return false;
			}
			violations.add(Violation.of(name, "validation.type"));
			return false;
		}

		/**
		 * How far from today a time may be asked about: opening hours and holidays mean
		 * nothing centuries away, and year -999999999 overflowed in their evaluation (a
		 * 500).
		 */
		static final int MAX_YEARS_AWAY = 10;

		/**
		 * An instant with an offset is converted to Asia/Shanghai; a time without one is
		 * taken as Asia/Shanghai already; none is now. Within {@value #MAX_YEARS_AWAY}
		 * years of today.
		 */
		static LocalDateTime localTime(String value, Clock clock, List<Violation> violations) {
			if (value == null || value.isBlank()) {
				return LocalDateTime.now(clock.withZone(YizhanTime.ZONE));
			}
			// One parse with the offset optional, not OffsetDateTime.parse and then
			// LocalDateTime.parse on its failure: a time without an offset is the usual
			// form, and the exception thrown for it (its stack trace filled through the
			// whole servlet stack) cost more CPU than the search.
			TemporalAccessor parsed;
			try {
				parsed = LOCAL_TIME_OPTIONAL_OFFSET.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				violations.add(Violation.of("at", "validation.dateTime"));
				return LocalDateTime.now(clock.withZone(YizhanTime.ZONE));
			}
			LocalDateTime local = LocalDateTime.from(parsed);
			LocalDateTime now = LocalDateTime.now(clock.withZone(YizhanTime.ZONE));
			LocalDateTime earliest = now.minusYears(MAX_YEARS_AWAY);
			LocalDateTime latest = now.plusYears(MAX_YEARS_AWAY);
			if (local.isBefore(earliest) || local.isAfter(latest)) {
				violations.add(Violation.of("at", "validation.range", earliest.toLocalDate(), latest.toLocalDate()));
				return now;
			}
			if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
				return local;
			}
			return OffsetDateTime.of(local, ZoneOffset.from(parsed))
				.atZoneSameInstant(YizhanTime.ZONE)
				.toLocalDateTime();
		}

	}

	/**
	 * A viewport corner in WGS-84. A BD-09 corner at the edge of the world converts past
	 * it; the viewport then simply reaches that edge.
	 */
	private static GeoPoint corner(double lat, double lon, Crs system) {
		return new CrsPoint(lat, lon, system).toWgs84IfInRange()
			.orElseGet(() -> GeoPoint.of(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon))));
	}

}
