package org.yizhan.rating.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.rating.SatisfactionFigures;

import org.springframework.context.MessageSource;

/**
 * Satisfaction figures as the console shows them: numbers formatted for reading, the
 * table that is the charts' text equivalent, and the charts' data as JSON for
 * {@code figures.js}.
 */
record FiguresView(String period, String from, String to, Line total, String held, String rejected, Change change,
		List<Line> series, List<Line> categories, List<TagLine> tags, String trendChart, String tagChart,
		boolean empty) {

	static final String NONE = "—";

	/** A row of a table: its name, count, average stars, satisfaction and change. */
	record Line(String name, String from, String to, long count, String averageStars, String satisfaction, long held,
			Change change) {
	}

	record Change(String count, String averageStars, String satisfaction) {
	}

	record TagLine(String label, boolean positive, long count, String share) {
	}

	static FiguresView of(SatisfactionFigures.Figures figures, MessageSource messages, Locale locale, JsonMapper json) {
		List<Line> series = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<Double> stars = new ArrayList<>();
		List<Double> satisfaction = new ArrayList<>();
		for (SatisfactionFigures.Bucket bucket : figures.series()) {
			String name = figures.range().period().readableName(bucket.from(), locale);
			series.add(new Line(name, bucket.from().toString(), bucket.to().toString(), bucket.totals().count(),
					stars(bucket.totals().averageStars()), percent(bucket.totals().satisfaction()), bucket.held(),
					change(bucket.change())));
			names.add(name);
			counts.add(bucket.totals().count());
			stars.add(FiguresJson.round(bucket.totals().averageStars(), 100));
			Double share = bucket.totals().satisfaction();
			satisfaction.add((share == null) ? null : FiguresJson.round(share * 100, 10));
		}
		List<Line> categories = figures.categories()
			.stream()
			.filter(category -> category.totals().count() > 0)
			.map(category -> new Line(
					(category.category() == null) ? messages.getMessage("figures.category.unstated", null, locale)
							: category.category().label(locale),
					null, null, category.totals().count(), stars(category.totals().averageStars()),
					percent(category.totals().satisfaction()), 0, null))
			.toList();
		List<TagLine> tags = figures.tags()
			.stream()
			.map(tag -> new TagLine(tag.tag().label(locale), tag.tag().isPositive(), tag.count(), percent(tag.share())))
			.toList();
		Map<String, Object> trend = new LinkedHashMap<>();
		trend.put("periods", names);
		trend.put("count", counts);
		trend.put("stars", stars);
		trend.put("satisfaction", satisfaction);
		trend.put("labels",
				Map.of("count", messages.getMessage("figures.count", null, locale), "stars",
						messages.getMessage("figures.averageStars", null, locale), "satisfaction",
						messages.getMessage("figures.satisfaction", null, locale)));
		Map<String, Object> tagChart = new LinkedHashMap<>();
		tagChart.put("tags", tags.stream().map(TagLine::label).toList());
		tagChart.put("counts", tags.stream().map(TagLine::count).toList());
		tagChart.put("positive", tags.stream().map(TagLine::positive).toList());
		tagChart.put("label", messages.getMessage("figures.tags.count", null, locale));
		SatisfactionFigures.Totals total = figures.total();
		return new FiguresView(figures.range().period().label(locale), figures.range().from().toString(),
				figures.range().to().toString(),
				new Line(null, null, null, total.count(), stars(total.averageStars()), percent(total.satisfaction()),
						figures.held(), null),
				Long.toString(figures.held()), Long.toString(figures.rejected()), change(figures.change()), series,
				categories, tags, json.writeValueAsString(trend), json.writeValueAsString(tagChart),
				// nothing rated at all in the range: an explanation, not rows of zeros
				total.count() == 0 && figures.held() == 0 && figures.rejected() == 0);
	}

	static Line line(String name, SatisfactionFigures.Totals totals) {
		return new Line(name, null, null, totals.count(), stars(totals.averageStars()), percent(totals.satisfaction()),
				0, null);
	}

	static String stars(Double value) {
		return (value == null) ? NONE : String.format(Locale.ROOT, "%.2f", value);
	}

	static String percent(Double share) {
		return (share == null) ? NONE : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	static Change change(SatisfactionFigures.Change change) {
		return new Change(String.format(Locale.ROOT, "%+d", change.count()),
				(change.averageStars() == null) ? NONE : String.format(Locale.ROOT, "%+.2f", change.averageStars()),
				(change.satisfaction() == null) ? NONE
						: String.format(Locale.ROOT, "%+.1f", change.satisfaction() * 100));
	}

}
