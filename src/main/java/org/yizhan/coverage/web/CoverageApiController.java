package org.yizhan.coverage.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageLayer;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.CoverageReport;
import org.yizhan.coverage.SiteSuggestion;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coverage of the 15-minute service circle over the API: figures per district, the grid
 * for maps, suggested sites, and the uploads they rest on (boundaries, demand points,
 * candidate sites). Coordinates in and out name their system ({@code crs}).
 */
@ApiController("/api/v1/coverage")
@Tag(name = "Coverage", description = "覆盖分析：15 分钟服务圈、缺口、选址建议")
class CoverageApiController {

	private final CoverageAnalysis analysis;

	private final Clock clock;

	CoverageApiController(CoverageAnalysis analysis, Clock clock) {
		this.analysis = analysis;
		this.clock = clock;
	}

	record Point(double lat, double lon) {

		static Point of(GeoPoint point, Crs crs) {
			CrsPoint converted = CrsPoint.of(point, crs);
			return new Point(Math.round(converted.lat() * 1e7) / 1e7, Math.round(converted.lon() * 1e7) / 1e7);
		}

	}

	record Gap(String org, int cells, double areaKm2, double demandShare, Point centroid) {
	}

	record Violation(String code, String name, Point location, Double nearestMeters, String nearestCode) {
	}

	record CoverageResponse(String org, String name, String mode, int minutes, double radiusMeters, double cellMeters,
			String at, String crs, boolean pointDemand, CoverageReport.District total,
			List<CoverageReport.District> districts, List<Gap> gaps, double spacingMeters, int spacingViolationCount,
			List<Violation> spacingViolations, long millis) {
	}

	@GetMapping
	@Operation(summary = "Coverage figures of an organisation's districts",
			description = "Shares of area and demand within reach of ≥ 1 and ≥ 2 listed stations per district and in total; with `at`, the same for the stations open then. Gaps: the largest connected groups of unreached cells. Spacing: listed stations whose nearest listed neighbour is farther than yizhan.coverage.spacing-meters.")
	CoverageResponse coverage(@RequestParam(required = false) String org, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String minutes, @RequestParam(required = false) String at,
			@RequestParam(required = false) String crs) {
		CoverageParameters parameters = view(org, mode, minutes, at, crs);
		CoverageQuery query = parameters.query();
		CoverageReport report = this.analysis.report(query);
		Crs out = parameters.crs();
		return new CoverageResponse(report.orgCode(), report.name(), report.mode().name().toLowerCase(),
				report.minutes(), round(report.radiusMeters()), report.cellMeters(),
				(report.at() == null) ? null : report.at().toString(), out.code(), report.pointDemand(), report.total(),
				report.districts(),
				report.gaps()
					.stream()
					.map(g -> new Gap(g.orgCode(), g.cells(), g.areaKm2(), g.demandShare(),
							Point.of(g.centroid(), out)))
					.toList(),
				report.spacingMeters(), report.spacingViolationCount(),
				report.spacingViolations()
					.stream()
					.map(v -> new Violation(v.code(), v.name(), Point.of(v.location(), out), v.nearestMeters(),
							v.nearestCode()))
					.toList(),
				report.millis());
	}

	record GridResponse(String org, String crs, double cellMeters, int width, int height, Point southWest,
			Point northEast, String legend, List<String> rows) {
	}

	@GetMapping("/grid")
	@Operation(summary = "The coverage grid, compact, for maps",
			description = "One string per row from north to south, one character per cell from west to east: '.' outside the areas, '0' not reached, '1' reached once, '2' twice or more. The corners are those of the raster in the requested crs; cells are squares of cellMeters in a local projection (a linear lat/lon grid).")
	GridResponse grid(@RequestParam(required = false) String org, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String minutes, @RequestParam(required = false) String at,
			@RequestParam(required = false) String crs) {
		CoverageParameters parameters = view(org, mode, minutes, at, crs);
		CoverageLayer layer = this.analysis.layer(parameters.query());
		List<String> rows = new java.util.ArrayList<>(layer.height());
		for (int row = layer.height() - 1; row >= 0; row--) {
			StringBuilder line = new StringBuilder(layer.width());
			for (int col = 0; col < layer.width(); col++) {
				int level = layer.levelAt(row, col);
				line.append((level < 0) ? '.' : (char) ('0' + level));
			}
			rows.add(line.toString());
		}
		return new GridResponse(parameters.query().orgCode(), parameters.crs().code(), layer.cellMeters(),
				layer.width(), layer.height(), Point.of(layer.southWest(), parameters.crs()),
				Point.of(layer.northEast(), parameters.crs()), ". outside, 0 not reached, 1 once, 2 twice or more",
				rows);
	}

	@GetMapping(value = "/grid.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "The coverage grid as a PNG, one pixel per cell, north up",
			description = "Red not reached, amber once, green twice or more, transparent outside; place it on a map between the corners given by /grid.")
	ResponseEntity<byte[]> gridImage(@RequestParam(required = false) String org,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String at) {
		CoverageParameters parameters = view(org, mode, minutes, at, null);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.body(CoverageImage.png(this.analysis.layer(parameters.query())));
	}

