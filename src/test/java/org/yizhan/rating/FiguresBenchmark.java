package org.yizhan.rating;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.rating.SatisfactionFigures.Range;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The satisfaction figures at national scale (docs/benchmarks.md): 186,000 stations over
 * every district of the union tree, half of them rated each day of one month (0.5 ratings
 * per station per day, 2.9 million ratings), then the figures of the nation, a province,
 * a city, a district and a station, each from the roll-up and, side by side, summed
 * straight from the rating table, and each of its queries alone; the cost of the
 * roll-up's triggers on ingestion, in batches through the intake's own statement and in
 * single-row inserts, with and without them in the same run. Not part of the build:
 * {@code bench/figures.sh}.
 */
@SpringBootTest(properties = "yizhan.rating.figures.compact-interval=1h")
@EnabledIfSystemProperty(named = "yizhan.bench.figures", matches = "true")
class FiguresBenchmark {

	static final int STATIONS = 186_000;

	static final LocalDate FIRST = LocalDate.parse("2025-03-01");

	static final int DAYS = 31;

	/**
	 * Whether to keep the data of an earlier run ({@code bench/figures.sh --keep}, in its
	 * own folder) instead of loading it afresh.
	 */
	static final boolean KEEP = Boolean.getBoolean("yizhan.bench.figures.keep");

	@Autowired
	SatisfactionFigures figures;

	@Autowired
	FiguresCompaction compaction;

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FigureQueries queries;

	@Autowired
	StationRegistry registry;

	@Autowired
	OrganizationTree organizations;

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void nationalScale() throws Exception {
		System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		try (Connection owner = DriverManager.getConnection(this.server.jdbcUrl())) {
			if (KEEP && benchStations() >= STATIONS) {
				// bench/figures.sh --keep: the data of an earlier run, migrated by the
				// migrations since, less what its ingestion added in May. Half of that
				// was
				// inserted with the triggers off, so it is deleted with them off too, and
				// the roll-ups' rows of those days with it (a deletion through the
				// triggers would take away what was never added).
				try (Statement sql = owner.createStatement()) {
					sql.execute("""
							begin;
							set local session_replication_role = replica;
							delete from rating where rating_day >= date '2025-05-01';
							delete from rating_figures where rating_day >= date '2025-05-01';
							delete from rating_station_delta where rating_day >= date '2025-05-01';
							delete from rating_station_month where month >= date '2025-05-01';
							commit""");
				}
				long deltas = rollupRows();
				long started = System.nanoTime();
				int folded = this.compaction.compact();
				System.out.printf(Locale.ROOT,
						"%,d stations and %,d ratings of March kept from an earlier run; roll-up: %,d rows folded to %,d in %.1f s (%,d away)%n",
						benchStations(), ratingsOfMarch(), deltas, rollupRows(), seconds(started), folded);
			}
			else {
				load(owner);
			}
			try (Statement sql = owner.createStatement()) {
				sql.execute("vacuum analyze");
			}
			long started = System.nanoTime();
			System.out.printf(Locale.ROOT,
					"roll-up per station against a recount of the ratings: %,d station-months differ (%.1f s)%n",
					stationRollupDrift(), seconds(started));
		}
		SignedIn.as(this.jdbc, "admin");
		// -Dyizhan.bench.figures.unions=false skips the unions (minutes), for the station
		// and ingestion only
		if (!"false".equals(System.getProperty("yizhan.bench.figures.unions"))) {
			unions();
		}
		long stationId = this.jdbc.sql("select min(id) from station where name like '基准驿站%' and district_code = ?")
			.param("330106")
			.query(Long.class)
			.single();
		double station = median(() -> this.figures.forStation(StationId.of(stationId),
				new Range(FiguresPeriod.WEEK, FIRST.minusWeeks(8), FIRST.plusDays(DAYS - 1))), 2, 7);
		System.out.printf(Locale.ROOT, "one station, 13 weeks | %.2f ms%n", station);
		batches();
		ingestion();
	}

