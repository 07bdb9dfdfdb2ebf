package org.yizhan.rating.figures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.rating.FiguresPeriod;
import org.yizhan.rating.SatisfactionFigures;
import org.yizhan.rating.SatisfactionFigures.Range;
import org.yizhan.rating.SignedIn;
import org.yizhan.station.StationId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction figures at national scale (docs/benchmarks.md): 186,000 stations over
 * every district of the union tree, half of them rated each day of one month (0.5 ratings
 * per station per day, 2.9 million ratings), then the figures of the nation, a province,
 * a city, a district and a station, each from the roll-up and, side by side, summed
 * straight from the rating table; the cost of the roll-up's triggers on ingestion, with
 * and without them in the same run. Not part of the build: {@code bench/figures.sh}.
 */
@SpringBootTest(properties = "yizhan.rating.figures.compact-interval=1h")
@EnabledIfSystemProperty(named = "yizhan.bench.figures", matches = "true")
class FiguresBenchmark {

	static final int STATIONS = 186_000;

	static final LocalDate FIRST = LocalDate.parse("2025-03-01");

	static final int DAYS = 31;

	@Autowired
	SatisfactionFigures figures;

	@Autowired
	FiguresCompaction compaction;

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void nationalScale() throws Exception {
		System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		try (Connection owner = DriverManager.getConnection(this.server.jdbcUrl())) {
			long started = System.nanoTime();
			try (Statement sql = owner.createStatement()) {
				sql.execute(
						"""
								insert into station (code, name, address, district_code, host_name, host_type, lat, lon, status,
								                     status_changed_at, created_at, updated_at, version, opening_hours)
								select d.code || '-' || (9000 + n / d.total), '基准驿站' || n, '基准路 ' || n || ' 号', d.code, '基准单位', 'OTHER',
								       30 + (n %% 1000) / 1000.0, 110 + (n %% 997) / 100.0, 'DRAFT', now(), now(), now(), 0, '24/7'
								from generate_series(1, %d) n
								join (select code, row_number() over (order by code) - 1 as i,
								             count(*) over () as total from organization where kind = 'DISTRICT') d
								  on d.i = n %% d.total"""
							.formatted(STATIONS));
			}
			System.out.printf(Locale.ROOT, "%,d stations in %,d districts in %.1f s%n", STATIONS,
					this.jdbc.sql("select count(distinct district_code) from station where name like '基准驿站%'")
						.query(Long.class)
						.single(),
					seconds(started));
			started = System.nanoTime();
			for (int day = 0; day < DAYS; day++) {
				try (PreparedStatement insert = owner.prepareStatement(
						"""
								insert into rating (station_id, rating_day, created_at, stars, tags, category, device_hash, status)
								select s.id, ?::date, ?::date + time '12:00', r.stars,
								       case when r.t < 0.3 then '{CLEAN,FRIENDLY}'::varchar[] when r.t < 0.5 then '{WELL_EQUIPPED}'
								            when r.t < 0.6 then '{NOT_OPEN}' when r.t < 0.65 then '{UNHYGIENIC,UNATTENDED}'
								            else '{}' end,
								       (array['RIDER','COURIER','SANITATION','DRIVER','POLICE','OTHER', null])[1 + (s.id %% 7)],
								       sha256(int8send(s.id) || int4send(?)),
								       case when r.t > 0.98 then 'HELD' else 'COUNTED' end
								from station s
								join (select id, random() as t, random() as pick,
								             (array[1,2,3,4,4,5,5,5,5,5])[1 + floor(random() * 10)::int] as stars
								      from station where name like '基准驿站%%') r on r.id = s.id
								where r.pick < 0.5"""
							.formatted())) {
					LocalDate date = FIRST.plusDays(day);
					insert.setString(1, date.toString());
					insert.setString(2, date.toString());
					insert.setInt(3, day);
					insert.executeUpdate();
				}
			}
			long ratings = this.jdbc.sql("select count(*) from rating where rating_day between :from and :to")
				.param("from", FIRST)
				.param("to", FIRST.plusDays(DAYS - 1))
				.query(Long.class)
				.single();
			System.out.printf(Locale.ROOT, "%,d ratings over %d days loaded in %.1f s (31 statements, triggers on)%n",
					ratings, DAYS, seconds(started));
			long deltas = rollupRows();
			started = System.nanoTime();
			int folded = this.compaction.compact();
			System.out.printf(Locale.ROOT, "roll-up: %,d delta rows folded to %,d in %.1f s (%,d away)%n", deltas,
					rollupRows(), seconds(started), folded);
			try (Statement sql = owner.createStatement()) {
				sql.execute("vacuum analyze rating");
				sql.execute("vacuum analyze rating_figures");
			}
		}

		SignedIn.as(this.jdbc, "admin");
		Range month = new Range(FiguresPeriod.MONTH, FIRST, FIRST);
		Range days = new Range(FiguresPeriod.DAY, FIRST, FIRST.plusDays(DAYS - 1));
		Range weeks = new Range(FiguresPeriod.WEEK, FIRST, FIRST.plusDays(DAYS - 1));
		String province = "330000";
		String city = "330100";
		String district = "330106";
		long stationId = this.jdbc.sql("select min(id) from station where name like '基准驿站%' and district_code = ?")
			.param(district)
			.query(Long.class)
			.single();
		System.out.println("query | roll-up (union) or rating table (station), median of 7 after 2 warm-ups | "
				+ "summed straight from the rating table, one run | ratio");
		// -Dyizhan.bench.figures.unions=false skips the unions (minutes), for the station
		// and ingestion only
		boolean unions = !"false".equals(System.getProperty("yizhan.bench.figures.unions"));
		for (String[] union : unions ? new String[][] { { "national", "100000" }, { "province 浙江", province },
				{ "city 杭州", city }, { "district 西湖区", district } } : new String[0][]) {
			for (Range range : List.of(month, weeks, days)) {
				String code = union[1];
				double rollup = median(() -> this.figures.forOrganization(code, range, null), 2, 7);
				// straight from the table, once a month per union only: it takes minutes
				// nationally
				if (range == month) {
					double raw = median(() -> rawUnionSums(code, range), 0, 1);
					System.out.printf(Locale.ROOT, "%s, March by %s | %.1f ms | %.1f ms | %.0f×%n", union[0],
							range.period().sqlUnit(), rollup, raw, raw / rollup);
				}
				else {
					System.out.printf(Locale.ROOT, "%s, March by %s | %.1f ms | – | –%n", union[0],
							range.period().sqlUnit(), rollup);
				}
			}
		}
		double station = median(() -> this.figures.forStation(StationId.of(stationId),
				new Range(FiguresPeriod.WEEK, FIRST.minusWeeks(8), FIRST.plusDays(DAYS - 1))), 2, 7);
		System.out.printf(Locale.ROOT, "one station, 13 weeks | %.2f ms%n", station);
		ingestion();
	}

