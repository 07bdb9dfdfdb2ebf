package org.yizhan.rating.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.rating.FiguresPeriod;
import org.yizhan.rating.SatisfactionFigures;
import org.yizhan.station.StationId;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's satisfaction figures: the section of a station's page (loaded by htmx,
 * with the trend and tag charts, their tables and, for the station's admins, the latest
 * comments) and a union's figures page with its child unions and its stations of lowest
 * satisfaction.
 */
@Controller
class FiguresConsoleController {

	/** How many comments the station's section lists. */
	static final int COMMENTS = 20;

	private final SatisfactionFigures figures;

	private final OrganizationTree organizations;

	private final MessageSource messages;

	private final JsonMapper json;

	FiguresConsoleController(SatisfactionFigures figures, OrganizationTree organizations, MessageSource messages,
			JsonMapper json) {
		this.figures = figures;
		this.organizations = organizations;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/console/stations/{id}/figures")
	String station(@PathVariable String id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		StationId station = FiguresApiController.stationId(id);
		model.addAttribute("stationId", station.value());
		model.addAttribute("demoHistory", this.figures.includeDemoHistory());
		SatisfactionFigures.Range range;
		try {
			range = SatisfactionFigures.Range.parse(period, from, to, FiguresPeriod.WEEK, this.figures.today());
		}
		catch (InvalidInputException ex) {
			// htmx leaves the section as it was on an error status: the refusal is shown
			// in it instead.
			model.addAttribute("problems", problems(ex));
			range = SatisfactionFigures.Range.parse(null, null, null, FiguresPeriod.WEEK, this.figures.today());
		}
		SatisfactionFigures.StationFigures result = this.figures.forStation(station, range);
		model.addAttribute("range", range);
		model.addAttribute("periods", FiguresPeriod.values());
		model.addAttribute("view", FiguresView.of(result.figures(), this.messages, locale(), this.json));
		boolean comments = this.figures.mayReadComments(station);
		model.addAttribute("mayReadComments", comments);
		model.addAttribute("comments", comments ? this.figures.listComments(station, COMMENTS) : List.of());
		return "rating/console/figures-station";
	}

	@GetMapping("/console/figures")
	String union(@RequestParam(required = false) String org, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer minRatings, HttpServletResponse response, Model model) {
		Actor actor = Actor.current().orElseThrow();
		String code = (org == null || org.isBlank()) ? actor.organizationCode() : org.strip();
		model.addAttribute("org", code);
		model.addAttribute("demoHistory", this.figures.includeDemoHistory());
		model.addAttribute("periods", FiguresPeriod.values());
		model.addAttribute("period", (period == null || period.isBlank()) ? "month" : period);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		SatisfactionFigures.Range range;
		try {
			range = SatisfactionFigures.Range.parse(period, from, to, FiguresPeriod.MONTH, this.figures.today());
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("problems", problems(ex));
			range = SatisfactionFigures.Range.parse(null, null, null, FiguresPeriod.MONTH, this.figures.today());
		}
		SatisfactionFigures.UnionFigures result;
		try {
			result = this.figures.forOrganization(code, range, minRatings);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("problems", problems(ex));
			result = this.figures.forOrganization(code, range, null);
		}
		Locale locale = locale();
		model.addAttribute("range", range);
		model.addAttribute("result", result);
		model.addAttribute("view", FiguresView.of(result.figures(), this.messages, locale, this.json));
		model.addAttribute("children",
				result.children()
					.stream()
					.map(child -> new Child(child.code(), FiguresView.line(child.name(), child.totals())))
					.toList());
		model.addAttribute("lowest",
				result.lowestStations()
					.stream()
					.map(station -> new Ranked(station.id().value(), station.code(),
							FiguresView.line(station.name(), station.totals())))
					.toList());
		model.addAttribute("ancestry",
				this.organizations.listAncestry(result.organization().code())
					.stream()
					.filter(ancestor -> actor.sees(ancestor.path()))
					.toList());
		return "rating/console/figures";
	}

	record Child(String code, FiguresView.Line line) {
	}

	record Ranked(long id, String code, FiguresView.Line line) {
	}

	private List<String> problems(InvalidInputException ex) {
		Locale locale = locale();
		return ex.violations()
			.stream()
			.map(violation -> this.messages.getMessage("field." + violation.field(), null, violation.field(), locale)
					+ "："
					+ this.messages.getMessage(violation.code(), violation.args().toArray(), violation.code(), locale))
			.toList();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