	/** The parameters of a question about the coverage as it stands (no suggestion). */
	private CoverageParameters view(String org, String mode, String minutes, String at, String crs) {
		return CoverageParameters.parse(org, mode, minutes, at, crs, null, null, null, this.analysis.defaultMinutes(),
				this.clock);
	}

	/**
	 * A suggested site: {@code area} is the district holding it, {@code nearestStation}
	 * the nearest listed station with its distance in metres (null without any).
	 */
	record Site(long id, String name, String hostType, Point location, double gain, String area, String areaName,
			NearestStation nearestStation) {
	}

	record NearestStation(String code, String name, long meters) {

		static NearestStation of(SiteSuggestion.Place place) {
			return (place.nearestStationCode() == null) ? null : new NearestStation(place.nearestStationCode(),
					place.nearestStationName(), Math.round(place.nearestStationMeters()));
		}

	}

	record SuggestionResponse(String objective, double radiusMeters, int candidates, double coveredBefore,
			double coveredAfter, List<Site> sites, long millis) {
	}

	record SuggestionRequest(String org, String mode, Integer minutes, String at, Integer p, String objective,
			String candidates, String crs) {
	}

	@PostMapping("/suggestions")
	@Operation(summary = "Suggest p new sites for an organisation's areas",
			description = "Maximal covering location over the area's grid cells (demand) and candidate sites inside it (candidates: poi or uploaded); existing listed stations count as already there (open ones, with at). Sites come in pick order with the share of demand each adds, each with its district and the nearest listed station; the list stops at the first site that would add less than 0.005% of the demand.")
	SuggestionResponse suggest(@RequestBody SuggestionRequest request) {
		CoverageParameters parameters = CoverageParameters.parse(request.org(), request.mode(),
				(request.minutes() == null) ? null : request.minutes().toString(), request.at(), request.crs(),
				request.p(), request.objective(), request.candidates(), this.analysis.defaultMinutes(), this.clock);
		SiteSuggestion suggestion = this.analysis.suggest(parameters.query(), parameters.p(), parameters.objective(),
				parameters.candidates());
		return new SuggestionResponse(suggestion.objective().name().toLowerCase(), round(suggestion.radiusMeters()),
				suggestion.candidates(), suggestion.coveredBefore(), suggestion.coveredAfter(),
				suggestion.sites()
					.stream()
					.map(s -> new Site(s.id(), s.name(), s.hostType(), Point.of(s.location(), parameters.crs()),
							s.gain(), s.place().areaCode(), s.place().areaName(), NearestStation.of(s.place())))
					.toList(),
				suggestion.millis());
	}

	@GetMapping(value = "/areas", produces = "application/geo+json")
	@Operation(summary = "The stored boundaries of an organisation's districts (GeoJSON, WGS-84)")
	String areas(@RequestParam(required = false) String org) {
		return this.analysis.areasAsGeoJson(
				CoverageParameters.parse(org, null, null, null, null, null, null, null, 15, this.clock).orgCode());
	}

	@PutMapping(value = "/areas", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Upload district boundaries (GeoJSON Polygon/MultiPolygon features, adcode per feature)",
			description = "crs: wgs84 | gcj02 (DataV files) | bd09. A feature without properties.adcode takes the org parameter. Replaces the boundaries of the districts named; all or nothing.")
	Map<String, Object> uploadAreas(@RequestBody String geoJson, @RequestParam(required = false) String crs,
			@RequestParam(required = false) String org) {
		CoverageParameters parameters = CoverageParameters.parseUpload(org, crs, false);
		return Map.of("areasKm2", this.analysis.replaceAreas(geoJson, parameters.crs(), parameters.orgCode()));
	}

	@PutMapping(value = "/demand-points", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Replace an organisation's demand points (CSV lat,lon,weight[,name])")
	Map<String, Object> uploadDemand(@RequestBody String csv, @RequestParam(required = false) String org,
			@RequestParam(required = false) String crs) {
		CoverageParameters parameters = CoverageParameters.parseUpload(org, crs, true);
		return Map.of("org", parameters.orgCode(), "points",
				this.analysis.replaceDemandPoints(parameters.orgCode(), csv, parameters.crs()));
	}

	@PutMapping(value = "/candidates", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Replace an organisation's uploaded candidate sites (CSV lat,lon[,name])")
	Map<String, Object> uploadCandidates(@RequestBody String csv, @RequestParam(required = false) String org,
			@RequestParam(required = false) String crs) {
		CoverageParameters parameters = CoverageParameters.parseUpload(org, crs, true);
		return Map.of("org", parameters.orgCode(), "sites",
				this.analysis.replaceCandidateSites(parameters.orgCode(), csv, parameters.crs()));
	}

	private static double round(double meters) {
		return Math.round(meters * 10) / 10.0;
	}

}
