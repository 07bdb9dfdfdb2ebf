package org.yizhan.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.VisibleStations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction figures from the counted ratings: how many, average stars, satisfaction
 * (the share of 4★ and 5★), tags and worker categories, for one station or a union's
 * subtree, per day, week or month, with the change from each period to the next. Held and
 * rejected ratings never count; they are only reported as numbers.
 *
 * <p>
 * Whoever sees a station sees its figures. A union's figures are for the union roles of
 * its subtree (a union outside the caller's subtree does not exist for it, 404). The
 * comments beside the ratings are for the station's admins only: the union admins whose
 * subtree holds it and its own station master, never for the public.
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionFigures {

	/** The most periods one answer covers: a year of days, or ten years of months. */
	public static final int MAX_PERIODS = 366;

	/** How many stations the lowest-satisfaction list names. */
	public static final int LOWEST_LIMIT = 10;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final Assignments assignments;

	private final FigureQueries queries;

	private final Clock clock;

	private final int lowestMinimum;

	private final DataImports imports;

	SatisfactionFigures(StationRegistry registry, OrganizationTree organizations, Assignments assignments,
			FigureQueries queries, Clock clock,
			@Value("${yizhan.rating.figures.lowest-minimum-ratings:5}") int lowestMinimum, DataImports imports) {
		this.imports = imports;
		this.registry = registry;
		this.organizations = organizations;
		this.assignments = assignments;
		this.queries = queries;
		this.clock = clock;
		this.lowestMinimum = lowestMinimum;
	}

	/**
	 * Whole periods from the one containing {@code from} to the one containing {@code to}
	 * (both rating days, inclusive).
	 *
	 * @param period the length of each period
	 * @param from the first day of the first period
	 * @param to the last day of the last period
	 */
	public record Range(FiguresPeriod period, LocalDate from, LocalDate to) {

		public Range {
			Objects.requireNonNull(period, "period");
			from = period.start(from);
			to = period.end(period.start(to));
		}

		/** How many periods the range covers. */
		public long count() {
			ChronoUnit unit = switch (this.period) {
				case DAY -> ChronoUnit.DAYS;
				case WEEK -> ChronoUnit.WEEKS;
				case MONTH -> ChronoUnit.MONTHS;
			};
			return unit.between(this.from, this.to.plusDays(1));
		}

		/** The first day of each period, in order. */
		public List<LocalDate> starts() {
			List<LocalDate> starts = new ArrayList<>();
			for (LocalDate start = this.from; !start.isAfter(this.to); start = this.period.next(start)) {
				starts.add(start);
			}
			return starts;
		}

		/**
		 * The range as a client asks for it: {@code period} day, week or month (default
		 * {@code defaultPeriod}); {@code from} and {@code to} ISO dates, by default the
		 * period's usual number of periods up to the current one, today being
		 * {@code today} (Asia/Shanghai).
		 * @throws InvalidInputException naming each wrong value
		 */
		public static Range parse(String period, String from, String to, FiguresPeriod defaultPeriod, LocalDate today) {
			List<Violation> violations = new ArrayList<>();
			FiguresPeriod unit = (period == null || period.isBlank()) ? defaultPeriod
					: RequestValues.enumValue(FiguresPeriod.class, period, "period", violations);
			LocalDate end = date(to, "to", violations);
			LocalDate start = date(from, "from", violations);
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
			end = (end != null) ? end : today;
			if (start == null) {
				start = unit.start(end);
				for (int i = 1; i < unit.defaultCount(); i++) {
					start = unit.previous(start);
				}
			}
			if (start.isAfter(end)) {
				throw new InvalidInputException(Violation.of("from", "figures.range.order"));
			}
			Range range = new Range(unit, start, end);
			if (range.count() > MAX_PERIODS) {
				throw new InvalidInputException(Violation.of("from", "figures.range.tooLong", MAX_PERIODS));
			}
			return range;
		}

		private static LocalDate date(String value, String field, List<Violation> violations) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				violations.add(Violation.of(field, "figures.range.date", value.strip()));
				return null;
			}
		}

	}

	/**
	 * Counted ratings, their average stars and the share of them with 4★ or more; the
	 * last two {@code null} without ratings.
	 */
	public record Totals(long count, Double averageStars, Double satisfaction) {

		static Totals of(long count, long stars, long satisfied) {
			return (count == 0) ? new Totals(0, null, null)
					: new Totals(count, (double) stars / count, (double) satisfied / count);
		}

		static Totals of(long[] sums, int column) {
			return of(sums[column], sums[column + 1], sums[column + 2]);
		}

		/** What changed from {@code before} to this. */
		Change since(Totals before) {
			return new Change(this.count - before.count, difference(this.averageStars, before.averageStars),
					difference(this.satisfaction, before.satisfaction));
		}

		private static Double difference(Double now, Double before) {
			return (now == null || before == null) ? null : now - before;
		}

	}

	/**
	 * The change from one period to the next: ratings more or fewer, average stars and
	 * satisfaction (a share, so 0.05 is five percentage points) up or down; {@code null}
	 * where either period has no ratings.
	 */
	public record Change(long count, Double averageStars, Double satisfaction) {
	}

	/** One period of the series and its change from the period before. */
	public record Bucket(String name, LocalDate from, LocalDate to, Totals totals, long held, Change change) {
	}

	/**
	 * The ratings of one worker category; {@code category} is {@code null} for none
	 * named.
	 */
	public record CategoryFigures(WorkerCategory category, Totals totals) {
	}

	/** How often a tag was ticked: count and share of the counted ratings. */
	public record TagFigures(RatingTag tag, long count, Double share) {
	}

	/**
	 * The figures of a range.
	 *
	 * @param range the whole periods covered
	 * @param total over the whole range
	 * @param held ratings held for review in the range, not counted
	 * @param rejected ratings rejected after review in the range, never counted
	 * @param series one bucket per period, oldest first
	 * @param change the last period against the one before it
	 * @param categories by worker category, the unnamed ones last
	 * @param tags every tag, in catalogue order
	 */
	public record Figures(Range range, Totals total, long held, long rejected, List<Bucket> series, Change change,
			List<CategoryFigures> categories, List<TagFigures> tags) {
	}

	public record StationFigures(StationId id, String code, String name, String districtCode, Figures figures) {
	}

	/** A union directly below, with its figures over the range. */
	public record ChildFigures(String code, String name, Totals totals) {
	}

	/** A station in a list of stations, with its figures over the range. */
	public record StationRank(StationId id, String code, String name, Totals totals) {
	}

	/**
	 * @param children the unions directly below that have districts, in code order (none
	 * for a district: its stations are below it directly)
	 * @param lowestStations the stations with the lowest satisfaction, among those with
	 * at least {@code minimumRatings} counted ratings in the range
	 */
	public record UnionFigures(Organization organization, Figures figures, List<ChildFigures> children,
			List<StationRank> lowestStations, int minimumRatings) {
	}

	/** What a worker wrote beside a counted rating, for the station's admins. */
	public record Comment(long ratingId, LocalDate day, Instant createdAt, int stars, List<RatingTag> tags,
			WorkerCategory category, String text) {
	}

	/**
	 * Whether the figures include the demo city's generated rating history
	 * ({@link DemoRatingHistory}): the pages then say that they show demo data.
	 */
	public boolean includeDemoHistory() {
		return this.imports.isLoaded(DemoRatingHistory.IMPORT_NAME);
	}

	/** Today in Asia/Shanghai, the day the default ranges end on. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
	}

	/**
	 * The figures of a station the caller sees.
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 */
	public StationFigures forStation(StationId id, Range range) {
		Station station = this.registry.getById(id);
		Figures figures = assemble(range, this.queries.stationSums(id.value(), range.period(),
				range.period().previous(range.from()), range.to()));
		return new StationFigures(station.id(), station.code().value(), station.details().name(),
				station.details().districtCode(), figures);
	}

	/**
	 * The figures of a union's subtree, with its child unions and its stations of lowest
	 * satisfaction.
	 * @param minimumRatings the fewest counted ratings a station needs to be ranked;
	 * {@code null} for the configured default
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 * @throws ForbiddenException for a caller who sees only some stations of it (station
	 * masters, liaisons, hosts)
	 */
	public UnionFigures forOrganization(String code, Range range, Integer minimumRatings) {
		Actor actor = actor();
		Organization organization = this.organizations.findByCode(code)
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("figures.organization.notFound", code));
		VisibleStations visible = this.registry.visibleStations();
		if (!visible.wholeSubtree()) {
			throw new ForbiddenException("figures.forbidden.union");
		}
		int minimum = (minimumRatings != null) ? minimumRatings : this.lowestMinimum;
		if (minimum < 1 || minimum > 10_000) {
			throw new InvalidInputException(Violation.of("minRatings", "validation.range", 1, 10_000));
		}
		Figures figures = assemble(range, this.queries.unionSums(organization.path(), range.period(),
				range.period().previous(range.from()), range.to()));
		List<ChildFigures> children = this.queries.childSums(organization.path(), range.from(), range.to())
			.stream()
			.map(child -> new ChildFigures(child.code(), child.name(), totals(child.sums())))
			.toList();
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		List<StationRank> lowest = this.queries
			.lowest(organization.path(), condition, params, range.from(), range.to(), minimum, LOWEST_LIMIT)
			.stream()
			.map(station -> new StationRank(StationId.of(station.id()), station.code(), station.name(),
					totals(station.sums())))
			.toList();
		return new UnionFigures(organization, figures, children, lowest, minimum);
	}

	/**
	 * Whether the caller may read the comments of a station it sees: a union admin (whose
	 * subtree holds it, as seeing it proves) or the station master bound to it.
	 */
	public boolean mayReadComments(StationId id) {
		Actor actor = actor();
		return actor.holds(Role.ORG_ADMIN)
				|| (actor.holds(Role.STATION_MASTER) && this.assignments.stationsOf(actor).contains(id.value()));
	}

	/**
	 * The latest comments of a station's counted ratings, newest first, for its admins.
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 * @throws ForbiddenException for anyone else who sees the station
	 */
	public List<Comment> listComments(StationId id, int limit) {
		this.registry.getById(id);
		if (!mayReadComments(id)) {
			throw new ForbiddenException("figures.forbidden.comments");
		}
		return this.queries.comments(id.value(), limit)
			.stream()
			.map(row -> new Comment(row.id(), row.day(), row.createdAt(), row.stars(), Catalogues.tags(row.tags()),
					Catalogues.category(row.category()), row.text()))
			.toList();
	}

	/**
	 * The series of the range from sums per period start; {@code sums} may hold the
	 * period before the range too, for the first period's change.
	 */
	static Figures assemble(Range range, Map<LocalDate, long[]> sums) {
		long[] empty = new long[FigureColumns.NAMES.size()];
		long[] whole = new long[empty.length];
		List<Bucket> series = new ArrayList<>();
		Totals before = Totals.of(sums.getOrDefault(range.period().previous(range.from()), empty),
				FigureColumns.COUNTED);
		for (LocalDate start : range.starts()) {
			long[] bucket = sums.getOrDefault(start, empty);
			for (int i = 0; i < whole.length; i++) {
				whole[i] += bucket[i];
			}
			Totals totals = Totals.of(bucket, FigureColumns.COUNTED);
			series.add(new Bucket(range.period().nameOf(start), start, range.period().end(start), totals,
					bucket[FigureColumns.HELD], totals.since(before)));
			before = totals;
		}
		List<CategoryFigures> categories = new ArrayList<>();
		for (WorkerCategory category : WorkerCategory.values()) {
			categories.add(new CategoryFigures(category, Totals.of(whole, FigureColumns.category(category))));
		}
		categories.add(new CategoryFigures(null, Totals.of(whole, FigureColumns.category(null))));
		long counted = whole[FigureColumns.COUNTED];
		List<TagFigures> tags = new ArrayList<>();
		for (RatingTag tag : RatingTag.values()) {
			long count = whole[FigureColumns.tag(tag)];
			tags.add(new TagFigures(tag, count, (counted == 0) ? null : (double) count / counted));
		}
		return new Figures(range, Totals.of(whole, FigureColumns.COUNTED), whole[FigureColumns.HELD],
				whole[FigureColumns.REJECTED], series, series.get(series.size() - 1).change(), categories, tags);
	}

	private static Totals totals(FigureQueries.Sums sums) {
		return Totals.of(sums.counted(), sums.stars(), sums.satisfied());
	}

	private static Actor actor() {
		return Actor.required();
	}

}
