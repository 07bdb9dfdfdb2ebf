package org.yizhan.onboarding.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.coverage.CoverageObjective;
import org.yizhan.geo.CrsPoint;
import org.yizhan.onboarding.ApplicationScoring;
import org.yizhan.onboarding.ApplicationSelection;
import org.yizhan.onboarding.ApplicationStatus;
import org.yizhan.onboarding.ScoreQuery;
import org.yizhan.onboarding.ScoredApplication;
import org.yizhan.onboarding.ScoredPage;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.MapTiles;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The selection console: the applications still to be decided with their stored scores
 * (sorted and filtered by any figure, 50 a page, on a map), scoring them afresh, "choose
 * N", and the score panel an application's page loads.
 */
@Controller
class SelectionConsoleController {

	static final int PAGE_SIZE = 50;

	private final ApplicationScoring scoring;

	private final ApplicationSelection selection;

	private final OrganizationTree organizations;

	private final ConsoleMessages messages;

	private final MapTiles mapTiles;

	private final JsonMapper json = JsonMapper.builder().build();

	SelectionConsoleController(ApplicationScoring scoring, ApplicationSelection selection,
			OrganizationTree organizations, ConsoleMessages messages, MapTiles mapTiles) {
		this.scoring = scoring;
		this.selection = selection;
		this.organizations = organizations;
		this.messages = messages;
		this.mapTiles = mapTiles;
	}

	@GetMapping("/console/applications/selection")
	String page(@RequestParam(required = false) String status, @RequestParam(required = false) String org,
			@RequestParam(required = false) String required, @RequestParam(required = false) String spacing,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer n, @RequestParam(required = false) String objective,
			@RequestParam(required = false) String night, Model model) {
		String orgCode = (org != null && !org.isBlank()) ? org.strip() : "";
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("sorts", ScoreQuery.Sort.values());
		model.addAttribute("status", (status != null) ? status : "");
		model.addAttribute("orgCode", orgCode);
		model.addAttribute("required", (required != null) ? required : "");
		model.addAttribute("spacing", (spacing != null) ? spacing : "");
		model.addAttribute("sort", (sort != null && !sort.isBlank()) ? sort : ScoreQuery.Sort.DAY_SINGLE.name());
		model.addAttribute("n", n);
		model.addAttribute("objective", (objective != null && !objective.isBlank()) ? objective : "SINGLE");
		model.addAttribute("night", "true".equals(night));
		model.addAttribute("organizations", UnionFilter.unionsBelow(this.organizations, Actor.required()));
		model.addAttribute("mapTiles", this.mapTiles);
		model.addAttribute("queryString",
				UriComponentsBuilder.newInstance()
					.queryParam("status", (status != null) ? status : "")
					.queryParam("org", orgCode)
					.queryParam("required", (required != null) ? required : "")
					.queryParam("spacing", (spacing != null) ? spacing : "")
					.queryParam("sort", (sort != null) ? sort : "")
					.build()
					.encode()
					.getQuery());
		List<Map<String, Object>> markers = new ArrayList<>();
		try {
			ScoredPage result = this.scoring.list(SelectionParameters.query(status, org, required, spacing, sort),
					Math.max(0, page), PAGE_SIZE);
			model.addAttribute("result", result);
			for (ScoredApplication a : result.content()) {
				markers.add(marker(a.id(), a.stationName(), a.location(), a.daySingle(), false));
			}
			if (n != null) {
				CoverageObjective wanted = SelectionParameters.objective(objective);
				ApplicationSelection.Selection chosen = this.selection.choose(org, n, wanted, "true".equals(night));
				model.addAttribute("selection", chosen);
				for (ApplicationSelection.Pick pick : chosen.picks()) {
					markers.add(marker(pick.applicationId(), pick.rank() + ". " + pick.stationName(), pick.location(),
							pick.gain(), true));
				}
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", this.messages.lines(ex.violations()));
		}
		if (!model.containsAttribute("result")) {
			model.addAttribute("result", new ScoredPage(List.of(), 0, PAGE_SIZE, 0));
		}
		model.addAttribute("markers", this.json.writeValueAsString(markers));
		return "onboarding/console/selection";
	}

	@PostMapping("/console/applications/selection/score")
	String score(@RequestParam(required = false) String org, RedirectAttributes redirect) {
		ApplicationScoring.ScoringRun run = this.scoring.scoreAll(org);
		redirect.addFlashAttribute("scored", this.messages.text("onboarding.selection.scored", run.scored(),
				run.millis(), String.join("、", run.districtsWithoutBoundary())));
		return "redirect:/console/applications/selection"
				+ ((org != null && !org.isBlank()) ? "?org=" + org.strip().replaceAll("[^0-9A-Za-z]", "") : "");
	}

	/** The score panel of an application's page, loaded after the page. */
	@GetMapping("/console/applications/{id}/score")
	String panel(@PathVariable long id, Model model) {
		model.addAttribute("score", this.scoring.explain(id));
		return "onboarding/console/score :: panel";
	}

	private Map<String, Object> marker(long id, String name, org.yizhan.geo.GeoPoint at, Double gain, boolean pick) {
		// in the tiles' own system, as every console map draws
		CrsPoint point = CrsPoint.of(at, this.mapTiles.crs());
		Map<String, Object> marker = new LinkedHashMap<>();
		marker.put("id", id);
		marker.put("name", name);
		marker.put("lat", point.lat());
		marker.put("lon", point.lon());
		marker.put("gain", gain);
		marker.put("pick", pick);
		return marker;
	}

}
