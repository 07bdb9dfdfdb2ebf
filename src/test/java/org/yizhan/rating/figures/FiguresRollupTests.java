package org.yizhan.rating.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.rating.HeldRatings;
import org.yizhan.rating.RatingRows;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.SignedIn;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up behind a union's figures stays exactly the sum of the rating table whoever
 * writes it: single and multi-row inserts, reviews, hand-written updates and deletes,
 * stations moving to another district (even while they are being rated), and its own
 * compaction. Compared with a plain recount of the rating table over every district and
 * day, not only this test's.
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

	@Autowired
	StationRegistry registry;

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

		this.held.review(heldOne, HeldRatings.Verdict.RELEASE);
		this.held.review(heldTwo, HeldRatings.Verdict.REJECT);
		assertThat(drift()).isZero();

		// writers the application does not have today: a correction, a deletion
		this.jdbc.sql("update rating set stars = 2, tags = '{NOT_OPEN}' where station_id = ? and stars = 5")
			.param(station.id().value())
			.update();
		this.jdbc.sql("delete from rating where station_id = ? and stars = 3").param(station.id().value()).update();
		this.jdbc.sql("update rating set reviewed_at = now() where station_id = ?")
			.param(station.id().value())
			.update();
		assertThat(drift()).isZero();

		long before = rows();
		this.compaction.compact();
		assertThat(drift()).isZero();
		assertThat(rows()).isLessThan(before);
		assertThat(this.jdbc.sql("""
				select count(*) from (select district_code, rating_day from rating_figures
				group by district_code, rating_day having count(*) > 1) keys""").query(Long.class).single()).isZero();
		assertThat(this.compaction.compact()).isZero();
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
	}

	private long drift() {
		return this.jdbc.sql(DRIFT).query(Long.class).single();
	}

	private long rows() {
		return this.jdbc.sql("select count(*) from rating_figures").query(Long.class).single();
	}

	private Station station(String district) {
		Station draft = this.registry.create(new StationInput("汇总驿站" + UUID.randomUUID().toString().substring(0, 6),
				"测试地址", district, "测试单位", "OTHER", 39.92, 116.45, "wgs84", null, null, List.of(), "24/7", null, null,
				false, null, null, null, null));
		return this.registry.list(draft.id(), null);
	}

}
