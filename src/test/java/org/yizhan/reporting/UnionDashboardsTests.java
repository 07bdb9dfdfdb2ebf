package org.yizhan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.operations.Visits;
import org.yizhan.rating.FiguresPeriod;
import org.yizhan.rating.RatingRows;
import org.yizhan.rating.SatisfactionFigures;
import org.yizhan.station.HostType;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A union's dashboard summarises its subtree's tables: each station figure equals a
 * recount of the station rows themselves over random subtrees (national, provinces,
 * cities, districts), its ratings and visits equal what the rating and operations modules
 * report for the same union and months, and each union sees only its own subtree.
 */
@SpringBootTest
class UnionDashboardsTests {

	/** 南京市玄武区: the ratings and visits below are made there. */
	static final String XUANWU = "320102";

	@Autowired
	UnionDashboards dashboards;

	@Autowired
	StationRegistry registry;

	@Autowired
	SatisfactionFigures satisfaction;

	@Autowired
	Visits visits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportingRollUp rollUp;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** A station row as the recount reads it, with its district's path. */
	record Row(String path, String status, String level, int stars, String hostType, boolean allDay, boolean smart) {
	}

	@Test
	void everyStationFigureEqualsARecountOfTheStationRowsOverRandomSubtrees() {
		ActingAsNationalAdmin.signIn();
		stationsInXuanwu();
		List<Row> rows = this.jdbc.sql("""
				select o.path, s.status, s.level, s.stars, s.host_type, s.opening_hours = '24/7' as all_day,
				       s.smart_entry_method is not null as smart
				from station s join organization o on o.code = s.district_code""")
			.query((rs, n) -> new Row(rs.getString("path"), rs.getString("status"), rs.getString("level"),
					rs.getInt("stars"), rs.getString("host_type"), rs.getBoolean("all_day"), rs.getBoolean("smart")))
			.list();
		// every union with a station below it, from the nation down to the districts
		Set<String> candidates = new LinkedHashSet<>();
		for (Row row : rows) {
			String[] codes = row.path().split("/");
			for (String code : codes) {
				candidates.add(code);
			}
		}
		List<String> unions = new ArrayList<>(candidates);
		Random random = new Random(18);
		List<String> chosen = new ArrayList<>(List.of("100000", "330100", XUANWU));
		for (int i = 0; i < 6; i++) {
			chosen.add(unions.get(random.nextInt(unions.size())));
		}
		for (String code : chosen) {
			Dashboard dashboard = this.dashboards.forUnion(code);
			String path = dashboard.union().path();
			List<Row> mine = rows.stream().filter(row -> within(row.path(), path)).toList();
			Dashboard.StationCounts counts = dashboard.stations();
			assertThat(counts.total()).as("total of %s", code).isEqualTo(mine.size());
			List<Row> listed = mine.stream().filter(row -> row.status().equals("LISTED")).toList();
			assertThat(counts.listed()).as("listed of %s", code).isEqualTo(listed.size());
			assertThat(counts.allDay()).isEqualTo(listed.stream().filter(Row::allDay).count());
			assertThat(counts.smart()).isEqualTo(listed.stream().filter(Row::smart).count());
			Map<StationStatus, Long> byStatus = new EnumMap<>(StationStatus.class);
			for (StationStatus status : StationStatus.values()) {
				byStatus.put(status, mine.stream().filter(row -> row.status().equals(status.name())).count());
			}
			assertThat(counts.byStatus()).as("by status of %s", code).isEqualTo(byStatus);
			Map<StationLevel, Long> byLevel = new EnumMap<>(StationLevel.class);
			for (StationLevel level : StationLevel.values()) {
				byLevel.put(level, listed.stream().filter(row -> row.level().equals(level.name())).count());
			}
			assertThat(counts.byLevel()).as("by level of %s", code).isEqualTo(byLevel);
			Map<Integer, Long> byStars = new TreeMap<>();
			for (int stars = 0; stars <= 5; stars++) {
				int s = stars;
				byStars.put(stars, listed.stream().filter(row -> row.stars() == s).count());
			}
			assertThat(counts.byStars()).as("by stars of %s", code).isEqualTo(byStars);
			Map<HostType, Long> byHost = new HashMap<>();
			for (Row row : listed) {
				byHost.merge(HostType.valueOf(row.hostType()), 1L, Long::sum);
			}
			assertThat(counts.byHostType()).as("by host type of %s", code).isEqualTo(byHost);
			assertThat(dashboard.months().get(dashboard.months().size() - 1).registeredTotal())
				.as("registered in all by this month's end of %s", code)
				.isEqualTo(mine.size());
			// the children's rows add up to the whole, and each is its own subtree's
			// recount
			for (Dashboard.ChildUnion child : dashboard.children()) {
				String childPath = path + "/" + child.code();
				assertThat(child.stations()).as("stations of child %s", child.code())
					.isEqualTo(mine.stream().filter(row -> within(row.path(), childPath)).count());
			}
			if (!dashboard.union().isDistrict()) {
				assertThat(dashboard.children().stream().mapToLong(Dashboard.ChildUnion::stations).sum())
					.as("children of %s", code)
					.isEqualTo(counts.total());
			}
		}
	}

