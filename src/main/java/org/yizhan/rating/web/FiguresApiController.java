package org.yizhan.rating.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.platform.web.ApiController;
import org.yizhan.rating.FiguresPeriod;
import org.yizhan.rating.SatisfactionFigures;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Satisfaction figures over the API: a station's, or a union subtree's with its child
 * unions and its stations of lowest satisfaction. Only counted ratings count.
 */
@ApiController("/api/v1")
@Tag(name = "Satisfaction figures", description = "满意度统计：评价数、平均星级、满意率、标签与人群、趋势")
class FiguresApiController {

	private final SatisfactionFigures figures;

	private final MessageSource messages;

	FiguresApiController(SatisfactionFigures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/stations/{id}/figures")
	@Operation(summary = "A station's satisfaction figures",
			description = "Counted ratings only, in whole periods (day, ISO week from Monday, calendar month; Asia/Shanghai rating days) from the one holding `from` to the one holding `to`; by default the last 12 weeks, 30 days or 6 months. Each period carries its change from the one before; held and rejected ratings are given as counts only.")
	FiguresJson.StationFigures station(@PathVariable String id, //
			@Parameter(description = "day, week or month (default week)") @RequestParam(required = false) String period, //
			@Parameter(description = "ISO date, e.g. 2025-01-01") @RequestParam(required = false) String from, //
			@Parameter(description = "ISO date, inclusive") @RequestParam(required = false) String to) {
		StationId station = stationId(id);
		SatisfactionFigures.Range range = SatisfactionFigures.Range.parse(period, from, to, FiguresPeriod.WEEK,
				this.figures.today());
		return FiguresJson.StationFigures.of(this.figures.forStation(station, range), locale(), unstated());
	}

	@GetMapping("/organizations/{code}/figures")
	@Operation(summary = "A union subtree's satisfaction figures",
			description = "As for a station, over every station of the union's subtree, plus each child union's figures and the stations of lowest satisfaction among those with at least `minRatings` counted ratings in the range (default yizhan.rating.figures.lowest-minimum-ratings). Default period: month.")
	FiguresJson.UnionFigures organization(@PathVariable String code, //
			@Parameter(description = "day, week or month (default month)") @RequestParam(
					required = false) String period, //
			@RequestParam(required = false) String from, //
			@RequestParam(required = false) String to, //
			@Parameter(description = "fewest counted ratings for a station to be ranked") //
			@RequestParam(required = false) Integer minRatings) {
		SatisfactionFigures.Range range = SatisfactionFigures.Range.parse(period, from, to, FiguresPeriod.MONTH,
				this.figures.today());
		return FiguresJson.UnionFigures.of(this.figures.forOrganization(code, range, minRatings), locale(), unstated());
	}

	static StationId stationId(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

	private String unstated() {
		return this.messages.getMessage("figures.category.unstated", null, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
