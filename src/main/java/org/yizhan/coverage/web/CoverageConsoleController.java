package org.yizhan.coverage.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageLayer;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.CoverageReport;
import org.yizhan.coverage.SiteSuggestion;
import org.yizhan.coverage.TravelMode;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.MapTiles;
import org.yizhan.station.HostType;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's coverage page: choose a city or district, travel mode, time budget and
 * hour; see the grid coloured by how often it is reached, the table per district, the
 * largest gaps, the spacing rule's exceptions, and ask for suggested sites.
 */
@Controller
class CoverageConsoleController {

	private final CoverageAnalysis analysis;

	private final MapTiles mapTiles;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	CoverageConsoleController(CoverageAnalysis analysis, MapTiles mapTiles, MessageSource messages, JsonMapper json,
			Clock clock) {
		this.analysis = analysis;
		this.mapTiles = mapTiles;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/** The form as submitted; blank values take the defaults. */
	record Form(String org, String mode, String minutes, String time, Integer p, String objective) {
	}

	@GetMapping("/console/coverage")
	String page(Form form, Model model) {
		List<CoverageAnalysis.AreaChoice> choices = this.analysis.listAreaChoices();
		String org = (form.org() == null || form.org().isBlank()) ? (choices.isEmpty() ? null : choices.get(0).code())
				: form.org();
		Form shown = new Form(org, (form.mode() == null) ? "EBIKE" : form.mode().toUpperCase(),
				(form.minutes() == null) ? Integer.toString(this.analysis.defaultMinutes()) : form.minutes(),
				(form.time() == null) ? "" : form.time(), (form.p() == null) ? 10 : form.p(),
				(form.objective() == null) ? "SINGLE" : form.objective().toUpperCase());
		model.addAttribute("form", shown);
		model.addAttribute("choices", choices);
		model.addAttribute("modes", TravelMode.values());
		model.addAttribute("objectives", CoverageObjective.values());
		model.addAttribute("mapTiles", this.mapTiles);
		if (org == null) {
			return "coverage/console/coverage";
		}
		try {
			CoverageParameters parameters = CoverageParameters.parse(org, shown.mode(), shown.minutes(), shown.time(),
					null, form.p(), shown.objective(), null, this.analysis.defaultMinutes(), this.clock);
			CoverageReport report = this.analysis.report(parameters.query());
			CoverageLayer layer = this.analysis.layer(parameters.query());
			model.addAttribute("report", report);
			model.addAttribute("bounds", bounds(layer));
			List<Map<String, Object>> gaps = new ArrayList<>();
			for (CoverageReport.Gap gap : report.gaps().subList(0, Math.min(10, report.gaps().size()))) {
				gaps.add(marker(gap.centroid(), null, gap.demandShare()));
			}
			model.addAttribute("gapMarkers", this.json.writeValueAsString(gaps));
			if (form.p() != null) {
				SiteSuggestion suggestion = this.analysis.suggest(parameters.query(), parameters.p(),
						parameters.objective(), parameters.candidates());
				List<Map<String, Object>> sites = new ArrayList<>();
				for (SiteSuggestion.Site site : suggestion.sites()) {
					sites.add(marker(site.location(), site.name(), site.gain()));
				}
				model.addAttribute("suggestion", suggestion);
				Map<String, String> hostTypes = new LinkedHashMap<>();
				for (HostType type : HostType.values()) {
					hostTypes.put(type.name(), type.label(LocaleContextHolder.getLocale()));
				}
				model.addAttribute("hostTypes", hostTypes);
				model.addAttribute("siteMarkers", this.json.writeValueAsString(sites));
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems",
					ex.violations()
						.stream()
						.map(v -> this.messages.getMessage("field." + v.field(), null, v.field(),
								LocaleContextHolder.getLocale())
								+ ": "
								+ this.messages.getMessage(v.code(), v.args().toArray(), v.code(),
										LocaleContextHolder.getLocale()))
						.toList());
		}
		return "coverage/console/coverage";
	}

	@GetMapping(value = "/console/coverage/grid.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> grid(Form form) {
		CoverageParameters parameters = CoverageParameters.parse(form.org(), form.mode(), form.minutes(), form.time(),
				null, null, null, null, this.analysis.defaultMinutes(), this.clock);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.body(CoverageImage.png(this.analysis.layer(parameters.query())));
	}

	/** The raster's corners in the tiles' coordinate system, south, west, north, east. */
	private String bounds(CoverageLayer layer) {
		CrsPoint sw = CrsPoint.of(layer.southWest(), this.mapTiles.crs());
		CrsPoint ne = CrsPoint.of(layer.northEast(), this.mapTiles.crs());
		return sw.lat() + "," + sw.lon() + "," + ne.lat() + "," + ne.lon();
	}

	private Map<String, Object> marker(GeoPoint point, String name, double share) {
		CrsPoint at = CrsPoint.of(point, this.mapTiles.crs());
		Map<String, Object> marker = new LinkedHashMap<>();
		marker.put("lat", at.lat());
		marker.put("lon", at.lon());
		if (name != null) {
			marker.put("name", name);
		}
		marker.put("share", share);
		return marker;
	}

}
