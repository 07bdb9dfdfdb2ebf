package org.yizhan.dataio.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.dataio.ExportFormat;
import org.yizhan.dataio.StationExports;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The API's station list as a file, streamed: the filters of
 * {@code GET /api/v1/stations}, refused when unknown as that list refuses them.
 */
@ApiController("/api/v1")
@Tag(name = "Exports", description = "列表导出：按筛选条件流式导出 Excel（xlsx）或 CSV")
class StationExportApiController {

	private final StationExports exports;

	private final Clock clock;

	StationExportApiController(StationExports exports, Clock clock) {
		this.exports = exports;
		this.clock = clock;
	}

	@GetMapping("/exports/stations.{format}")
	@Operation(summary = "The stations the caller sees as a streamed xlsx or CSV file",
			description = "format xlsx or csv; the filters of GET /api/v1/stations (org, status, hostType, amenity, "
					+ "q). Columns are a ledger's (an exported file imports again unchanged) plus the status; "
					+ "coordinates in WGS-84. 400 naming a filter it does not know.")
	void api(@PathVariable String format,
			@Parameter(description = "union code") @RequestParam(required = false) String org,
			@RequestParam(required = false) List<String> status, @RequestParam(required = false) String hostType,
			@RequestParam(required = false) List<String> amenity, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		ExportFormat exportFormat = StationExportController.format(format);
		List<Violation> violations = new ArrayList<>();
		Set<StationStatus> statuses = RequestValues.enumValues(StationStatus.class, status, "status", violations);
		Set<Amenity> amenities = RequestValues.enumValues(Amenity.class, amenity, "amenity", violations);
		HostType type = hostType == null || hostType.isBlank() ? null
				: RequestValues.enumValue(HostType.class, hostType, "hostType", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		StationExportController.write(this.exports, this.clock, new StationQuery(org, statuses, type, amenities, q),
				exportFormat, response);
	}

}
