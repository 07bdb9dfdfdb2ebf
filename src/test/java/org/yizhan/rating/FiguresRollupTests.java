package org.yizhan.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups behind a union's figures stay exactly the sum of the rating table whoever
 * writes it: single and multi-row inserts, reviews, hand-written updates and deletes,
 * stations moving to another district (even while they are being rated), and their
 * compaction. Compared with a plain recount of the rating table over every district and
 * day (V13) and every station and day (V16), not only this test's; the list of stations
 * of lowest satisfaction, summed from the station roll-up, is compared with the same list
 * ranked straight from the rating table.
 */
@SpringBootTest
class FiguresRollupTests {

	/**
	 * Every district and day of the roll-up that differs from a recount of the ratings.
	 */
	private static final String DRIFT = """
			with rollup as (
			    select district_code, rating_day, sum(counted) as counted, sum(stars) as stars,
			           sum(satisfied) as satisfied, sum(held) as held, sum(rejected) as rejected,
			           sum(rider) as rider, sum(unstated) as unstated, sum(tag_clean) as clean,
			           sum(tag_not_open) as not_open
			    from rating_figures group by district_code, rating_day),
			recount as (
			    select s.district_code, r.rating_day,
			           count(*) filter (where r.status = 'COUNTED') as counted,
			           coalesce(sum(r.stars) filter (where r.status = 'COUNTED'), 0) as stars,
			           count(*) filter (where r.status = 'COUNTED' and r.stars >= 4) as satisfied,
			           count(*) filter (where r.status = 'HELD') as held,
			           count(*) filter (where r.status = 'REJECTED') as rejected,
			           count(*) filter (where r.status = 'COUNTED' and r.category = 'RIDER') as rider,
			           count(*) filter (where r.status = 'COUNTED' and r.category is null) as unstated,
			           count(*) filter (where r.status = 'COUNTED' and 'CLEAN' = any (r.tags)) as clean,
			           count(*) filter (where r.status = 'COUNTED' and 'NOT_OPEN' = any (r.tags)) as not_open
			    from rating r join station s on s.id = r.station_id group by s.district_code, r.rating_day),
			nonzero as (select * from rollup where counted <> 0 or held <> 0 or rejected <> 0)
			select count(*) from ((select * from nonzero except select * from recount)
			                      union all (select * from recount except select * from nonzero)) drift""";

	/**
	 * Every station and day of the station roll-up (folded running totals, day by day,
	 * plus fresh deltas) that differs from a recount of its counted ratings, and every
	 * folded row that is not a month of 31 running totals.
	 */
	private static final String STATION_DRIFT = """
			with folded as (
			    select m.station_id, m.month + (d.day - 1) as rating_day,
			           m.counted_through[d.day] - coalesce(m.counted_through[d.day - 1], 0) as counted,
			           m.stars_through[d.day] - coalesce(m.stars_through[d.day - 1], 0) as stars,
			           m.satisfied_through[d.day] - coalesce(m.satisfied_through[d.day - 1], 0) as satisfied
			    from rating_station_month m cross join generate_series(1, 31) d (day)),
			rollup as (
			    select station_id, rating_day, sum(counted) as counted, sum(stars) as stars,
			           sum(satisfied) as satisfied
			    from (select * from folded
			          union all
			          select station_id, rating_day, counted, stars, satisfied from rating_station_delta) x
			    group by station_id, rating_day
			    having sum(counted) <> 0 or sum(stars) <> 0 or sum(satisfied) <> 0),
			recount as (
			    select station_id, rating_day, count(*) as counted, sum(stars) as stars,
			           count(*) filter (where stars >= 4) as satisfied
			    from rating where status = 'COUNTED' group by station_id, rating_day)
			select (select count(*) from ((select * from rollup except select * from recount)
			                              union all (select * from recount except select * from rollup)) drift)
			     + (select count(*) from rating_station_month
			        where month <> date_trunc('month', month)::date or cardinality(counted_through) <> 31
			           or cardinality(stars_through) <> 31 or cardinality(satisfied_through) <> 31)""";

	/**
	 * The stations of lowest satisfaction of a subtree over {@code [:from, :to]}, ranked
	 * straight from the rating table as before the station roll-up: what
	 * {@link FigureQueries#lowest} must answer.
	 */
	private static final String LOWEST_RECOUNT = """
			select s.id, s.code, s.name, count(*) as counted, sum(r.stars) as stars,
			       count(*) filter (where r.stars >= 4) as satisfied
			from rating r join station s on s.id = r.station_id
			where r.status = 'COUNTED' and r.rating_day between :from and :to
			  and s.district_code in (select code from organization where path = :path or path like :path || '/%')
			group by s.id, s.code, s.name
			having count(*) >= :minimum
			order by count(*) filter (where r.stars >= 4)::float8 / count(*), sum(r.stars)::float8 / count(*),
			         count(*) desc, s.code
			limit :limit""";