	/**
	 * A union's figures summed from the rating table, as they would be without a roll-up.
	 */
	private Object rawUnionSums(String code, Range range) {
		return this.jdbc.sql("""
				select date_trunc(:unit, r.rating_day::timestamp)::date as bucket, %s
				from rating r join station s on s.id = r.station_id
				cross join lateral rating_figures_row(null, r.rating_day, 1, r.status, r.stars, r.tags, r.category) f
				where s.district_code in (select o.code from organization o, organization u
				                          where u.code = :code and (o.path = u.path or o.path like u.path || '/%%'))
				  and r.rating_day between :from and :to
				group by 1""".formatted(FigureColumns.sums("f")))
			.param("unit", range.period().sqlUnit())
			.param("code", code)
			.param("from", range.period().previous(range.from()))
			.param("to", range.to())
			.query((rs, row) -> rs.getLong("counted"))
			.list();
	}

	/**
	 * Single-row inserts, each its own transaction, from 4 connections, as an intake that
	 * does not batch would write: with the roll-up's triggers, then with them off
	 * ({@code session_replication_role = replica}), alternating, on the same stations.
	 */
	private void ingestion() throws Exception {
		List<Long> stations = this.jdbc.sql("select id from station where name like '基准驿站%' order by id limit 20000")
			.query(Long.class)
			.list();
		for (int round = 0; round < 2; round++) {
			for (boolean triggers : new boolean[] { true, false }) {
				double rate = insertRate(stations, triggers, round * 2 + (triggers ? 0 : 1));
				System.out.printf(Locale.ROOT,
						"ingestion, single-row inserts from 4 connections, triggers %s: %,.0f/s%n",
						triggers ? "on " : "off", rate);
			}
		}
	}

	private double insertRate(List<Long> stations, boolean triggers, int pass) throws Exception {
		int perThread = 5_000;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long started = System.nanoTime();
		List<Future<?>> work = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			int offset = thread;
			work.add(pool.submit(() -> {
				try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl())) {
					if (!triggers) {
						try (Statement sql = connection.createStatement()) {
							sql.execute("set session_replication_role = replica");
						}
					}
					SplittableRandom random = new SplittableRandom(pass * 10L + offset);
					try (PreparedStatement insert = connection.prepareStatement("""
							insert into rating (station_id, rating_day, created_at, stars, tags, device_hash, status)
							values (?, date '2025-04-01' + ?, now(), ?, '{CLEAN}', sha256(?::bytea), 'COUNTED')""")) {
						for (int i = 0; i < perThread; i++) {
							insert.setLong(1, stations.get(random.nextInt(stations.size())));
							insert.setInt(2, pass);
							insert.setInt(3, 1 + random.nextInt(5));
							insert.setBytes(4, (pass + "/" + offset + "/" + i).getBytes());
							insert.executeUpdate();
						}
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
		pool.shutdown();
		return 4 * perThread / seconds(started);
	}

	private long rollupRows() {
		return this.jdbc.sql("select count(*) from rating_figures").query(Long.class).single();
	}

	/** The median time in milliseconds of {@code runs} runs after {@code warmups}. */
	private static double median(Supplier<Object> query, int warmups, int runs) {
		for (int i = 0; i < warmups; i++) {
			query.get();
		}
		double[] times = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			query.get();
			times[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(times);
		return times[runs / 2];
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
