package org.yizhan.rating;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.SatisfactionFigures.Bucket;
import org.yizhan.rating.SatisfactionFigures.Figures;
import org.yizhan.rating.SatisfactionFigures.Range;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Satisfaction figures against hand-computed expectations, at the edges of days, ISO
 * weeks and months in Asia/Shanghai, for a station (summed from its ratings) and for
 * unions (summed from the roll-up). The stations are in Beijing's 东城区 and 西城区, which no
 * other test rates, and the ratings in 2025, so the union figures are exactly these.
 */
@SpringBootTest
class SatisfactionFiguresTests {

	@Autowired
	SatisfactionFigures figures;

	@Autowired
	HeldRatings held;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	RatingRows ratings;

	@BeforeEach
	void signIn() {
		this.ratings = new RatingRows(this.jdbc);
		SignedIn.as(this.jdbc, "admin");
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void aRatingAt2359OnTheLastDayOfAMonthBelongsToThatMonthAndOneAMinuteAfterMidnightToTheNext() {
		Station station = station("110101");
		this.ratings.at(station.id())
			.at(shanghai("2025-01-31T23:59"))
			.stars(5)
			.tags(RatingTag.CLEAN)
			.category(WorkerCategory.RIDER)
			.insert();
		// 16:01 UTC on 31 January, already 1 February in Shanghai
		this.ratings.at(station.id()).at(shanghai("2025-02-01T00:01")).stars(2).tags(RatingTag.NOT_OPEN).insert();

		Figures result = this.figures
			.forStation(station.id(),
					new Range(FiguresPeriod.MONTH, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-28")))
			.figures();

		assertThat(result.series()).extracting(Bucket::name).containsExactly("2025-01", "2025-02");
		Bucket january = result.series().get(0);
		Bucket february = result.series().get(1);
		assertThat(january.totals().count()).isEqualTo(1);
		assertThat(january.totals().averageStars()).isEqualTo(5.0);
		assertThat(january.totals().satisfaction()).isEqualTo(1.0);
		assertThat(february.totals().count()).isEqualTo(1);
		assertThat(february.totals().averageStars()).isEqualTo(2.0);
		assertThat(february.totals().satisfaction()).isEqualTo(0.0);
		assertThat(february.change().count()).isZero();
		assertThat(february.change().averageStars()).isEqualTo(-3.0);
		assertThat(february.change().satisfaction()).isEqualTo(-1.0);
		assertThat(result.change()).isEqualTo(february.change());
		// before January there was nothing: no change can be told
		assertThat(january.change().count()).isEqualTo(1);
		assertThat(january.change().averageStars()).isNull();
		assertThat(result.total().count()).isEqualTo(2);
		assertThat(result.total().averageStars()).isEqualTo(3.5);
		assertThat(result.total().satisfaction()).isEqualTo(0.5);
	}

	@Test
	void isoWeekOneOf2025StartsOnMonday30December2024() {
		Station station = station("110101");
		this.ratings.at(station.id()).on(LocalDate.parse("2024-12-29")).stars(3).insert();
		this.ratings.at(station.id()).on(LocalDate.parse("2024-12-30")).stars(4).insert();
		this.ratings.at(station.id()).at(shanghai("2025-01-05T23:59")).stars(5).insert();
		this.ratings.at(station.id()).at(shanghai("2025-01-06T00:00")).stars(1).insert();

		// a range from a Wednesday to a Tuesday covers the whole weeks holding them
		Figures result = this.figures
			.forStation(station.id(),
					Range.parse("week", "2025-01-01", "2025-01-07", FiguresPeriod.MONTH, LocalDate.parse("2025-06-01")))
			.figures();

		assertThat(result.range().from()).isEqualTo("2024-12-30");
		assertThat(result.range().to()).isEqualTo("2025-01-12");
		assertThat(result.series()).extracting(Bucket::name).containsExactly("2025-W01", "2025-W02");
		assertThat(result.series()).extracting(bucket -> bucket.totals().count()).containsExactly(2L, 1L);
		assertThat(result.series().get(0).totals().averageStars()).isEqualTo(4.5);
		// the week before (2024-W52, one 3★ rating) is what W01 is compared with
		assertThat(result.series().get(0).change().averageStars()).isEqualTo(1.5);
		assertThat(result.series().get(0).change().satisfaction()).isEqualTo(1.0);
		assertThat(result.series().get(0).change().count()).isEqualTo(1);
		assertThat(result.total().count()).isEqualTo(3);
	}

	@Test
	void daysAreShanghaiDaysAndEveryDayOfTheRangeIsInTheSeriesEvenWithoutRatings() {
		Station station = station("110101");
		this.ratings.at(station.id()).at(shanghai("2025-03-10T07:59")).stars(4).insert();
		this.ratings.at(station.id()).at(shanghai("2025-03-12T00:00")).stars(5).insert();

		Figures result = this.figures
			.forStation(station.id(),
					new Range(FiguresPeriod.DAY, LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12")))
			.figures();

		assertThat(result.series()).extracting(Bucket::name).containsExactly("2025-03-10", "2025-03-11", "2025-03-12");
		assertThat(result.series()).extracting(bucket -> bucket.totals().count()).containsExactly(1L, 0L, 1L);
		assertThat(result.series().get(1).totals().averageStars()).isNull();
		assertThat(result.series().get(2).change().averageStars()).isNull();
	}

	@Test
	void heldAndRejectedRatingsAreOnlyCountedAsSuchNeverInAFigure() {
		Station station = station("110101");
		LocalDate day = LocalDate.parse("2025-04-14");
		this.ratings.at(station.id())
			.on(day)
			.stars(4)
			.tags(RatingTag.CLEAN, RatingTag.FRIENDLY)
			.category(WorkerCategory.COURIER)
			.insert();
		this.ratings.at(station.id())
			.on(day)
			.stars(1)
			.tags(RatingTag.UNHYGIENIC)
			.category(WorkerCategory.COURIER)
			.held("STATION_BURST")
			.insert();
		this.ratings.at(station.id()).on(day).stars(1).tags(RatingTag.UNHYGIENIC).rejected().insert();

		Figures result = this.figures.forStation(station.id(), new Range(FiguresPeriod.WEEK, day, day)).figures();

		assertThat(result.total().count()).isEqualTo(1);
		assertThat(result.total().averageStars()).isEqualTo(4.0);
		assertThat(result.held()).isEqualTo(1);
		assertThat(result.rejected()).isEqualTo(1);
		assertThat(result.series().get(0).held()).isEqualTo(1);
		assertThat(tag(result, RatingTag.UNHYGIENIC).count()).isZero();
		assertThat(tag(result, RatingTag.CLEAN).count()).isEqualTo(1);
		assertThat(tag(result, RatingTag.CLEAN).share()).isEqualTo(1.0);
		assertThat(category(result, WorkerCategory.COURIER).count()).isEqualTo(1);
	}

	@Test
	void releaseMakesAHeldRatingCountForTheStationAndItsUnionsAndRejectKeepsItOut() {
		Station station = station("110102");
		LocalDate day = LocalDate.parse("2025-05-06");
		Range week = new Range(FiguresPeriod.WEEK, day, day);
		long first = this.ratings.at(station.id()).on(day).stars(5).held("DEVICE_SPREAD").insert();
		long second = this.ratings.at(station.id()).on(day).stars(1).held("STAR_SPIKE").insert();
		assertThat(stationCount(station, week)).isZero();
		long unionBefore = unionCount("110000", week);

		this.held.review(first, HeldRatings.Verdict.RELEASE);
		this.held.review(second, HeldRatings.Verdict.REJECT);

		assertThat(stationCount(station, week)).isEqualTo(1);
		assertThat(unionCount("110102", week)).isEqualTo(stationCount(station, week));
		assertThat(unionCount("110000", week)).isEqualTo(unionBefore + 1);
		Figures after = this.figures.forStation(station.id(), week).figures();
		assertThat(after.total().averageStars()).isEqualTo(5.0);
		assertThat(after.held()).isZero();
		assertThat(after.rejected()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select status, reviewed_by is not null, reviewed_at is not null from rating where id = ?")
			.param(first)
			.query((rs, row) -> rs.getString(1) + rs.getBoolean(2) + rs.getBoolean(3))
			.single()).isEqualTo("COUNTEDtruetrue");
		assertThat(
				this.jdbc.sql("select count(*) from audit_entry where target_type = 'rating' and target_id in (?, ?)")
					.params(Long.toString(first), Long.toString(second))
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void aRatingIsReviewedOnceAndABatchWithAReviewedOneChangesNothing() {
		Station station = station("110102");
		LocalDate day = LocalDate.parse("2025-05-20");
		long reviewed = this.ratings.at(station.id()).on(day).held("FAR_AWAY").insert();
		long waiting = this.ratings.at(station.id()).on(day).held("FAR_AWAY").insert();
		this.held.review(reviewed, HeldRatings.Verdict.REJECT);

		assertThatThrownBy(() -> this.held.review(reviewed, HeldRatings.Verdict.RELEASE))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.held.review(List.of(waiting, reviewed), HeldRatings.Verdict.RELEASE))
			.isInstanceOf(ConflictException.class);

		assertThat(this.jdbc.sql("select status from rating where id = ?").param(waiting).query(String.class).single())
			.isEqualTo("HELD");
		assertThat(stationCount(station, new Range(FiguresPeriod.DAY, day, day))).isZero();
	}

	@Test
	void aUnionSeesItsChildUnionsAndItsLowestStationsOnlyAboveTheMinimumCount() {
		LocalDate day = LocalDate.parse("2025-06-03");
		Range june = new Range(FiguresPeriod.MONTH, day, day);
		Station good = station("110101");
		Station poor = station("110102");
		Station once = station("110102");
		for (int i = 0; i < 5; i++) {
			this.ratings.at(good.id()).on(day.plusDays(i)).stars(5).insert();
			this.ratings.at(poor.id()).on(day.plusDays(i)).stars(i < 2 ? 4 : 2).insert();
		}
		// a single 1★ rating must not top the list
		this.ratings.at(once.id()).on(day).stars(1).insert();

		SatisfactionFigures.UnionFigures beijing = this.figures.forOrganization("110000", june, 5);

		assertThat(beijing.figures().total().count()).isEqualTo(11);
		assertThat(beijing.figures().total().satisfaction()).isCloseTo(7 / 11.0, within(1e-9));
		SatisfactionFigures.ChildFigures dongcheng = child(beijing, "110101");
		SatisfactionFigures.ChildFigures xicheng = child(beijing, "110102");
		assertThat(dongcheng.totals().count()).isEqualTo(5);
		assertThat(dongcheng.totals().satisfaction()).isEqualTo(1.0);
		assertThat(xicheng.totals().count()).isEqualTo(6);
		assertThat(xicheng.totals().averageStars()).isCloseTo((4 + 4 + 2 + 2 + 2 + 1) / 6.0, within(1e-9));
		assertThat(child(beijing, "110105").totals().count()).isZero();
		assertThat(beijing.lowestStations()).extracting(SatisfactionFigures.StationRank::code)
			.containsExactly(poor.code().value(), good.code().value());
		assertThat(beijing.lowestStations().get(0).totals().satisfaction()).isEqualTo(0.4);
		assertThat(this.figures.forOrganization("110000", june, 1).lowestStations().get(0).code())
			.isEqualTo(once.code().value());
		assertThat(this.figures.forOrganization("110102", june, null).children()).isEmpty();
	}

	private long stationCount(Station station, Range range) {
		return this.figures.forStation(station.id(), range).figures().total().count();
	}

	private long unionCount(String code, Range range) {
		return this.figures.forOrganization(code, range, null).figures().total().count();
	}

	private static SatisfactionFigures.TagFigures tag(Figures figures, RatingTag tag) {
		return figures.tags().stream().filter(t -> t.tag() == tag).findFirst().orElseThrow();
	}

	private static SatisfactionFigures.Totals category(Figures figures, WorkerCategory category) {
		return figures.categories().stream().filter(c -> c.category() == category).findFirst().orElseThrow().totals();
	}

	private static SatisfactionFigures.ChildFigures child(SatisfactionFigures.UnionFigures union, String code) {
		return union.children().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	private static java.time.ZonedDateTime shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(YizhanTime.ZONE);
	}

	private Station station(String district) {
		return TestStations.listed(this.registry, "统计驿站" + UUID.randomUUID().toString().substring(0, 6), "测试地址",
				district, 39.92, 116.40);
	}

}