	@Autowired
	StationRegistry registry;

	@Autowired
	FigureQueries queries;

	@Autowired
	OrganizationTree organizations;

	@Autowired
	HeldRatings held;

	@Autowired
	FiguresCompaction compaction;

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
	void everyWriterOfTheRatingsKeepsTheRollupExact() {
		Station station = station("110105");
		LocalDate day = LocalDate.parse("2025-07-01");
		this.ratings.at(station.id()).on(day).stars(5).tags(RatingTag.CLEAN).category(WorkerCategory.RIDER).insert();
		long heldOne = this.ratings.at(station.id())
			.on(day)
			.stars(1)
			.tags(RatingTag.NOT_OPEN)
			.held("STATION_BURST")
			.insert();
		long heldTwo = this.ratings.at(station.id()).on(day.plusDays(1)).stars(4).held("STATION_BURST").insert();
		// one statement, many rows and days: the trigger sees them all at once
		this.jdbc.sql("""
				insert into rating (station_id, rating_day, created_at, stars, tags, category, device_hash, status)
				select :station, date '2025-07-01' + n % 5, now(), 1 + n % 5,
				       case when n % 2 = 0 then '{CLEAN}'::varchar[] else '{NOT_OPEN}'::varchar[] end,
				       case when n % 3 = 0 then 'RIDER' end, sha256(int4send(n) || :salt::bytea),
				       case when n % 7 = 0 then 'HELD' else 'COUNTED' end
				from generate_series(1, 40) n""")
			.param("station", station.id().value())
			.param("salt", UUID.randomUUID().toString().getBytes())
			.update();
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();

		this.held.review(heldOne, HeldRatings.Verdict.RELEASE);
		this.held.review(heldTwo, HeldRatings.Verdict.REJECT);
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();

		// writers the application does not have today: a correction, a deletion
		this.jdbc.sql("update rating set stars = 2, tags = '{NOT_OPEN}' where station_id = ? and stars = 5")
			.param(station.id().value())
			.update();
		this.jdbc.sql("delete from rating where station_id = ? and stars = 3").param(station.id().value()).update();
		this.jdbc.sql("update rating set reviewed_at = now() where station_id = ?")
			.param(station.id().value())
			.update();
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();

		long before = rows();
		this.compaction.compact();
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();
		assertThat(rows()).isLessThan(before);
		assertThat(this.jdbc.sql("""
				select count(*) from (select district_code, rating_day from rating_figures
				group by district_code, rating_day having count(*) > 1) keys""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from rating_station_delta").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from (select station_id, month from rating_station_month
				group by station_id, month having count(*) > 1) keys""").query(Long.class).single()).isZero();
		assertThat(this.compaction.compact()).isZero();
	}

	@Test
	void theStationsOfLowestSatisfactionFromTheRollupAreThoseRankedFromTheRatings() {
		Station good = station("110105");
		Station poor = station("110105");
		Station moving = station("110105");
		// three months, so that ranges take whole months, parts of months and both
		for (int i = 0; i < 80; i++) {
			LocalDate day = LocalDate.parse("2025-10-20").plusDays(i);
			this.ratings.at(good.id()).on(day).stars(4 + i % 2).insert();
			this.ratings.at(poor.id()).on(day).stars(1 + i % 4).insert();
			if (i % 3 == 0) {
				this.ratings.at(moving.id()).on(day).stars(1 + i % 5).insert();
			}
		}
		assertLowestAsRecounted();
		// partly folded, partly fresh: the folded months and the new deltas add up
		this.compaction.compact();
		for (int i = 0; i < 30; i++) {
			this.ratings.at(poor.id()).on(LocalDate.parse("2025-11-01").plusDays(i)).stars(5).insert();
		}
		long heldOne = this.ratings.at(good.id())
			.on(LocalDate.parse("2025-11-15"))
			.stars(1)
			.held("STAR_SPIKE")
			.insert();
		this.held.review(heldOne, HeldRatings.Verdict.RELEASE);
		this.jdbc.sql("delete from rating where station_id = ? and rating_day = '2025-12-24'")
			.param(good.id().value())
			.update();
		assertLowestAsRecounted();
		assertThat(stationDrift()).isZero();

		// a station that moves leaves its old district's list and joins its new one's
		this.jdbc.sql("update station set district_code = '110106' where id = ?").param(moving.id().value()).update();
		assertLowestAsRecounted();
		assertThat(lowestIds("110105", "2025-10-01", "2025-12-31")).doesNotContain(moving.id().value())
			.contains(good.id().value(), poor.id().value());
		assertThat(lowestIds("110106", "2025-10-01", "2025-12-31")).contains(moving.id().value());
		this.compaction.compact();
		assertLowestAsRecounted();
		assertThat(stationDrift()).isZero();
	}