	/**
	 * 186,000 stations over every district, then each rated on about half the days of
	 * March, one day per statement through the triggers, and the roll-up compacted.
	 */
	private void load(Connection owner) throws SQLException {
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
			try (PreparedStatement insert = owner.prepareStatement("""
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
					where r.pick < 0.5""".formatted())) {
				LocalDate date = FIRST.plusDays(day);
				insert.setString(1, date.toString());
				insert.setString(2, date.toString());
				insert.setInt(3, day);
				insert.executeUpdate();
			}
		}
		System.out.printf(Locale.ROOT, "%,d ratings over %d days loaded in %.1f s (31 statements, triggers on)%n",
				ratingsOfMarch(), DAYS, seconds(started));
		long deltas = rollupRows();
		started = System.nanoTime();
		int folded = this.compaction.compact();
		System.out.printf(Locale.ROOT, "roll-up: %,d delta rows folded to %,d in %.1f s (%,d away)%n", deltas,
				rollupRows(), seconds(started), folded);
	}

	/**
	 * The figures of the nation, a province, a city and a district by month, week and
	 * day: the whole answer, then each of its three queries alone (the series with its
	 * categories and tags, the child unions, the stations of lowest satisfaction), and
	 * the series summed straight from the rating table for the month.
	 */
	private void unions() {
		// a range's last day is inclusive: the whole of March, not its first day
		Range month = new Range(FiguresPeriod.MONTH, FIRST, FIRST.plusDays(DAYS - 1));
		Range days = new Range(FiguresPeriod.DAY, FIRST, FIRST.plusDays(DAYS - 1));
		Range weeks = new Range(FiguresPeriod.WEEK, FIRST, FIRST.plusDays(DAYS - 1));
		Map<String, Object> params = new HashMap<>();
		String visible = this.registry.visibleStations().condition(params);
		System.out.println("query | whole answer, median of 7 after 2 warm-ups | series | child unions | lowest "
				+ "stations, each median of 5 after 1 | series straight from the rating table, one run");
		for (String[] union : new String[][] { { "national", "100000" }, { "province 浙江", "330000" },
				{ "city 杭州", "330100" }, { "district 西湖区", "330106" } }) {
			String code = union[1];
			String path = this.organizations.findByCode(code).orElseThrow().path();
			for (Range range : List.of(month, weeks, days)) {
				double whole = median(() -> this.figures.forOrganization(code, range, null), 2, 7);
				double series = median(() -> this.queries.unionSums(path, range.period(),
						range.period().previous(range.from()), range.to()), 1, 5);
				double children = median(() -> this.queries.childSums(path, range.from(), range.to()), 1, 5);
				double lowest = median(() -> this.queries.lowest(path, visible, params, range.from(), range.to(), 5,
						SatisfactionFigures.LOWEST_LIMIT), 1, 5);
				// straight from the table once a month per union only: minutes nationally
				String raw = (range == month)
						? String.format(Locale.ROOT, "%.1f ms", median(() -> rawUnionSums(code, range), 0, 1)) : "–";
				System.out.printf(Locale.ROOT, "%s, March by %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s%n",
						union[0], range.period().sqlUnit(), whole, series, children, lowest, raw);
			}
		}
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
	 * What the roll-up's triggers cost the intake, per batch: 500 ratings of 500 listed
	 * stations, each batch in its own transaction, through the very statement the
	 * intake's writer runs and with its settings, with the triggers on and, alternating,
	 * off ({@code session_replication_role = replica}). The statement is read from
	 * {@code rating.intake.JdbcRatingStore} itself, so this times whatever the writer
	 * does now.
	 */
	private void batches() throws Exception {
		Field field = Class.forName("org.yizhan.rating.intake.JdbcRatingStore").getDeclaredField("INSERT");
		field.setAccessible(true);
		String insert = (String) field.get(null);
		int size = 500;
		int warmups = 5;
		int runs = 40;
		try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl())) {
			List<Long> stations = new ArrayList<>();
			try (Statement sql = connection.createStatement()) {
				sql.execute("""
						update station set status = 'LISTED' where id in (
						    select id from station where name like '基准驿站%' order by id limit 20000)""");
				try (ResultSet rows = sql.executeQuery(
						"select id from station where name like '基准驿站%' and status = 'LISTED' order by id limit 20000")) {
					while (rows.next()) {
						stations.add(rows.getLong(1));
					}
				}
			}
			connection.setAutoCommit(false);
			SplittableRandom random = new SplittableRandom(42);
			double[][] times = new double[2][runs];
			for (int round = 0; round < warmups + runs; round++) {
				for (int triggers = 0; triggers < 2; triggers++) {
					double ms = batch(connection, insert, stations, size, random, triggers == 0);
					if (round >= warmups) {
						times[triggers][round - warmups] = ms;
					}
				}
			}
			double on = medianOf(times[0]);
			double off = medianOf(times[1]);
			System.out.printf(Locale.ROOT,
					"batch of %d through the intake's insert, median of %d, triggers on | %.1f ms | off | %.1f ms | "
							+ "the triggers' cost | %.1f ms per batch, %.1f µs per rating%n",
					size, runs, on, off, on - off, (on - off) * 1000 / size);
		}
	}

	/** One batch in its own transaction; the milliseconds of its insert statement. */
	private static double batch(Connection connection, String insert, List<Long> stations, int size,
			SplittableRandom random, boolean triggers) throws SQLException {
		String[] tagChoices = { "", "CLEAN", "CLEAN,FRIENDLY", "WELL_EQUIPPED", "NOT_OPEN", "UNHYGIENIC,UNATTENDED" };
		String[] categories = { "RIDER", "COURIER", "SANITATION", "DRIVER", "POLICE", "OTHER", null };
		Long[] stationIds = new Long[size];
		Integer[] days = new Integer[size];
		Long[] micros = new Long[size];
		Short[] stars = new Short[size];
		String[] tags = new String[size];
		String[] category = new String[size];
		String[] comments = new String[size];
		byte[][] devices = new byte[size][];
		byte[][] fingerprints = new byte[size][];
		Boolean[] near = new Boolean[size];
		String[] statuses = new String[size];
		String[] reasons = new String[size];
		LocalDate day = LocalDate.parse("2025-05-15");
		long noon = day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond() * 1_000_000;
		Set<Long> chosen = new HashSet<>();
		for (int i = 0; i < size; i++) {
			long station;
			do {
				station = stations.get(random.nextInt(stations.size()));
			}
			while (!chosen.add(station));
			boolean held = random.nextInt(50) == 0;
			stationIds[i] = station;
			days[i] = (int) day.toEpochDay();
			micros[i] = noon + random.nextLong(3_600_000_000L);
			stars[i] = (short) (1 + random.nextInt(5));
			tags[i] = tagChoices[random.nextInt(tagChoices.length)];
			category[i] = categories[random.nextInt(categories.length)];
			devices[i] = new byte[32];
			fingerprints[i] = new byte[32];
			random.nextBytes(devices[i]);
			random.nextBytes(fingerprints[i]);
			near[i] = random.nextBoolean() ? null : Boolean.TRUE;
			statuses[i] = held ? "HELD" : "COUNTED";
			reasons[i] = held ? "STATION_BURST" : "";
		}
		try (Statement sql = connection.createStatement()) {
			sql.execute("set local synchronous_commit = on; set local plan_cache_mode = force_generic_plan; "
					+ "set local session_replication_role = " + (triggers ? "origin" : "replica"));
		}
		long started = System.nanoTime();
		int stored = 0;
		try (PreparedStatement statement = connection.prepareStatement(insert)) {
			statement.setArray(1, connection.createArrayOf("int8", stationIds));
			statement.setArray(2, connection.createArrayOf("int4", days));
			statement.setArray(3, connection.createArrayOf("int8", micros));
			statement.setArray(4, connection.createArrayOf("int2", stars));
			statement.setArray(5, connection.createArrayOf("text", tags));
			statement.setArray(6, connection.createArrayOf("text", category));
			statement.setArray(7, connection.createArrayOf("text", comments));
			statement.setArray(8, connection.createArrayOf("bytea", devices));
			statement.setArray(9, connection.createArrayOf("bytea", fingerprints));
			statement.setArray(10, connection.createArrayOf("bool", near));
			statement.setArray(11, connection.createArrayOf("text", statuses));
			statement.setArray(12, connection.createArrayOf("text", reasons));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					stored++;
				}
			}
		}
		double ms = (System.nanoTime() - started) / 1e6;
		connection.commit();
		if (stored != size) {
			throw new IllegalStateException("stored " + stored + " of " + size);
		}
		return ms;
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
							values (?, date '2025-05-01' + ?, now(), ?, '{CLEAN}', sha256(?::bytea), 'COUNTED')""")) {
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

	/**
	 * The stations and months whose totals in the station roll-up (folded and fresh)
	 * differ from a recount of their counted ratings: zero, also after V16 filled it from
	 * the ratings stored before it.
	 */
	private long stationRollupDrift() {
		return this.jdbc.sql("""
				with rollup as (
				    select station_id, month, sum(counted) as counted, sum(stars) as stars, sum(satisfied) as satisfied
				    from (select station_id, month, counted_through[31] as counted, stars_through[31] as stars,
				                 satisfied_through[31] as satisfied
				          from rating_station_month
				          union all
				          select station_id, date_trunc('month', rating_day)::date, counted, stars, satisfied
				          from rating_station_delta) x
				    group by station_id, month
				    having sum(counted) <> 0 or sum(stars) <> 0 or sum(satisfied) <> 0),
				recount as (
				    select station_id, date_trunc('month', rating_day)::date as month, count(*) as counted,
				           sum(stars) as stars, count(*) filter (where stars >= 4) as satisfied
				    from rating where status = 'COUNTED' group by 1, 2)
				select count(*) from ((select * from rollup except select * from recount)
				                      union all (select * from recount except select * from rollup)) drift""")
			.query(Long.class)
			.single();
	}

	private long benchStations() {
		return this.jdbc.sql("select count(*) from station where name like '基准驿站%'").query(Long.class).single();
	}

	private long ratingsOfMarch() {
		return this.jdbc.sql("select count(*) from rating where rating_day between :from and :to")
			.param("from", FIRST)
			.param("to", FIRST.plusDays(DAYS - 1))
			.query(Long.class)
			.single();
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
		return medianOf(times);
	}

	private static double medianOf(double[] times) {
		double[] sorted = times.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
