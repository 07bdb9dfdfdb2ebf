package org.yizhan.finder;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * PostgreSQL + PostGIS over the same points: {@code geography(Point, 4326)} with a GiST
 * index, KNN by {@code ORDER BY geog <-> p LIMIT k} (sphere distance, like ours), the amenity as a {@code WHERE} on a
 * bit mask and open-now as a boolean column pre-computed for the fixed instant, which
 * favours PostGIS (it evaluates no opening hours). One connection, one prepared statement
 * (server-side after the driver's fifth use), from the benchmark's JVM.
 */
final class PostgisKnnContender implements AutoCloseable {

	/**
	 * The KNN scan walks the GiST index in distance order and stops after k rows that pass the
	 * filters; the radius is applied to those k.
	 */
	static final String QUERY = """
			SELECT id FROM (
			  SELECT id, geog <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS distance
			  FROM bench_station
			  WHERE open_now AND (amenities & ?) = ?
			  ORDER BY distance
			  LIMIT ?) nearest
			WHERE distance <= ?
			ORDER BY distance""";

	/**
	 * The textbook spelling, the radius as {@code ST_DWithin} (sphere) in the {@code WHERE}: the
	 * planner then prefers a bitmap scan of the whole circle and a sort.
	 */
	static final String DWITHIN_QUERY = """
			SELECT id FROM bench_station
			WHERE open_now AND (amenities & ?) = ?
			  AND ST_DWithin(geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, false)
			ORDER BY geog <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography
			LIMIT ?""";

	private final Connection connection;

	private final PreparedStatement statement;

	private final PreparedStatement dwithin;

	final String dwithinPlan;

	final String version;

	final String plan;

	/** The server process that answers this connection, for its CPU time. */
	private final long backendPid;

	PostgisKnnContender(String url, List<IndexedStation> stations, boolean[] openNow) throws Exception {
		this.connection = DriverManager.getConnection(url);
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("CREATE EXTENSION IF NOT EXISTS postgis");
			ddl.execute("DROP TABLE IF EXISTS bench_station");
			ddl.execute("CREATE TABLE bench_station (id bigint PRIMARY KEY, amenities bigint NOT NULL, "
					+ "open_now boolean NOT NULL, geog geography(Point, 4326) NOT NULL)");
		}
		StringBuilder copy = new StringBuilder(stations.size() * 64);
		for (int i = 0; i < stations.size(); i++) {
			IndexedStation station = stations.get(i);
			copy.append(station.id())
				.append('\t')
				.append(station.amenityBits())
				.append('\t')
				.append(openNow[i] ? 't' : 'f')
				.append("\tSRID=4326;POINT(")
				.append(station.lon())
				.append(' ')
				.append(station.lat())
				.append(")\n");
		}
		connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY bench_station (id, amenities, open_now, geog) FROM STDIN", new StringReader(copy.toString()));
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("CREATE INDEX bench_station_geog ON bench_station USING gist (geog)");
			ddl.execute("VACUUM ANALYZE bench_station");
			try (ResultSet rs = ddl.executeQuery("SELECT version() || ' / PostGIS ' || postgis_lib_version()")) {
				rs.next();
				this.version = rs.getString(1);
			}
		}
		try (Statement pid = connection.createStatement(); ResultSet rs = pid.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			this.backendPid = rs.getLong(1);
		}
		this.statement = connection.prepareStatement(QUERY);
		this.dwithin = connection.prepareStatement(DWITHIN_QUERY);
		this.plan = explain(QUERY, false);
		this.dwithinPlan = explain(DWITHIN_QUERY, true);
	}

	/** PostgreSQL's plan for a sample origin in central Hangzhou. */
	private String explain(String query, boolean dwithinForm) throws SQLException {
		try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
			if (dwithinForm) {
				bindDwithin(explain, 30.27, 120.16, 1L << 4, 5000, 10);
			}
			else {
				bind(explain, 30.27, 120.16, 1L << 4, 5000, 10);
			}
			List<String> lines = new ArrayList<>();
			try (ResultSet rs = explain.executeQuery()) {
				while (rs.next()) {
					lines.add(rs.getString(1));
				}
			}
			return String.join("\n", lines);
		}
	}

	private static void bind(PreparedStatement statement, double lat, double lon, long mask, double radius, int k)
			throws SQLException {
		statement.setDouble(1, lon);
		statement.setDouble(2, lat);
		statement.setLong(3, mask);
		statement.setLong(4, mask);
		statement.setInt(5, k);
		statement.setDouble(6, radius);
	}

	private static void bindDwithin(PreparedStatement statement, double lat, double lon, long mask, double radius,
			int k) throws SQLException {
		statement.setLong(1, mask);
		statement.setLong(2, mask);
		statement.setDouble(3, lon);
		statement.setDouble(4, lat);
		statement.setDouble(5, radius);
		statement.setDouble(6, lon);
		statement.setDouble(7, lat);
		statement.setInt(8, k);
	}

	long[] nearbyDwithin(double lat, double lon, long mask, double radius, int k) throws SQLException {
		bindDwithin(dwithin, lat, lon, mask, radius, k);
		return ids(dwithin, k);
	}

	long[] nearby(double lat, double lon, long mask, double radius, int k) throws SQLException {
		bind(statement, lat, lon, mask, radius, k);
		return ids(statement, k);
	}

	private static long[] ids(PreparedStatement statement, int k) throws SQLException {
		long[] found = new long[k];
		int size = 0;
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				found[size++] = rs.getLong(1);
			}
		}
		return size == k ? found : Arrays.copyOf(found, size);
	}

	/**
	 * The CPU time (user + system) the server process of this connection has used so far,
	 * from {@code /proc/<pid>/stat} in clock ticks of 10 ms (Linux's USER_HZ); -1 where
	 * it cannot be read (another machine, no /proc).
	 */
	long backendCpuNanos() {
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(backendPid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	@Override
	public void close() throws SQLException {
		statement.close();
		dwithin.close();
		connection.close();
	}

}