	@Test
	void ratingsAndVisitsEqualWhatTheRatingAndOperationsModulesReportForTheSameMonths() {
		ActingAsNationalAdmin.signIn();
		// the months' roll-up holds the days before today; the past days written below
		// reach it through its triggers
		this.rollUp.fold();
		Station station = stationsInXuanwu();
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		RatingRows ratings = new RatingRows(this.jdbc);
		ratings.at(station.id()).on(today).stars(5).insert();
		ratings.at(station.id()).on(today.minusMonths(2)).stars(2).insert();
		ratings.at(station.id()).on(today).stars(1).held("STATION_BURST").insert();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally)
				values (:id, :day, :district, 3, 7), (:id, :before, :district, 4, null)""")
			.param("id", station.id().value())
			.param("day", today)
			.param("before", today.minusMonths(1))
			.param("district", XUANWU)
			.update();

		for (String code : List.of(XUANWU, "320100", "320000", "100000")) {
			Dashboard dashboard = this.dashboards.forUnion(code);
			LocalDate from = YearMonth.from(today).minusMonths(UnionDashboards.MONTHS - 1).atDay(1);
			SatisfactionFigures.Figures figures = this.satisfaction
				.forOrganization(code, new SatisfactionFigures.Range(FiguresPeriod.MONTH, from, today), null)
				.figures();
			Dashboard.Totals totals = dashboard.totals();
			assertThat(totals.ratings()).as("ratings of %s", code).isEqualTo(figures.total().count());
			assertThat(totals.satisfaction()).as("satisfaction of %s", code).isEqualTo(figures.total().satisfaction());
			assertThat(totals.visits()).as("visits of %s", code)
				.isEqualTo(this.visits.figuresForUnion(code, from, today).total().visits());
		}
		Dashboard xuanwu = this.dashboards.forUnion(XUANWU);
		Dashboard.Month thisMonth = xuanwu.months().get(UnionDashboards.MONTHS - 1);
		assertThat(thisMonth.visits()).as("the larger of check-ins and tally").isGreaterThanOrEqualTo(7);
		assertThat(thisMonth.ratings()).as("the held rating is not counted").isGreaterThanOrEqualTo(1);
	}

	/**
	 * The months' roll-up is exact: after a fold from scratch, and after past days are
	 * written, changed and deleted (its triggers), each district's month row equals a
	 * recount of the daily rows it holds, and the dashboard (roll-up plus the days after
	 * the watermark, read live) equals a recount of every day.
	 */
	@Test
	void theMonthsRollUpEqualsARecountOfTheDaysAfterAFoldAndAfterLateChanges() {
		ActingAsNationalAdmin.signIn();
		Station station = stationsInXuanwu();
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		RatingRows ratings = new RatingRows(this.jdbc);
		ratings.at(station.id()).on(today.minusMonths(3)).stars(4).insert();
		ratings.at(station.id()).on(today.minusDays(1)).stars(5).insert();
		ratings.at(station.id()).on(today).stars(2).insert();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally)
				values (:id, :a, :district, 5, null), (:id, :b, :district, 2, 6), (:id, :c, :district, 1, null)""")
			.param("id", station.id().value())
			.param("a", today.minusMonths(2))
			.param("b", today.minusDays(1))
			.param("c", today)
			.param("district", XUANWU)
			.update();
		// a fold from scratch, as on the first start after the migration
		this.jdbc.sql("""
				with emptied as (delete from reporting_district_month returning 1)
				update reporting_rollup_watermark set folded_through = null""").update();
		LocalDate through = this.rollUp.fold();
		assertThat(through).isBeforeOrEqualTo(today.minusDays(1));
		assertRollUpEqualsRecount("after a fold from scratch");
		assertDashboardEqualsRecount(today);

		// late changes of folded days: a tally entered, a visit day deleted, ratings of a
		// past month, and the rating roll-up's compaction (which deletes and inserts)
		this.jdbc.sql("update visit_day set tally = 40 where station_id = :id and day = :a")
			.param("id", station.id().value())
			.param("a", today.minusMonths(2))
			.update();
		this.jdbc.sql("delete from visit_day where station_id = :id and day = :b")
			.param("id", station.id().value())
			.param("b", today.minusDays(1))
			.update();
		ratings.at(station.id()).on(today.minusMonths(3)).stars(1).insert();
		ratings.at(station.id()).on(today.minusMonths(1)).stars(5).insert();
		this.jdbc.sql("select compact_rating_figures()").query().singleRow();
		assertRollUpEqualsRecount("after late changes");
		assertDashboardEqualsRecount(today);
		assertThat(this.rollUp.fold()).as("a second fold the same day changes nothing").isEqualTo(through);
		assertRollUpEqualsRecount("after a second fold");
	}

	private void assertRollUpEqualsRecount(String when) {
		String recount = """
				select district_code, month, sum(ratings) as ratings, sum(stars) as stars, sum(satisfied) as satisfied,
				       sum(visits) as visits from (
				  select district_code, date_trunc('month', rating_day)::date as month, counted as ratings, stars,
				         satisfied, 0 as visits
				  from rating_figures, reporting_rollup_watermark w where rating_day <= w.folded_through
				  union all
				  select district_code, date_trunc('month', day)::date, 0, 0, 0, visits
				  from visit_day, reporting_rollup_watermark w where day <= w.folded_through
				) days group by 1, 2
				having sum(ratings) <> 0 or sum(stars) <> 0 or sum(satisfied) <> 0 or sum(visits) <> 0""";
		String rolledUp = """
				select district_code, month, ratings, stars, satisfied, visits from reporting_district_month
				where ratings <> 0 or stars <> 0 or satisfied <> 0 or visits <> 0""";
		List<Map<String, Object>> expected = this.jdbc.sql(recount + " order by 1, 2").query().listOfRows();
		List<Map<String, Object>> actual = this.jdbc.sql(rolledUp + " order by 1, 2").query().listOfRows();
		assertThat(expected).as("days recounted %s", when).isNotEmpty();
		assertThat(actual.toString()).as("the months' roll-up %s", when).isEqualTo(expected.toString());
	}

	private void assertDashboardEqualsRecount(LocalDate today) {
		for (String code : List.of(XUANWU, "320000", "100000")) {
			Dashboard dashboard = this.dashboards.forUnion(code);
			for (Dashboard.Month month : dashboard.months()) {
				Map<String, Object> recount = this.jdbc
					.sql("""
							select (select coalesce(sum(f.counted), 0) from rating_figures f join organization o on o.code = f.district_code
							        where (o.path = :path or o.path like :path || '/%') and f.rating_day between :from and :to) as ratings,
							       (select coalesce(sum(f.satisfied), 0) from rating_figures f join organization o on o.code = f.district_code
							        where (o.path = :path or o.path like :path || '/%') and f.rating_day between :from and :to) as satisfied,
							       (select coalesce(sum(d.visits), 0) from visit_day d join organization o on o.code = d.district_code
							        where (o.path = :path or o.path like :path || '/%') and d.day between :from and :to) as visits""")
					.param("path", dashboard.union().path())
					.param("from", month.month().atDay(1))
					.param("to", month.month().atEndOfMonth().isAfter(today) ? today : month.month().atEndOfMonth())
					.query()
					.singleRow();
				assertThat(month.ratings()).as("ratings of %s in %s", code, month.month())
					.isEqualTo(((Number) recount.get("ratings")).longValue());
				assertThat(month.satisfied()).as("satisfied of %s in %s", code, month.month())
					.isEqualTo(((Number) recount.get("satisfied")).longValue());
				assertThat(month.visits()).as("visits of %s in %s", code, month.month())
					.isEqualTo(((Number) recount.get("visits")).longValue());
			}
		}
	}

	@Test
	void aDistrictSeesOnlyItsOwnSubtreeAndTheStationSideIsRefused() {
		act("330106", "100000/330000/330100/330106", Role.INSPECTOR);
		Dashboard xihu = this.dashboards.forUnion("330106");
		assertThat(xihu.union().code()).isEqualTo("330106");
		assertThat(xihu.children()).isEmpty();
		assertThatThrownBy(() -> this.dashboards.forUnion("330102")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.dashboards.forUnion("330100")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.dashboards.forUnion("100000")).isInstanceOf(NotFoundException.class);

		act("330106", "100000/330000/330100/330106", Role.STATION_MASTER);
		assertThatThrownBy(() -> this.dashboards.forUnion("330106")).isInstanceOf(ForbiddenException.class);
	}

	private Station stationsInXuanwu() {
		return TestStations.listed(this.registry, "玄武概览驿站" + UUID.randomUUID().toString().substring(0, 6),
				"南京市玄武区测试路 1 号", XUANWU, 32.0485, 118.7970);
	}

	private static boolean within(String path, String union) {
		return path.equals(union) || path.startsWith(union + "/");
	}

	private static void act(String code, String path, Role role) {
		Actor actor = new Actor(0, "dashboard-test", code, path, Set.of(role));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_" + role.name()));
	}

}
