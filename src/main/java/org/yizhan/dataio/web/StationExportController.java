package org.yizhan.dataio.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.dataio.ExportFormat;
import org.yizhan.dataio.StationExports;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationStatus;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's station list as a file, streamed: the list's link carries its own query
 * string, read as the list reads it (one status; values it does not know are ignored), so
 * the file holds what the page showed, every page of it.
 */
@Controller
class StationExportController {

	private final StationExports exports;

	private final Clock clock;

	StationExportController(StationExports exports, Clock clock) {
		this.exports = exports;
		this.clock = clock;
	}

	@GetMapping("/console/exports/stations.{format}")
	void console(@PathVariable String format, @RequestParam(required = false) String org,
			@RequestParam(required = false) String status, @RequestParam(required = false) String hostType,
			@RequestParam(required = false) List<String> amenity, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		ExportFormat exportFormat = format(format);
		Set<StationStatus> statuses = new java.util.HashSet<>();
		StationStatus one = lenient(StationStatus.class, status);
		if (one != null) {
			statuses.add(one);
		}
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		if (amenity != null) {
			amenity.stream().map(value -> lenient(Amenity.class, value)).filter(a -> a != null).forEach(amenities::add);
		}
		write(this.exports, this.clock,
				new StationQuery(org, statuses, lenient(HostType.class, hostType), amenities, q), exportFormat,
				response);
	}

	static void write(StationExports exports, Clock clock, StationQuery query, ExportFormat format,
			HttpServletResponse response) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("stations-" + LocalDate.now(clock.withZone(YizhanTime.ZONE)) + "." + format.extension())
					.build()
					.toString());
		try (OutputStream out = response.getOutputStream()) {
			exports.write(query, format, locale, out);
		}
	}

	static ExportFormat format(String format) {
		for (ExportFormat known : ExportFormat.values()) {
			if (known.extension().equalsIgnoreCase(format)) {
				return known;
			}
		}
		throw new InvalidInputException(Violation.of("format", "validation.unknownValue", format, "xlsx, csv"));
	}

	private static <E extends Enum<E>> E lenient(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
