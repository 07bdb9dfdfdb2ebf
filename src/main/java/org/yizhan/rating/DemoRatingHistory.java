package org.yizhan.rating;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city a generated history of QR ratings, so that a first visit finds
 * satisfaction figures, rankings and digests with something in them instead of zeros. It
 * is demo data and says so: every generated comment starts with {@value #LABEL}, the
 * figures pages show a notice while the history is in the database, and the device of
 * each rating is a hash of {@code demo:} and the station and day.
 *
 * <p>
 * Loaded once per database (a marker row), only on a database whose stations are the demo
 * city's (its own marker row) and that holds no rating yet, so real ratings are never
 * mixed with generated ones; one SQL statement, so the roll-up triggers see one batch.
 * The spread is deterministic (hashes of station code and day, no random numbers): about
 * one station in seventeen gets no rating at all and one in seven only a few, the rest
 * one on roughly every eighth day over {@value #DAYS} days up to yesterday, stars leaning
 * to each station's own level. Switched off with
 * {@code yizhan.demo.history.enabled=false} (the tests do, as their stations share one
 * database).
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoRatingHistory implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-rating-history";

	static final String LABEL = "【演示数据】";

	static final int DAYS = 120;

	private static final Logger log = LoggerFactory.getLogger(DemoRatingHistory.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoRatingHistory(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> loadOnce());
	}

	/** Whether the database holds the generated history: the figures pages say so. */
	boolean isLoaded() {
		return imports.isLoaded(IMPORT_NAME);
	}

	void loadOnce() {
		long started = System.nanoTime();
		imports.generateOnceForDemoCity(IMPORT_NAME, "rating", clock.instant(), this::generate)
			.ifPresent(rows -> log.info(
					"Generated the demo city's rating history (演示数据): {} ratings over {} days in {} ms", rows, DAYS,
					(System.nanoTime() - started) / 1_000_000));
	}

	/**
	 * Writes the history of every listed station, {@value #DAYS} days up to yesterday, in
	 * the caller's transaction; the number of ratings written.
	 */
	int generate() {
		LocalDate yesterday = LocalDate.now(clock.withZone(YizhanTime.ZONE)).minusDays(1);
		LocalDate first = yesterday.minusDays(DAYS - 1);
		for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(yesterday); month = month.plusMonths(1)) {
			jdbc.sql("select create_rating_partition(:month)").param("month", month).query(Boolean.class).single();
		}
		return jdbc
			.sql("""
					insert into rating (station_id, rating_day, created_at, stars, tags, category, comment, device_hash,
					                    near_station, status)
					select g.id, g.day,
					       (g.day + make_interval(mins => 420 + g.h % 840)) at time zone 'Asia/Shanghai',
					       g.stars,
					       string_to_array(case
					           when g.stars >= 4 then (array['CLEAN', 'FRIENDLY', 'WELL_EQUIPPED,CLEAN', 'OPEN_ON_TIME', ''])[1 + g.h % 5]
					           when g.stars <= 2 then (array['UNHYGIENIC', 'FACILITY_BROKEN', 'NOT_OPEN', 'OUT_OF_SUPPLIES',
					                                         'UNATTENDED'])[1 + g.h % 5]
					           else '' end, ',')::varchar[],
					       (array['RIDER', 'COURIER', 'SANITATION', 'DRIVER', 'POLICE', 'OTHER', 'RIDER', 'COURIER'])[1 + g.h % 8],
					       case when g.h % 8 = 0 then :label || case when g.stars >= 4 then '热水和座位都有，歇得舒服。'
					                                                 when g.stars <= 2 then '去的时候没人，门也锁着。'
					                                                 else '还行，充电的插座少了点。' end end,
					       sha256(convert_to('demo:' || g.id || ':' || g.day, 'UTF8')), true, 'COUNTED'
					from (
					    select s.id, d.day::date as day, abs(hashtext(s.code || d.day::date)) as h,
					           case when abs(hashtext(s.code || d.day::date)) % 10 < 2 + abs(hashtext(s.code)) % 4 then 5
					                when abs(hashtext(s.code || d.day::date)) % 10 < 7 then 4
					                when abs(hashtext(s.code || d.day::date)) % 10 < 8 then 3
					                when abs(hashtext(s.code || d.day::date)) % 10 < 9 then 2
					                else 1 end::smallint as stars,
					           abs(hashtext(s.code)) % 100 as kind
					    from station s
					    cross join generate_series(cast(:first as date), cast(:last as date), interval '1 day') as d(day)
					    where s.status = 'LISTED'
					) g
					where g.kind >= 6 and g.h % 100 < case when g.kind < 20 then 2 else 12 end
					""")
			.param("label", LABEL)
			.param("first", first)
			.param("last", yesterday)
			.update();
	}

}
