package org.yizhan.onboarding.web;

import java.util.List;

import org.yizhan.onboarding.Application;
import org.yizhan.onboarding.ApplicationPage;
import org.yizhan.onboarding.ApplicationQuery;
import org.yizhan.onboarding.ApplicationStatus;
import org.yizhan.onboarding.Applications;
import org.yizhan.onboarding.HoursReading;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.CrsPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.web.MapTiles;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewers' console: the applications of the caller's subtree (by status, district
 * and duplicate flag, newest first, 50 a page) and an application's page with everything
 * the host sent, its photos and why it was flagged. Decisions come with the review.
 */
@Controller
class ApplicationConsoleController {

	static final int PAGE_SIZE = 50;

	private final Applications applications;

	private final OrganizationTree organizations;

	private final HoursReading reading;

	private final MapTiles mapTiles;

	ApplicationConsoleController(Applications applications, OrganizationTree organizations, HoursReading reading,
			MapTiles mapTiles) {
		this.applications = applications;
		this.organizations = organizations;
		this.reading = reading;
		this.mapTiles = mapTiles;
	}

	@GetMapping("/console/applications")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String org,
			@RequestParam(required = false) String duplicate, @RequestParam(defaultValue = "0") int page, Model model) {
		ApplicationStatus wanted = parseStatus(status);
		Boolean flagged = switch ((duplicate != null) ? duplicate : "") {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			default -> null;
		};
		String orgCode = (org != null && !org.isBlank()) ? org.strip() : null;
		ApplicationPage result = this.applications.list(new ApplicationQuery(wanted, orgCode, flagged),
				Math.max(0, page), PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("status", (wanted != null) ? wanted.name() : "");
		model.addAttribute("orgCode", (orgCode != null) ? orgCode : "");
		model.addAttribute("duplicate", (flagged == null) ? "" : (flagged ? "yes" : "no"));
		model.addAttribute("organizations", UnionFilter.unionsBelow(this.organizations, Actor.required()));
		model.addAttribute("queryString",
				UriComponentsBuilder.newInstance()
					.queryParam("status", (wanted != null) ? wanted.name() : "")
					.queryParam("org", (orgCode != null) ? orgCode : "")
					.queryParam("duplicate", (flagged == null) ? "" : (flagged ? "yes" : "no"))
					.build()
					.encode()
					.getQuery());
		return "onboarding/console/applications";
	}

	@GetMapping("/console/applications/{id}")
	String show(@PathVariable long id, Model model) {
		Application application = this.applications.get(id);
		// Not "application": Thymeleaf reads that name as the servlet context.
		model.addAttribute("applicationDetails", application);
		model.addAttribute("hoursReading",
				this.reading.read(OpeningHours.parse(application.openingHours()), LocaleContextHolder.getLocale()));
		model.addAttribute("mapTiles", this.mapTiles);
		// The pin in the tiles' own system, as the station page's map draws it.
		model.addAttribute("mapPoint", CrsPoint.of(application.location(), this.mapTiles.crs()));
		model.addAttribute("photoPositions",
				java.util.stream.IntStream.rangeClosed(1, application.photoCount()).boxed().toList());
		return "onboarding/console/application";
	}

	@GetMapping("/console/applications/{id}/photos/{position}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable int position,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(this.applications.readPhoto(id, position, thumbnail));
	}

	private static ApplicationStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		for (ApplicationStatus candidate : ApplicationStatus.values()) {
			if (candidate.name().equalsIgnoreCase(status.strip())) {
				return candidate;
			}
		}
		return null;
	}

}