	/**
	 * The list from the roll-up equals the recount for unions of three levels over ranges
	 * within a month, across month ends and of whole months, with a minimum that leaves
	 * some stations out.
	 */
	private void assertLowestAsRecounted() {
		String[][] ranges = { { "2025-11-01", "2025-11-30" }, { "2025-11-07", "2025-11-07" },
				{ "2025-10-25", "2025-12-03" }, { "2025-11-30", "2025-12-01" }, { "2025-10-01", "2025-12-31" },
				{ "2025-12-02", "2026-01-31" } };
		Map<String, Object> params = new HashMap<>();
		String visible = this.registry.visibleStations().condition(params);
		for (String code : List.of("110105", "110106", "110000")) {
			String path = this.organizations.findByCode(code).orElseThrow().path();
			for (String[] range : ranges) {
				for (int minimum : new int[] { 1, 12 }) {
					LocalDate from = LocalDate.parse(range[0]);
					LocalDate to = LocalDate.parse(range[1]);
					List<FigureQueries.StationSums> recount = this.jdbc.sql(LOWEST_RECOUNT)
						.param("path", path)
						.param("from", from)
						.param("to", to)
						.param("minimum", minimum)
						.param("limit", 1000)
						.query((rs, row) -> new FigureQueries.StationSums(rs.getLong("id"), rs.getString("code"),
								rs.getString("name"),
								new FigureQueries.Sums(rs.getLong("counted"), rs.getLong("stars"),
										rs.getLong("satisfied"))))
						.list();
					assertThat(this.queries.lowest(path, visible, params, from, to, minimum, 1000))
						.as("%s from %s to %s, at least %d", code, from, to, minimum)
						.isEqualTo(recount);
				}
			}
		}
	}

	private List<Long> lowestIds(String code, String from, String to) {
		Map<String, Object> params = new HashMap<>();
		String visible = this.registry.visibleStations().condition(params);
		return this.queries
			.lowest(this.organizations.findByCode(code).orElseThrow().path(), visible, params, LocalDate.parse(from),
					LocalDate.parse(to), 1, 1000)
			.stream()
			.map(FigureQueries.StationSums::id)
			.toList();
	}

	@Test
	void aStationMovingToAnotherDistrictTakesItsFiguresWithItEvenWhileBeingRated() throws Exception {
		Station station = station("110105");
		long id = station.id().value();
		for (int i = 0; i < 10; i++) {
			this.ratings.at(station.id()).on(LocalDate.parse("2025-08-01").plusDays(i)).stars(1 + i % 5).insert();
		}
		this.jdbc.sql("update station set district_code = '110106' where id = ?").param(id).update();
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();
		assertThat(this.jdbc
			.sql("select coalesce(sum(counted), 0) from rating_figures where district_code = '110106'"
					+ " and rating_day between '2025-08-01' and '2025-08-10'")
			.query(Long.class)
			.single()).isEqualTo(10);

		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<CompletableFuture<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 2; writer++) {
				int offset = writer;
				work.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < 60; i++) {
						this.ratings.at(id)
							.on(LocalDate.parse("2025-09-01").plusDays((i + offset) % 20))
							.stars(4)
							.insert();
					}
				}, pool));
			}
			work.add(CompletableFuture.runAsync(() -> {
				for (int i = 0; i < 20; i++) {
					this.jdbc.sql("update station set district_code = ? where id = ?")
						.params((i % 2 == 0) ? "110105" : "110106", id)
						.update();
				}
			}, pool));
			CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(drift()).isZero();
		assertThat(stationDrift()).isZero();
	}

	private long stationDrift() {
		return this.jdbc.sql(STATION_DRIFT).query(Long.class).single();
	}

	private long drift() {
		return this.jdbc.sql(DRIFT).query(Long.class).single();
	}

	private long rows() {
		return this.jdbc.sql("select count(*) from rating_figures").query(Long.class).single();
	}

	private Station station(String district) {
		return TestStations.listed(this.registry, "汇总驿站" + UUID.randomUUID().toString().substring(0, 6), "测试地址",
				district, 39.92, 116.45);
	}

}
