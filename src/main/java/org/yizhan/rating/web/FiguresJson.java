package org.yizhan.rating.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.yizhan.rating.SatisfactionFigures;
import org.yizhan.rating.WorkerCategory;

/**
 * The satisfaction figures as the API writes them. Average stars are rounded to two
 * decimals and shares (satisfaction, a tag's share, a change of satisfaction) to four, so
 * {@code 0.9712} is 97.12 %.
 */
final class FiguresJson {

	private FiguresJson() {
	}

	record Totals(long count, Double averageStars, Double satisfaction) {

		static Totals of(SatisfactionFigures.Totals totals) {
			return new Totals(totals.count(), round(totals.averageStars(), 100), round(totals.satisfaction(), 10_000));
		}

	}

	record Change(long count, Double averageStars, Double satisfaction) {

		static Change of(SatisfactionFigures.Change change) {
			return new Change(change.count(), round(change.averageStars(), 100), round(change.satisfaction(), 10_000));
		}

	}

	record Bucket(String period, LocalDate from, LocalDate to, long count, Double averageStars, Double satisfaction,
			long held, Change change) {
	}

	record Category(String category, String label, long count, Double averageStars, Double satisfaction) {
	}

	record Tag(String tag, String label, boolean positive, long count, Double share) {
	}

	/**
	 * @param held ratings held for review in the range: not counted in any figure
	 * @param rejected ratings rejected after review: never counted
	 */
	record Figures(String period, LocalDate from, LocalDate to, Totals total, long held, long rejected, Change change,
			List<Bucket> series, List<Category> categories, List<Tag> tags) {

		static Figures of(SatisfactionFigures.Figures figures, Locale locale, String unstated) {
			List<Bucket> series = figures.series()
				.stream()
				.map(bucket -> new Bucket(bucket.name(), bucket.from(), bucket.to(), bucket.totals().count(),
						round(bucket.totals().averageStars(), 100), round(bucket.totals().satisfaction(), 10_000),
						bucket.held(), Change.of(bucket.change())))
				.toList();
			List<Category> categories = figures.categories()
				.stream()
				.map(category -> new Category(categoryCode(category.category()),
						(category.category() == null) ? unstated : category.category().label(locale),
						category.totals().count(), round(category.totals().averageStars(), 100),
						round(category.totals().satisfaction(), 10_000)))
				.toList();
			List<Tag> tags = figures.tags()
				.stream()
				.map(tag -> new Tag(tag.tag().name(), tag.tag().label(locale), tag.tag().isPositive(), tag.count(),
						round(tag.share(), 10_000)))
				.toList();
			return new Figures(figures.range().period().name().toLowerCase(Locale.ROOT), figures.range().from(),
					figures.range().to(), Totals.of(figures.total()), figures.held(), figures.rejected(),
					Change.of(figures.change()), series, categories, tags);
		}

	}

	record StationRef(long id, String code, String name) {
	}

	record StationFigures(StationRef station, Figures figures) {

		static StationFigures of(SatisfactionFigures.StationFigures figures, Locale locale, String unstated) {
			return new StationFigures(new StationRef(figures.id().value(), figures.code(), figures.name()),
					Figures.of(figures.figures(), locale, unstated));
		}

	}

	record OrganizationRef(String code, String name, String kind) {
	}

	record Child(String code, String name, long count, Double averageStars, Double satisfaction) {
	}

	record RankedStation(long id, String code, String name, long count, Double averageStars, Double satisfaction) {
	}

	record UnionFigures(OrganizationRef organization, Figures figures, List<Child> children,
			List<RankedStation> lowestStations, int minimumRatings) {

		static UnionFigures of(SatisfactionFigures.UnionFigures figures, Locale locale, String unstated) {
			return new UnionFigures(new OrganizationRef(figures.organization().code(), figures.organization()
				.name(), figures.organization().kind().name()), Figures.of(figures.figures(), locale, unstated), figures
					.children()
					.stream()
					.map(child -> new Child(child.code(), child.name(), child.totals().count(),
							round(child.totals().averageStars(), 100), round(child.totals().satisfaction(), 10_000)))
					.toList(),
					figures.lowestStations()
						.stream()
						.map(station -> new RankedStation(station.id().value(), station.code(), station.name(),
								station.totals().count(), round(station.totals().averageStars(), 100),
								round(station.totals().satisfaction(), 10_000)))
						.toList(),
					figures.minimumRatings());
		}

	}

	/** {@code UNSTATED} for ratings that name no worker category. */
	static String categoryCode(WorkerCategory category) {
		return (category == null) ? "UNSTATED" : category.name();
	}

	static Double round(Double value, int scale) {
		return (value == null) ? null : Math.round(value * scale) / (double) scale;
	}

}
